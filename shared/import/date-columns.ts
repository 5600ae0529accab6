// The date columns of one list from one source (a sheet, a CSV file, a paste): the order each is read in,
// settled from all its values before any row is read, so that no row is read the wrong way round.
import type { GridRows } from './grid-rows.ts';
import { tableSpec, type TableId } from './table-specs.ts';
import { dateColumnKey, decideDateOrder, DateColumnEvidence, type DateColumnDecision, type DateOrderAnswer, type DateQuestion } from './values/date-order.ts';
import type { DateOrder } from './values/dates.ts';

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

export interface SettledDateColumns<L extends TableId> {
  /** Field key to order, for the columns read month first (others are day first). */
  orders: Map<string, DateOrder>;
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
    const evidence = new DateColumnEvidence();
    for (let i = table.firstData; i < table.rows.length; i++) evidence.add(table.rows.cell(i, index) ?? null);
    const ref = { list: table.list, file: table.file, sheet: table.sheet, column: table.headers[index] || field.header.trim() };
    return { field, ref, evidence };
  });
  const settled: SettledDateColumns<L> = { orders: new Map(), decisions: [], questions: [] };
  for (const { field, ref, evidence } of columns) {
    const siblingDayFirst = columns.some((c) => c.field !== field && c.evidence.provenDayFirst);
    const { decision, question } = decideDateOrder(ref, evidence, { given: options.dateOrder, answer: answers.get(dateColumnKey(ref)), siblingDayFirst });
    settled.orders.set(field.key, decision.order);
    settled.decisions.push(decision);
    if (question) settled.questions.push(question);
  }
  return settled;
}
