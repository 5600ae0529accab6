// Workbooks (.xlsx, .xls, .ods, and CSV opened as a workbook) through SheetJS, to plain grids of cells.
// Formula cells give their cached value: that is what the analyst sees in Excel.
import { read, utils, type CellObject, type WorkSheet } from '@e965/xlsx';
import type { Cell } from './cells.ts';

export interface SheetGrid {
  sheet: string;
  /** rows[i] is spreadsheet row firstRow + i (1-based, as Excel shows it). */
  firstRow: number;
  rows: Cell[][];
}

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

function sheetGrid(name: string, sheet: WorkSheet): SheetGrid {
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

export function readWorkbookGrids(bytes: Uint8Array): SheetGrid[] {
  const book = read(bytes, { type: 'array', dense: true, cellFormula: false, cellHTML: false, cellText: false, cellDates: false, cellStyles: false });
  return book.SheetNames.map((name) => sheetGrid(name, book.Sheets[name]!));
}
