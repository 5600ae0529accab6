// A cell as the readers hand it over: what a spreadsheet or a pasted line can hold.
export type Cell = string | number | boolean | Date | null;

// Spreadsheet exports fill empty cells with these; they mean "nothing here".
const blankMarkers = new Set(['', '#n/a', 'n/a', '#null!', 'null', 'nan', '-', '--', 'none', '#value!', '#ref!']);

/** Text of a cell with non-breaking and odd spaces folded to plain spaces and trimmed. */
export function cellText(cell: Cell): string {
  if (cell === null) return '';
  if (typeof cell === 'string') {
    // Fast path for the common, clean cell: most cells of a large paste need no work at all.
    if (cell === '' || (cell.charCodeAt(0) > 32 && cell.charCodeAt(cell.length - 1) > 32 && !hasOddSpace(cell))) return cell;
    return cell.replace(/[\u00a0\u2007\u202f\u200b\ufeff\t\r\n]+/g, ' ').replace(/ {2,}/g, ' ').trim();
  }
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? '' : cell.toISOString();
  return String(cell);
}

/** True when the text holds an odd space (non-breaking, zero-width, tab, line break) or two spaces in a row. */
function hasOddSpace(text: string): boolean {
  // A scan by character codes: a regular expression per cell is most of the time of this check.
  let previous = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20) {
      if (c === 0x09 || c === 0x0a || c === 0x0d) return true;
    } else if (c === 0x20) {
      if (previous === 0x20) return true;
    } else if (c >= 0xa0 && (c === 0xa0 || c === 0x2007 || c === 0x202f || c === 0x200b || c === 0xfeff)) return true;
    previous = c;
  }
  return false;
}

/** True for cells that carry no value, including the placeholders spreadsheets use for "no value". */
export function isBlankValue(cell: Cell): boolean {
  if (cell === null) return true;
  if (typeof cell === 'number') return !Number.isFinite(cell);
  if (cell instanceof Date) return Number.isNaN(cell.getTime());
  if (typeof cell === 'boolean') return false;
  // Most cells begin with a letter or digit that no marker begins with: decided without a copy.
  if (cell.length > 0 && startsVisibly(cell)) {
    const first = cell.charCodeAt(0) | 32; // lower case for letters
    if (first !== 0x23 /* # */ && first !== 0x2d /* - */ && first !== 0x6e /* n */) return false;
  }
  const text = cellText(cell);
  return text.length <= 7 && blankMarkers.has(text.toLowerCase()); // no marker is longer than "#value!"

}

/** True when cellText(cell) is '': decided without the text for a cell that starts with a visible character. */
export function isEmptyText(cell: Cell): boolean {
  if (typeof cell === 'string' && cell.length > 0 && startsVisibly(cell)) return false;
  return cellText(cell) === '';
}

/** True when the first character is one that trimming and space folding keep. */
function startsVisibly(text: string): boolean {
  return isVisibleStart(text.charCodeAt(0));
}

/** True for a character that trimming and space folding keep when a cell starts with it. */
export function isVisibleStart(c: number): boolean {
  return c > 32 && c !== 0xa0 && c < 0x2000;
}

/** A row is blank when no cell has anything in it at all (placeholders such as "#N/A" count as content). */
export function isBlankRow(row: readonly Cell[]): boolean {
  for (let i = 0; i < row.length; i++) {
    const cell = row[i];
    if (cell === null || cell === undefined || cell === '') continue; // a hole in a sparse row is blank too
    if (typeof cell !== 'string' || startsVisibly(cell) || cellText(cell) !== '') return false;
  }
  return true;
}
