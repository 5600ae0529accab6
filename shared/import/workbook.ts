// Workbooks to plain grids of cells. Excel workbooks (.xlsx, .xlsm) are read by our own streaming reader
// (xlsx/), bounded and checked part by part; the formats only SheetJS reads (.xls, .ods, .xlsb) go through
// it, after their zip container, if they have one, has been checked the same way. Formula cells give their
// cached value: that is what the analyst sees in Excel. A file that cannot be read raises a
// WorkbookReadError whose message names the file in plain words, never the parser's internals.
import { read, utils, type CellObject, type WorkSheet } from '@e965/xlsx';
import type { Cell } from './cells.ts';
import { maxPartBytes, maxWorkbookBytes } from './xlsx/read-limits.ts';
import { readXlsx, type SheetReading, type SheetRows } from './xlsx/read-xlsx.ts';
import { ArchiveFault, unreadableFileMessage, WorkbookReadError, type UnreadableReason } from './xlsx/workbook-read-error.ts';
import { looksLikeZip, openZip, unpackEntry, type HostInflate, type ZipArchive } from './xlsx/zip-archive.ts';
import { checkCompoundFile, looksLikeCompoundFile } from './xlsx/compound-file.ts';

export { WorkbookReadError } from './xlsx/workbook-read-error.ts';
export type SheetGrid = SheetRows;
export type { SheetReading } from './xlsx/read-xlsx.ts';
export type { HostInflate } from './xlsx/zip-archive.ts';

function cellValue(cell: CellObject | undefined): Cell {
  if (!cell) return null;
  switch (cell.t) {
    case 'n':
      return typeof cell.v === 'number' ? cell.v : null;
    case 's':
      return typeof cell.v === 'string' ? cell.v : null;
    case 'b':
      return typeof cell.v === 'boolean' ? cell.v : null;
    case 'd':
      return cell.v instanceof Date ? cell.v : typeof cell.v === 'string' ? cell.v : null;
    case 'e': // an error value such as #N/A: shown as its text, which the value readers treat as blank
      return typeof cell.w === 'string' ? cell.w : '#N/A';
    default:
      return null;
  }
}

function sheetGrid(name: string, sheet: WorkSheet | undefined): SheetGrid {
  if (!sheet) throw new ArchiveFault('damaged', `SheetJS gave no sheet for ${name}`);
  const data = (sheet['!data'] ?? []) as Array<Array<CellObject | undefined> | undefined>;
  if (!sheet['!ref'] || data.length === 0) return { sheet: name, firstRow: 1, rows: [] };
  const range = utils.decode_range(sheet['!ref']);
  const lastRow = Math.min(range.e.r, data.length - 1);
  const rows: Cell[][] = [];
  for (let r = range.s.r; r <= lastRow; r++) {
    const source = data[r] ?? [];
    const lastColumn = Math.min(range.e.c, source.length - 1);
    const row: Cell[] = [];
    // Columns before the range's first column are empty by definition; keep column A at index 0.
    for (let c = 0; c <= lastColumn; c++) row.push(c < range.s.c ? null : cellValue(source[c]));
    rows.push(row);
  }
  return { sheet: name, firstRow: range.s.r + 1, rows };
}

/** Every sheet as SheetJS reads it: the formats only it reads, and the reference the tests hold our reader to. */
export function readWithSheetJs(bytes: Uint8Array): SheetGrid[] {
  const book = read(bytes, { type: 'array', dense: true, cellFormula: false, cellHTML: false, cellText: false, cellDates: false, cellStyles: false });
  return book.SheetNames.map((name) => sheetGrid(name, book.Sheets[name]));
}

// Before SheetJS sees a zipped workbook (.ods, .xlsb) every entry is checked, within the caps.
function checkWholeArchive(archive: ZipArchive, bytes: Uint8Array): void {
  if (archive.entries.reduce((sum, e) => sum + e.size, 0) > maxWorkbookBytes) throw new ArchiveFault('too-large', 'archive larger than the workbook cap');
  for (const entry of archive.entries) unpackEntry(bytes, entry, () => false, maxPartBytes);
}

function sheetJsFailure(err: unknown): UnreadableReason {
  const text = err instanceof Error ? err.message : String(err);
  if (/password|encrypt/i.test(text)) return 'password';
  if (/unsupported file|not a (spreadsheet|zip)|invalid html|unrecognized/i.test(text)) return 'not-a-workbook';
  return 'damaged';
}

/**
 * The sheets of a workbook file as grids of cells. With `reading`, sheets of an Excel workbook whose first
 * rows show no list are read only that far. With `host`, an Excel workbook's parts are inflated by the host's
 * own (faster) inflater.
 */
export function readWorkbookGrids(bytes: Uint8Array, file = 'The workbook', reading?: SheetReading, host?: HostInflate): SheetGrid[] {
  try {
    if (looksLikeZip(bytes)) {
      const archive = openZip(bytes);
      const sheets = readXlsx(archive, bytes, file, reading, host);
      if (sheets) return sheets;
      if (!archive.find('content.xml') && !archive.find('xl/workbook.bin')) throw new ArchiveFault('not-a-workbook', 'a zip without a workbook');
      checkWholeArchive(archive, bytes);
    } else if (looksLikeCompoundFile(bytes)) checkCompoundFile(bytes);
    else if (/\.(xlsx|xlsm)$/i.test(file)) throw new ArchiveFault('not-a-workbook', 'an Excel workbook name on something else');
    try {
      return readWithSheetJs(bytes);
    } catch (err) {
      throw new ArchiveFault(sheetJsFailure(err), `SheetJS: ${err instanceof Error ? err.message : String(err)}`);
    }
  } catch (err) {
    if (err instanceof WorkbookReadError) throw err;
    if (err instanceof ArchiveFault) throw new WorkbookReadError(err.reason, unreadableFileMessage(file, err.reason), err.detail);
    // Anything else is a fault of ours reading an unusual file: still said plainly.
    throw new WorkbookReadError('unreadable', unreadableFileMessage(file, 'unreadable'), err instanceof Error ? `${err.name}: ${err.message}` : String(err));
  }
}
