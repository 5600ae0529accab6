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
const lineFeed = 10;
const carriageReturn = 13;

/** Newlines in text[from, to): lines that a quoted cell spans. */
function countLineFeeds(text: string, from: number, to: number): number {
  let count = 0;
  for (let at = text.indexOf('\n', from); at !== -1 && at < to; at = text.indexOf('\n', at + 1)) count++;
  return count;
}

// Lists repeat the same few values down a column (codes, dates, yes/no): a cell whose text was met
// recently is handed back as the same string, found by a hash of its characters in the text itself, so
// no copy is made for it at all. A big paste keeps a few thousand strings alive rather than a million, the
// collector has that much less to do, and the value readers' caches, keyed by these strings, find them at
// once. Direct-mapped: a text that does not repeat (an ID) takes a slot from an older one, which is made
// again when next met; what is handed back is the same text either way.
const internSlots = 8192;
const longestInterned = 64;

class CellTexts {
  private readonly keys: (string | undefined)[] = new Array<string | undefined>(internSlots);

  /** text[start, end), whose characters hash to `hash`. */
  slice(text: string, start: number, end: number, hash: number): string {
    const length = end - start;
    if (length > longestInterned) return text.slice(start, end);
    const slot = (hash ^ (hash >>> 13)) & (internSlots - 1);
    const key = this.keys[slot];
    if (key !== undefined && key.length === length && text.startsWith(key, start)) return key;
    const made = text.slice(start, end);
    this.keys[slot] = made;
    return made;
  }
}

/** The same hash CellTexts.slice takes, for a cell not sliced straight from the text (quoted ones). */
function hashOf(text: string): number {
  let hash = 0;
  for (let i = 0; i < text.length; i++) hash = (Math.imul(hash, 31) + text.charCodeAt(i)) | 0;
  return hash;
}

/**
 * One pass over the text by character codes; a cell is one slice of the text unless it is quoted with
 * doubled quotes inside. Same rules as Excel: a cell is quoted only when its first character is a quote;
 * a quoted cell runs to its closing quote (tabs and line breaks inside are kept, doubled quotes are one);
 * anything between the closing quote and the delimiter is kept; CRLF, LF and CR end a row.
 */
export function parseDelimitedRows(text: string, delimiter: Delimiter = sniffDelimiter(text)): DelimitedRows {
  const texts = new CellTexts();
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
      cell = cell.length > longestInterned ? cell : texts.slice(cell, 0, cell.length, hashOf(cell));
    } else {
      let end = i;
      let hash = 0;
      while (end < n) {
        const c = text.charCodeAt(end);
        if (c === d || c === lineFeed || c === carriageReturn) break;
        hash = (Math.imul(hash, 31) + c) | 0;
        end++;
      }
      cell = end === i ? '' : texts.slice(text, i, end, hash);
      i = end;
    }
    cells.push(cell);
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
