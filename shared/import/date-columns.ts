// The date columns of one list from one source (a sheet, a CSV file, a paste): the order each is read in,
// settled from all its values before any row is read, so that no row is read the wrong way round.
import { isBlankValue, type Cell } from './cells.ts';
import type { GridRows } from './grid-rows.ts';
import { tableSpec, type TableId } from './table-specs.ts';
import { dateColumnKey, decideDateOrder, DateColumnEvidence, type DateColumnDecision, type DateOrderAnswer, type DateQuestion } from './values/date-order.ts';
import { parseDateCell, type DateOrder, type DateParse } from './values/dates.ts';

export interface DateColumnsOfTable<L extends TableId> {
  list: L;
  file: string;
  sheet: string | null;
  rows: GridRows;
  firstData: number;
  columns: ReadonlyMap<string, number>;
  headers: readonly string[];
}

export interface DateOrderOptions {
  /** One order for every column (the command line's --date-order). */
  dateOrder?: DateOrder | undefined;
  /** The person's answers to earlier questions. */
  answers?: readonly DateOrderAnswer<TableId>[] | undefined;
}

/**
 * One date column's cells, each different value once, and each read in the column's order: the rows are
 * read from these, so that a date met on a thousand rows is looked at once.
 */
export interface DateColumnCells {
  /** For each row of the grid, the place of its cell in `cells`; -1 for a cell read from the row itself (a workbook's date cell). */
  readonly ids: Int32Array;
  readonly cells: readonly Cell[];
  /** Each cell read as a date in the column's order; null for a blank cell (nothing to read). */
  readonly parses: readonly (DateParse | null)[];
}

export interface SettledDateColumns<L extends TableId> {
  /** Field key to order, for the columns read month first (others are day first). */
  orders: Map<string, DateOrder>;
  /** Field key to the column's cells. */
  cells: Map<string, DateColumnCells>;
  decisions: DateColumnDecision<L>[];
  questions: DateQuestion<L>[];
}

export function answersByColumn(answers: readonly DateOrderAnswer<TableId>[] = []): Map<string, DateOrder> {
  return new Map(answers.map((a) => [dateColumnKey(a), a.order]));
}

export function settleDateColumns<L extends TableId>(table: DateColumnsOfTable<L>, options: DateOrderOptions, answers: ReadonlyMap<string, DateOrder>): SettledDateColumns<L> {
  // The list's own date first: it is what the person knows best, and what the model counts by.
  const spec = tableSpec(table.list);
  const fields = spec.fields.filter((f) => f.kind === 'date' && table.columns.has(f.key)).sort((a, b) => Number(b.key === spec.keyDate) - Number(a.key === spec.keyDate));
  const columns = fields.map((field) => {
    const index = table.columns.get(field.key)!;
    const { ids, cells, counts } = table.rows.distinct(index, table.firstData);
    // Noted in the order first met, as many times as met: the same evidence as cell by cell.
    const evidence = new DateColumnEvidence();
    for (let id = 0; id < cells.length; id++) evidence.add(cells[id]!, counts[id]);
    const ref = { list: table.list, file: table.file, sheet: table.sheet, column: table.headers[index] || field.header.trim() };
    return { field, ref, evidence, ids, cells };
  });
  const settled: SettledDateColumns<L> = { orders: new Map(), cells: new Map(), decisions: [], questions: [] };
  for (const { field, ref, evidence, ids, cells } of columns) {
    const siblingDayFirst = columns.some((c) => c.field !== field && c.evidence.provenDayFirst);
    const { decision, question } = decideDateOrder(ref, evidence, { given: options.dateOrder, answer: answers.get(dateColumnKey(ref)), siblingDayFirst });
    settled.orders.set(field.key, decision.order);
    settled.cells.set(field.key, { ids, cells, parses: cells.map((cell) => (isBlankValue(cell) ? null : parseDateCell(cell, decision.order))) });
    settled.decisions.push(decision);
    if (question) settled.questions.push(question);
  }
  return settled;
}

