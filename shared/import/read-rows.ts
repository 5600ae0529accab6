// Reads the data rows of one detected list: each row is blank, rejected (with at least one error) or
// accepted (perhaps with warnings). Only the catalogue's columns are read.
import { dateForPeople } from '../text/people-format.ts';
import { isBlankValue, isEmptyText, type Cell } from './cells.ts';
import type { DateColumnCells } from './date-columns.ts';
import type { GridRows } from './grid-rows.ts';
import type { FieldSpec } from './list-catalogue.ts';
import { tableSpec, type TableId } from './table-specs.ts';
import { normaliseCode, parseYesNo } from './values/codes.ts';
import { parseDateCell, type DateOrder, type DateParse } from './values/dates.ts';
import { parseAge, parseCount, parseMoney } from './values/numbers.ts';

export type FieldValue = string | number | boolean | null;

export interface RowProblem {
  column: string;
  /**
   * What is wrong with the cell, said after its column ("Date of referral: missing, so ..."): every place
   * that shows it names the column once, so the message never names it again.
   */
  /** An error rejects the row; a warning or a note (info) does not. */
  severity: 'error' | 'warning' | 'info';
  message: string;
}

export type RowOutcome =
  | { status: 'blank'; row: number }
  | { status: 'rejected'; row: number; problems: readonly RowProblem[] }
  | { status: 'accepted'; row: number; values: Record<string, FieldValue>; rawId: Cell; problems: readonly RowProblem[] };

export interface TableLayout {
  list: TableId;
  columns: ReadonlyMap<string, number>;
  /** Header text per column index, as in the file (for messages). */
  headers: readonly string[];
  /** The order each date column's text dates are read in, by field key (day first when absent). */
  dateOrders?: ReadonlyMap<string, DateOrder>;
  /** Date columns' cells, each different one read once, by field key (see settleDateColumns). */
  dateCells?: ReadonlyMap<string, DateColumnCells>;
}

type Problem = Omit<RowProblem, 'column'>;

// The value readField read, handed back beside its problem: the caller stores it once (a store by a key
// that changes field by field is the slow kind, and each was made twice, null first).
let fieldValue: FieldValue = null;

/**
 * Reads one cell into `fieldValue` (null when blank or unreadable); returns the problem, if any (null when
 * the cell is fine). A date cell already read in its column's order comes with that reading (`dated`).
 */
function readField(field: FieldSpec, cell: Cell, dateOrder: DateOrder, dated: DateParse | null): Problem | null {
  fieldValue = null;
  // A word column's "None" is a value (no duty owed), not a spreadsheet's placeholder for nothing.
  if (field.kind === 'choice' ? isEmptyText(cell) : isBlankValue(cell)) {
    return field.required ? { severity: 'error', message: 'missing, so this row cannot be used' } : null;
  }
  switch (field.kind) {
    case 'id':
      return null; // pseudonymised by the caller; the raw ID never becomes a value
    case 'date': {
      const parsed = dated ?? parseDateCell(cell, dateOrder);
      if (parsed.ok) {
        fieldValue = parsed.iso;
        return null;
      }
      // An unreadable key date or end date changes what the row means: reject. A date of birth does not.
      const severity = field.required || field.key === 'endDate' ? 'error' : 'warning';
      const consequence = severity === 'error' ? '' : '; it was left blank';
      return { severity, message: `${parsed.message}${consequence}` };
    }
    case 'age':
    case 'count':
    case 'money': {
      const parsed = field.kind === 'age' ? parseAge(cell) : field.kind === 'count' ? parseCount(cell) : parseMoney(cell);
      if (parsed.ok) fieldValue = parsed.value;
      return parsed.ok ? null : leftBlank(parsed.message);
    }
    case 'yes-no': {
      const parsed = parseYesNo(cell);
      if (parsed.ok) fieldValue = parsed.value;
      return parsed.ok ? null : leftBlank(parsed.message);
    }
    case 'code': {
      const parsed = normaliseCode(field.codeList!, cell);
      if (parsed.ok) fieldValue = parsed.code;
      return parsed.ok ? null : leftBlank(parsed.message);
    }
    case 'choice': {
      // An unknown word that still counts (as "other") is a note; one that cannot count is left blank.
      const parsed = field.choice!(cell);
      fieldValue = parsed.value;
      if (parsed.ok) return null;
      return { severity: parsed.value === null ? 'warning' : 'info', message: parsed.message };
    }
  }
}

const leftBlank = (message: string): Problem => ({ severity: 'warning', message: `${message}; it was left blank` });

/** Shared by every row without problems, so that such rows allocate no list. Never written to. */
const noProblems: readonly RowProblem[] = Object.freeze([]);

