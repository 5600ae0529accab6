// The rows of a grid as the import reads them: a row at a time, a cell at a time. A workbook's sheet
// comes as rows already made; a paste or a CSV file as a scan of its text (text/delimited.ts), whose
// cells are made only when read, so a big paste is not held as a million strings while it is checked.
import { isBlankRow, type Cell } from './cells.ts';

export interface GridRows {
  readonly length: number;
  /** Every cell of a row. */
  row(i: number): readonly Cell[];
  /** One cell of a row; undefined past the end of it. */
  cell(i: number, column: number): Cell | undefined;
  /** True when no cell of the row has anything in it (see isBlankRow). */
  blank(i: number): boolean;
}

/** Rows already made: a workbook's sheet. */
export class ArrayRows implements GridRows {
  readonly length: number;
  private readonly rows: readonly (readonly Cell[])[];

  constructor(rows: readonly (readonly Cell[])[]) {
    this.rows = rows;
    this.length = rows.length;
  }

  row(i: number): readonly Cell[] {
    return this.rows[i]!;
  }

  cell(i: number, column: number): Cell | undefined {
    return this.rows[i]![column];
  }

  blank(i: number): boolean {
    return isBlankRow(this.rows[i]!);
  }
}

/** The first `count` rows (those a header row is looked for in). */
export function firstRows(rows: GridRows, count: number): (readonly Cell[])[] {
  const head: (readonly Cell[])[] = [];
  for (let i = 0; i < Math.min(count, rows.length); i++) head.push(rows.row(i));
  return head;
}
