// A cell as the readers hand it over: what a spreadsheet or a pasted line can hold.
export type Cell = string | number | boolean | Date | null;

// Spreadsheet exports fill empty cells with these; they mean "nothing here".
const blankMarkers = new Set(['', '#n/a', 'n/a', '#null!', 'null', 'nan', '-', '--', 'none', '#value!', '#ref!']);

/** Text of a cell with non-breaking and odd spaces folded to plain spaces and trimmed. */
const oddSpace = /[\u00a0\u2007\u202f\u200b\ufeff\t\r\n]| {2}/;

export function cellText(cell: Cell): string {
  if (cell === null) return '';
  if (typeof cell === 'string') {
    // Fast path for the common, clean cell: most cells of a large paste need no work at all.
    if (cell === '' || (cell.charCodeAt(0) > 32 && cell.charCodeAt(cell.length - 1) > 32 && !oddSpace.test(cell))) return cell;
    return cell.replace(/[\u00a0\u2007\u202f\u200b\ufeff\t\r\n]+/g, ' ').replace(/ {2,}/g, ' ').trim();
  }
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? '' : cell.toISOString();
  return String(cell);
}

/** True for cells that carry no value, including the placeholders spreadsheets use for "no value". */
export function isBlankValue(cell: Cell): boolean {
  if (cell === null) return true;
  if (typeof cell === 'number') return !Number.isFinite(cell);
  if (cell instanceof Date) return Number.isNaN(cell.getTime());
  if (typeof cell === 'boolean') return false;
  const text = cellText(cell);
  return text.length <= 7 && blankMarkers.has(text.toLowerCase()); // no marker is longer than "#value!"

}

/** A row is blank when no cell has anything in it at all (placeholders such as "#N/A" count as content). */
export function isBlankRow(row: readonly Cell[]): boolean {
  return row.every((cell) => cell === null || (typeof cell === 'string' && cellText(cell) === ''));
}