/** What a layout says of each of the list's fields, worked out once per layout. */
interface FieldPlan {
  /** The column of each field (-1 when absent). */
  columns: Int32Array;
  /** The order each field's text dates are read in (day first for all but month-first date columns). */
  orders: DateOrder[];
  /** A date field's column's cells, each read once; undefined for the other fields. */
  dated: (DateColumnCells | undefined)[];
}

const fieldPlans = new WeakMap<TableLayout, FieldPlan>();
// The rows of one table come one after another with one layout: the last one is kept at hand.
let lastLayout: TableLayout | null = null;
let lastPlan: FieldPlan | null = null;
function planOf(layout: TableLayout): FieldPlan {
  if (layout === lastLayout) return lastPlan!;
  let plan = fieldPlans.get(layout);
  if (!plan) {
    const fields = tableSpec(layout.list).fields;
    plan = { columns: new Int32Array(fields.length), orders: [], dated: [] };
    for (let f = 0; f < fields.length; f++) {
      const field = fields[f]!;
      plan.columns[f] = layout.columns.get(field.key) ?? -1;
      plan.orders.push(field.kind === 'date' ? (layout.dateOrders?.get(field.key) ?? 'dmy') : 'dmy');
      plan.dated.push(field.kind === 'date' ? layout.dateCells?.get(field.key) : undefined);
    }
    fieldPlans.set(layout, plan);
  }
  lastLayout = layout;
  lastPlan = plan;
  return plan;
}

const emptyValues = new Map<TableId, Readonly<Record<string, FieldValue>>>();
function emptyValuesOf(list: TableId): Readonly<Record<string, FieldValue>> {
  let empty = emptyValues.get(list);
  if (!empty) emptyValues.set(list, (empty = Object.fromEntries(tableSpec(list).fields.map((f) => [f.key, null]))));
  return empty;
}

/** Reads row `i` of `rows`, which the person knows as row (or line) `rowNumber`. */
export function readRow(layout: TableLayout, rows: GridRows, i: number, rowNumber: number): RowOutcome {
  if (rows.blank(i)) return { status: 'blank', row: rowNumber };
  const fields = tableSpec(layout.list).fields;
  const { columns, orders, dated } = planOf(layout);
  // Every field's key, in the catalogue's order, from the start: each row of a list has the same shape
  // (the keys are the catalogue's, never the file's).
  const values: Record<string, FieldValue> = { ...emptyValuesOf(layout.list) };
  let problems: RowProblem[] | null = null;
  let rawId: Cell = null;
  let rejected = false;
  for (let f = 0; f < fields.length; f++) {
    const field = fields[f]!;
    const index = columns[f]!;
    const dateCells = dated[f];
    const id = dateCells === undefined ? -1 : dateCells.ids[i]!;
    // A date column's cell and its reading, from those of the column's different cells where it is one.
    const cell = id >= 0 ? dateCells!.cells[id]! : index < 0 ? null : (rows.cell(i, index) ?? null);
    if (field.kind === 'id') rawId = cell;
    const problem = readField(field, cell, orders[f]!, id >= 0 ? dateCells!.parses[id]! : null);
    values[field.key] = fieldValue;
    if (problem) {
      // The column as the file names it, worked out only for the rows that need it.
      const column = index < 0 ? field.header.trim() : layout.headers[index] || field.header.trim();
      (problems ??= []).push({ column, ...problem });
      rejected ||= problem.severity === 'error';
    }
  }
  const dateProblems = checkDates(layout, values);
  if (dateProblems) {
    (problems ??= []).push(...dateProblems);
    rejected = true;
  }
  return rejected ? { status: 'rejected', row: rowNumber, problems: problems! } : { status: 'accepted', row: rowNumber, values, rawId, problems: problems ?? noProblems };
}

function columnName(layout: TableLayout, key: string): string {
  const index = layout.columns.get(key);
  const field = tableSpec(layout.list).fields.find((f) => f.key === key)!;
  return (index === undefined ? '' : layout.headers[index]) || field.header.trim();
}

// Checks between dates of one row (each one rejects it). Those that need the extract date are made once it is known.
function checkDates(layout: TableLayout, values: Record<string, FieldValue>): RowProblem[] | null {
  const start = values.startDate as string | null | undefined;
  const end = values.endDate as string | null | undefined;
  const birth = values.dateOfBirth as string | null | undefined;
  let problems: RowProblem[] | null = null;
  if (start && end && end < start) {
    (problems ??= []).push({ column: columnName(layout, 'endDate'), severity: 'error', message: `ends (${dateForPeople(end)}) before it starts (${dateForPeople(start)}); check both dates` });
  }
  // A child protection plan may start before birth (pre-birth plans are real); a period of care cannot.
  if (layout.list === 'cla' && start && birth && start < birth) {
    (problems ??= []).push({ column: columnName(layout, 'startDate'), severity: 'error', message: `the period of care starts (${dateForPeople(start)}) before the child's date of birth (${dateForPeople(birth)}); check both dates` });
  }
  return problems;
}
