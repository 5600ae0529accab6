// Delimited text: what Excel puts on the clipboard (tab-separated, cells with tabs or line breaks quoted,
// quotes doubled) and CSV/TSV files. Each record keeps the line it started on, so a message can name the
// row the user sees.
import { cellText, isVisibleStart } from '../cells.ts';
import type { DistinctCells } from '../grid-rows.ts';
import { slotOf } from './string-table.ts';

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

/** Every row of the text as an array of its cells. */
export function parseDelimitedRows(text: string, delimiter: Delimiter = sniffDelimiter(text)): DelimitedRows {
  const scan = scanDelimited(text, delimiter);
  const rows: string[][] = [];
  const lines: number[] = [];
  for (let r = 0; r < scan.length; r++) {
    rows.push(scan.row(r));
    lines.push(scan.line(r));
  }
  return { rows, lines };
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
// no copy is made for it at all. The value readers' caches, keyed by these strings, find them at once.
// Direct-mapped: a text that does not repeat (an ID) takes a slot from an older one, which is made again
// when next met; what is handed back is the same text either way.
const internSlots = 8192;
const longestInterned = 64;

class CellTexts {
  private readonly keys: (string | undefined)[] = new Array<string | undefined>(internSlots);
  /** The hash of each slot's text: most texts that are not the slot's are told apart without reading it. */
  private readonly hashes = new Int32Array(internSlots);

  /** text[start, end), whose characters hash to `hash` (see hashOf). */
  slice(text: string, start: number, end: number, hash: number): string {
    const length = end - start;
    if (length > longestInterned) return text.slice(start, end);
    const slot = (hash ^ (hash >>> 13)) & (internSlots - 1);
    const key = this.keys[slot];
    if (key !== undefined && this.hashes[slot] === hash && key.length === length) {
      // Compared here, character by character: for texts this short a call to startsWith costs more.
      let k = 0;
      while (k < length && key.charCodeAt(k) === text.charCodeAt(start + k)) k++;
      if (k === length) return key;
    }
    const made = text.slice(start, end);
    this.keys[slot] = made;
    this.hashes[slot] = hash;
    return made;
  }
}

/** A table of `size` slots holding the places of these cells, found by their hashes (the null cell left out). */
function rehashed(size: number, hashes: readonly number[], cells: readonly (string | null)[]): Int32Array<ArrayBuffer> {
  const table = new Int32Array(size).fill(-1);
  for (let id = 0; id < hashes.length; id++) {
    if (cells[id] === null) continue;
    let slot = slotOf(hashes[id]!, size - 1);
    while (table[slot]! >= 0) slot = (slot + 1) & (size - 1);
    table[slot] = id;
  }
  return table;
}

/** A copy of `array` with room for at least `size` numbers. */
function grown(array: Int32Array<ArrayBuffer>, size: number): Int32Array<ArrayBuffer> {
  const bigger = new Int32Array(Math.max(size, array.length * 2));
  bigger.set(array);
  return bigger;
}

/**
 * A delimited text read in one scan into where each cell starts: no string is made until a cell is asked
 * for, and what is asked for and let go costs the collector nothing. A big paste's rows are read once
 * each, and only the columns a list uses; most of what they hold repeats and is handed back without a copy.
 */
export class DelimitedCells {
  // The fields are set by the constructor alone ("declare": no field definitions run before it): a scan
  // compiled with the constructor inlined was thrown out again and again for want of their definitions' history.
  /** How many rows the text holds. */
  declare readonly length: number;
  declare private readonly text: string;
  declare private readonly texts: CellTexts;
  /**
   * Where each cell starts in the text (-1 - that place for a quoted cell). An unquoted cell ends one
   * character before the next cell of its row starts (at the delimiter), or where its row ends.
   */
  declare private readonly starts: Int32Array;
  /** The hash of each unquoted cell's characters, taken as the scan read them (see hashOf). */
  declare private readonly hashes: Int32Array;
  /** Quoted cells, unquoted, by their place among the cells (they are few). */
  declare private readonly quoted: ReadonlyMap<number, string>;
  /** The first cell of each row, and one past the last row's last cell. */
  declare private readonly rowFirst: Int32Array;
  /** Where each row's last cell ends: at its line break, or the end of the text. */
  declare private readonly rowEnd: Int32Array;
  declare private readonly rowLine: Int32Array;

  constructor(text: string, texts: CellTexts, starts: Int32Array, hashes: Int32Array, quoted: ReadonlyMap<number, string>, rowFirst: Int32Array, rowEnd: Int32Array, rowLine: Int32Array, length: number) {
    this.text = text;
    this.texts = texts;
    this.starts = starts;
    this.hashes = hashes;
    this.quoted = quoted;
    this.rowFirst = rowFirst;
    this.rowEnd = rowEnd;
    this.rowLine = rowLine;
    this.length = length;
  }

  /** The 1-based line on which a row starts. */
  line(row: number): number {
    return this.rowLine[row]!;
  }

  /** One cell's text; undefined past the end of its row. */
  cell(row: number, column: number): string | undefined {
    // cellAt and endOf written out: the import asks for a cell a million times, many of them before
    // the compiler has had time to put the three calls into one.
    const next = this.rowFirst[row + 1]!;
    const at = this.rowFirst[row]! + column;
    if (at >= next) return undefined;
    const start = this.starts[at]!;
    if (start < 0) return this.quoted.get(at)!;
    let end: number;
    if (at + 1 === next) end = this.rowEnd[row]!;
    else {
      const following = this.starts[at + 1]!;
      end = (following < 0 ? -1 - following : following) - 1;
    }
    return start === end ? '' : this.texts.slice(this.text, start, end, this.hashes[at]!);
  }

  /** Every cell of a row. */
  row(row: number): string[] {
    const first = this.rowFirst[row]!;
    const cells = new Array<string>(this.rowFirst[row + 1]! - first);
    for (let c = 0; c < cells.length; c++) cells[c] = this.cellAt(first + c, row);
    return cells;
  }

  /**
   * True when no cell of the row has anything in it (as isBlankRow judges cells), decided for most rows
   * from the first character of a cell without making its string.
   */
  blank(row: number): boolean {
    const last = this.rowFirst[row + 1]!;
    for (let at = this.rowFirst[row]!; at < last; at++) {
      const start = this.starts[at]!;
      if (start >= 0) {
        if (start === this.endOf(at, row)) continue;
        if (isVisibleStart(this.text.charCodeAt(start))) return false;
      }
      if (cellText(this.cellAt(at, row)) !== '') return false;
    }
    return true;
  }

  /**
   * The different cells of a column from row `from` on (see DistinctCells), told apart by their characters
   * in the text: a string is made once for each different cell, none for the rest.
   */
  distinct(column: number, from: number): DistinctCells {
    const ids = new Int32Array(this.length).fill(-1);
    const cells: (string | null)[] = [];
    const counts: number[] = [];
    const hashes: number[] = [];
    let table = new Int32Array(256).fill(-1); // hash slot -> place in `cells`
    let missing = -1; // the place of the null cell (past the end of a row), once met
    for (let r = from; r < this.length; r++) {
      const at = this.rowFirst[r]! + column;
      if (at >= this.rowFirst[r + 1]!) {
        if (missing < 0) {
          missing = cells.length;
          cells.push(null);
          counts.push(0);
          hashes.push(0);
        }
        ids[r] = missing;
        counts[missing]!++;
        continue;
      }
      const start = this.starts[at]!;
      const quoted = start < 0 ? this.quoted.get(at)! : null;
      const end = start < 0 ? 0 : this.endOf(at, r);
      const hash = quoted === null ? this.hashes[at]! : hashOf(quoted, 0, quoted.length);
      const mask = table.length - 1;
      let slot = slotOf(hash, mask);
      let id = table[slot]!;
      // Compared with the string made for the first such cell, not with that cell in the text, which may be far away.
      while (id >= 0 && !(hashes[id] === hash && (quoted === null ? textHolds(this.text, start, end, cells[id]!) : quoted === cells[id]))) {
        slot = (slot + 1) & mask;
        id = table[slot]!;
      }
      if (id < 0) {
        id = cells.length;
        table[slot] = id;
        cells.push(this.cellAt(at, r));
        counts.push(0);
        hashes.push(hash);
        if (cells.length * 2 > table.length) table = rehashed(table.length * 2, hashes, cells);
      }
      ids[r] = id;
      counts[id]!++;
    }
    return { ids, cells, counts };
  }

  /** Where an unquoted cell ends. */
  private endOf(at: number, row: number): number {
    if (at + 1 === this.rowFirst[row + 1]) return this.rowEnd[row]!;
    const next = this.starts[at + 1]!;
    return (next < 0 ? -1 - next : next) - 1;
  }

  private cellAt(at: number, row: number): string {
    const start = this.starts[at]!;
    if (start < 0) return this.quoted.get(at)!;
    const end = this.endOf(at, row);
    return start === end ? '' : this.texts.slice(this.text, start, end, this.hashes[at]!);
  }
}

/** The hash of text[from, to) that the scan takes of each cell as it reads it. */
function hashOf(text: string, from: number, to: number): number {
  let hash = 0;
  for (let i = from; i < to; i++) hash = (Math.imul(hash, 31) + text.charCodeAt(i)) | 0;
  return hash;
}

/** True when text[start, end) is `cell`. */
function textHolds(text: string, start: number, end: number, cell: string): boolean {
  if (cell.length !== end - start) return false;
  for (let k = 0; k < cell.length; k++) if (text.charCodeAt(start + k) !== cell.charCodeAt(k)) return false;
  return true;
}

/** About how many rows and cells a text holds, judged from its first lines (at most the first eight). */
function likelySize(text: string, delimiter: number): { rows: number; cells: number } {
  let lines = 0;
  let cells = 0;
  let at = 0;
  while (lines < 8 && at < text.length) {
    let end = text.indexOf('\n', at);
    if (end < 0) end = text.length;
    cells++;
    for (let i = at; i < end; i++) if (text.charCodeAt(i) === delimiter) cells++;
    lines++;
    at = end + 1;
  }
  if (lines === 0) return { rows: 0, cells: 0 };
  const rows = (text.length / Math.max(1, at)) * lines;
  return { rows, cells: (rows * cells) / lines };
}

/**
 * One pass over the text by character codes, noting where each cell starts. Same rules as Excel: a cell
 * is quoted only when its first character is a quote; a quoted cell runs to its closing quote (tabs and
 * line breaks inside are kept, doubled quotes are one); anything between the closing quote and the
 * delimiter is kept; CRLF, LF and CR end a row.
 */
export function scanDelimited(text: string, delimiter: Delimiter = sniffDelimiter(text)): DelimitedCells {
  const d = delimiter.charCodeAt(0);
  const n = text.length;
  // Room for as many cells and rows as the first lines suggest the text holds, and a quarter more: made
  // too big, the room is cleared for nothing; too small, it is copied as it grows.
  const { rows: likelyRows, cells: likelyCells } = likelySize(text, d);
  let starts = new Int32Array(64 + Math.ceil(likelyCells * 1.25));
  let hashes = new Int32Array(starts.length);
  let rowFirst = new Int32Array(16 + Math.ceil(likelyRows * 1.25));
  let rowEnd = new Int32Array(rowFirst.length);
  let rowLine = new Int32Array(rowFirst.length);
  const quoted = new Map<number, string>();
  const texts = new CellTexts();
  let cells = 0;
  let rows = 0;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  rowLine[0] = 1;
  while (i < n) {
    if (cells + 1 >= starts.length) {
      starts = grown(starts, cells + 2);
      hashes = grown(hashes, cells + 2);
    }
    // At the start of a cell.
    if (text.charCodeAt(i) === quote) {
      starts[cells] = -1 - i;
      let from = i + 1;
      let cell = '';
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
      quoted.set(cells, cell === '' ? '' : texts.slice(cell, 0, cell.length, hashOf(cell, 0, cell.length)));
    } else {
      starts[cells] = i;
      let hash = 0;
      while (i < n) {
        const c = text.charCodeAt(i);
        if (c === d || c === lineFeed || c === carriageReturn) break;
        hash = (Math.imul(hash, 31) + c) | 0;
        i++;
      }
      hashes[cells] = hash;
    }
    cells++;
    if (i >= n) break;
    const c = text.charCodeAt(i);
    if (c === d) {
      i++;
      // A row that ends with a delimiter ends with an empty cell.
      if (i >= n) {
        starts[cells] = n;
        hashes[cells++] = 0;
      }
      continue;
    }
    // A line break ends the row.
    if (rows + 2 >= rowFirst.length) {
      rowFirst = grown(rowFirst, rows + 3);
      rowEnd = grown(rowEnd, rows + 3);
      rowLine = grown(rowLine, rows + 3);
    }
    rowEnd[rows] = i;
    i += c === carriageReturn && text.charCodeAt(i + 1) === lineFeed ? 2 : 1;
    line++;
    rows++;
    rowFirst[rows] = cells;
    rowLine[rows] = line;
  }
  // The last row, unless the text ended with a line break.
  if (cells > rowFirst[rows]!) {
    rowEnd[rows] = n;
    rows++;
    rowFirst[rows] = cells;
  }
  return new DelimitedCells(text, texts, starts, hashes, quoted, rowFirst, rowEnd, rowLine, rows);
}
