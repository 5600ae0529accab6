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
  /** The different cells of a column from row `from` on (see DistinctCells). */
  distinct(column: number, from: number): DistinctCells;
}

/**
 * The different cells of a column, in the order first met, and how often each is met; and for each row,
 * which it holds. Texts and numbers are told apart by value; a cell of another kind (a workbook's date
 * cell, each its own object) is left to be read from its row. A cell past the end of its row is null.
 */
export interface DistinctCells {
  /** For each row, the place of its cell in `cells`; -1 for rows before `from` and cells left to their rows. */
  ids: Int32Array;
  cells: Cell[];
  counts: number[];
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

  distinct(column: number, from: number): DistinctCells {
    const ids = new Int32Array(this.length).fill(-1);
    const cells: Cell[] = [];
    const counts: number[] = [];
    const known = new Map<Cell, number>();
    for (let i = from; i < this.length; i++) {
      const cell = this.rows[i]![column] ?? null;
      if (cell !== null && typeof cell !== 'string' && typeof cell !== 'number') continue;
      let id = known.get(cell);
      if (id === undefined) {
        known.set(cell, (id = cells.length));
        cells.push(cell);
        counts.push(0);
      }
      ids[i] = id;
      counts[id]!++;
    }
    return { ids, cells, counts };
  }
}

/** The first `count` rows (those a header row is looked for in). */
export function firstRows(rows: GridRows, count: number): (readonly Cell[])[] {
  const head: (readonly Cell[])[] = [];
  for (let i = 0; i < Math.min(count, rows.length); i++) head.push(rows.row(i));
  return head;
}
