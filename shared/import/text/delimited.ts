// Delimited text: what Excel puts on the clipboard (tab-separated, cells with tabs or line breaks quoted,
// quotes doubled) and CSV/TSV files. Each record keeps the line it started on, so a message can name the
// row the user sees.

export interface DelimitedRecord {
  /** 1-based line of the text on which the record starts. */
  line: number;
  cells: string[];
}

export type Delimiter = '\t' | ',' | ';';

/** The delimiter of the first line, judged outside quotes: tab beats comma beats semicolon. */
export function sniffDelimiter(text: string): Delimiter {
  const counts = { '\t': 0, ',': 0, ';': 0 };
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) break;
    else if (!quoted && (c === '\t' || c === ',' || c === ';')) counts[c]++;
  }
  if (counts['\t'] > 0) return '\t';
  if (counts[','] >= counts[';'] && counts[','] > 0) return ',';
  return counts[';'] > 0 ? ';' : '\t';
}

/**
 * The inverse of parseDelimited, as Excel writes it: a cell holding the delimiter, a quote or a line
 * break is quoted (quotes doubled), and every row ends with CRLF.
 */
export function formatDelimited(rows: readonly (readonly string[])[], delimiter: Delimiter = '\t'): string {
  const quote = (cell: string) => (cell.includes(delimiter) || /["\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);
  return rows.map((row) => `${row.map(quote).join(delimiter)}\r\n`).join('');
}

/** Rows of cells, and the line on which each row starts: the import reads these without a record object per row. */
export interface DelimitedRows {
  rows: string[][];
  lines: number[];
}

export function parseDelimited(text: string, delimiter: Delimiter = sniffDelimiter(text)): DelimitedRecord[] {
  const { rows, lines } = parseDelimitedRows(text, delimiter);
  return rows.map((cells, i) => ({ line: lines[i]!, cells }));
}

const quote = 34;
/** Beyond this many distinct cell texts (IDs mostly), new ones are no longer looked for again. */
const mostDistinctKept = 200_000;
const lineFeed = 10;
const carriageReturn = 13;

/** Newlines in text[from, to): lines that a quoted cell spans. */
function countLineFeeds(text: string, from: number, to: number): number {
  let count = 0;
  for (let at = text.indexOf('\n', from); at !== -1 && at < to; at = text.indexOf('\n', at + 1)) count++;
  return count;
}

/**
 * One pass over the text by character codes; a cell is one slice of the text unless it is quoted with
 * doubled quotes inside. Same rules as Excel: a cell is quoted only when its first character is a quote;
 * a quoted cell runs to its closing quote (tabs and line breaks inside are kept, doubled quotes are one);
 * anything between the closing quote and the delimiter is kept; CRLF, LF and CR end a row.
 */
export function parseDelimitedRows(text: string, delimiter: Delimiter = sniffDelimiter(text)): DelimitedRows {
  // Lists repeat the same few values down a column (codes, dates, yes/no): each distinct text is kept once
  // and the copies made while scanning are dropped at once, so a big paste keeps a few thousand strings
  // alive rather than a million, and the collector has that much less to move.
  const distinct = new Map<string, string>();
  const once = (cell: string): string => {
    const kept = distinct.get(cell);
    if (kept !== undefined) return kept;
    if (distinct.size < mostDistinctKept) distinct.set(cell, cell);
    return cell;
  };
  const rows: string[][] = [];
  const lines: number[] = [];
  const d = delimiter.charCodeAt(0);
  const n = text.length;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  let rowLine = 1;
  let cells: string[] = [];
  while (i < n) {
    // At the start of a cell.
    let cell: string;
    if (text.charCodeAt(i) === quote) {
      let from = i + 1;
      cell = '';
      for (;;) {
        const close = text.indexOf('"', from);
        if (close === -1) {
          // Unclosed: the rest of the text is the cell.
          line += countLineFeeds(text, from, n);
          cell += text.slice(from);
          i = n;
          break;
        }
        line += countLineFeeds(text, from, close);
        if (text.charCodeAt(close + 1) === quote) {
          cell += text.slice(from, close + 1);
          from = close + 2;
          continue;
        }
        cell += text.slice(from, close);
        i = close + 1;
        break;
      }
      let end = i;
      while (end < n) {
        const c = text.charCodeAt(end);
        if (c === d || c === lineFeed || c === carriageReturn) break;
        end++;
      }
      if (end > i) cell += text.slice(i, end);
      i = end;
    } else {
      let end = i;
      while (end < n) {
        const c = text.charCodeAt(end);
        if (c === d || c === lineFeed || c === carriageReturn) break;
        end++;
      }
      cell = text.slice(i, end);
      i = end;
    }
    cells.push(once(cell));
    if (i >= n) break;
    const c = text.charCodeAt(i);
    if (c === d) {
      i++;
      if (i >= n) cells.push(''); // a row that ends with a delimiter ends with an empty cell
      continue;
    }
    // A line break ends the row.
    rows.push(cells);
    lines.push(rowLine);
    cells = [];
    i += c === carriageReturn && text.charCodeAt(i + 1) === lineFeed ? 2 : 1;
    line++;
    rowLine = line;
  }
  // The last row, unless the text ended with a line break.
  if (cells.length > 0) {
    rows.push(cells);
    lines.push(rowLine);
  }
  return { rows, lines };
}
