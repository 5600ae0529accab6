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

export function parseDelimited(text: string, delimiter: Delimiter = sniffDelimiter(text)): DelimitedRecord[] {
  const records: DelimitedRecord[] = [];
  let cells: string[] = [];
  let cell = '';
  let line = 1;
  let recordLine = 1;
  let i = 0;
  const start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  i = start;
  let atCellStart = true;
  const endCell = () => {
    cells.push(cell);
    cell = '';
    atCellStart = true;
  };
  const endRecord = () => {
    endCell();
    records.push({ line: recordLine, cells });
    cells = [];
  };
  while (i < text.length) {
    const c = text[i]!;
    if (atCellStart && c === '"') {
      // A quoted cell: runs to the closing quote; doubled quotes are one quote; tabs and breaks are kept.
      i++;
      atCellStart = false;
      for (;;) {
        if (i >= text.length) break;
        const q = text[i]!;
        if (q === '"') {
          if (text[i + 1] === '"') {
            cell += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        if (q === '\n') line++;
        cell += q;
        i++;
      }
      // Anything between the closing quote and the delimiter is kept, as Excel does.
      while (i < text.length && text[i] !== delimiter && text[i] !== '\n' && text[i] !== '\r') cell += text[i++];
      continue;
    }
    atCellStart = false;
    if (c === delimiter) {
      endCell();
      i++;
    } else if (c === '\r' || c === '\n') {
      endRecord();
      i += c === '\r' && text[i + 1] === '\n' ? 2 : 1;
      line++;
      recordLine = line;
    } else {
      // An unquoted run: take it whole up to the next delimiter or line break.
      let j = i + 1;
      while (j < text.length) {
        const d = text[j];
        if (d === delimiter || d === '\n' || d === '\r') break;
        j++;
      }
      cell += text.slice(i, j);
      i = j;
    }
  }
  // The last record, unless the text ended with a line break.
  if (cells.length > 0 || cell !== '' || !atCellStart) endRecord();
  return records;
}
