// Reads the data rows of one detected list: each row is blank, rejected (with at least one error) or
// accepted (perhaps with warnings). Only the catalogue's columns are read.
import { dateForPeople } from '../text/people-format.ts';
import { isBlankRow, isBlankValue, type Cell } from './cells.ts';
import { listCatalogue, type FieldSpec, type ListId } from './list-catalogue.ts';
import { normaliseCode, parseYesNo } from './values/codes.ts';
import { parseDateCell, type DateOrder } from './values/dates.ts';
import { parseAge, parseCount } from './values/numbers.ts';

export type FieldValue = string | number | boolean | null;

export interface RowProblem {
  column: string;
  severity: 'error' | 'warning';
  message: string;
}

export type RowOutcome =
  | { status: 'blank'; row: number }
  | { status: 'rejected'; row: number; problems: RowProblem[] }
  | { status: 'accepted'; row: number; values: Record<string, FieldValue>; rawId: Cell; problems: RowProblem[] };

export interface TableLayout {
  list: ListId;
  columns: ReadonlyMap<string, number>;
  /** Header text per column index, as in the file (for messages). */
  headers: readonly string[];
  /** The order each date column's text dates are read in, by field key (day first when absent). */
  dateOrders?: ReadonlyMap<string, DateOrder>;
}

function parseField(field: FieldSpec, cell: Cell, dateOrder: DateOrder): { value: FieldValue; problem?: Omit<RowProblem, 'column'> } {
  if (isBlankValue(cell)) {
    if (field.required) return { value: null, problem: { severity: 'error', message: `${field.header.trim()} is missing, so this row cannot be used` } };
    return { value: null };
  }
  switch (field.kind) {
    case 'id':
      return { value: null }; // pseudonymised by the caller; the raw ID never becomes a value
    case 'date': {
      const parsed = parseDateCell(cell, dateOrder);
      if (parsed.ok) return { value: parsed.iso };
      // An unreadable key date or end date changes what the row means: reject. A date of birth does not.
      const severity = field.required || field.key === 'endDate' ? 'error' : 'warning';
      const consequence = severity === 'error' ? '' : '; it was left blank';
      return { value: null, problem: { severity, message: `${field.header.trim()}: ${parsed.message}${consequence}` } };
    }
    case 'age': {
      const parsed = parseAge(cell);
      return parsed.ok ? { value: parsed.value } : { value: null, problem: { severity: 'warning', message: `${field.header.trim()}: ${parsed.message}; it was left blank` } };
    }
    case 'count': {
      const parsed = parseCount(cell);
      return parsed.ok ? { value: parsed.value } : { value: null, problem: { severity: 'warning', message: `${field.header.trim()}: ${parsed.message}; it was left blank` } };
    }
    case 'yes-no': {
      const parsed = parseYesNo(cell);
      return parsed.ok ? { value: parsed.value } : { value: null, problem: { severity: 'warning', message: `${field.header.trim()}: ${parsed.message}; it was left blank` } };
    }
    case 'code': {
      const parsed = normaliseCode(field.codeList!, cell);
      return parsed.ok ? { value: parsed.code } : { value: null, problem: { severity: 'warning', message: `${field.header.trim()}: ${parsed.message}; it was left blank` } };
    }
  }
}

export function readRow(layout: TableLayout, cells: readonly Cell[], rowNumber: number): RowOutcome {
  if (isBlankRow(cells)) return { status: 'blank', row: rowNumber };
  const spec = listCatalogue[layout.list];
  const values: Record<string, FieldValue> = {}; // keys are the catalogue's, never the file's
  const problems: RowProblem[] = [];
  let rawId: Cell = null;
  for (const field of spec.fields) {
    const index = layout.columns.get(field.key);
    const cell = index === undefined ? null : (cells[index] ?? null);
    const column = index === undefined ? field.header.trim() : layout.headers[index] || field.header.trim();
    if (field.kind === 'id') rawId = cell;
    const { value, problem } = parseField(field, cell, layout.dateOrders?.get(field.key) ?? 'dmy');
    values[field.key] = value;
    if (problem) problems.push({ column, ...problem });
  }
  checkDates(layout, values, problems);
  return problems.some((p) => p.severity === 'error') ? { status: 'rejected', row: rowNumber, problems } : { status: 'accepted', row: rowNumber, values, rawId, problems };
}

function columnName(layout: TableLayout, key: string): string {
  const index = layout.columns.get(key);
  const field = listCatalogue[layout.list].fields.find((f) => f.key === key)!;
  return (index === undefined ? '' : layout.headers[index]) || field.header.trim();
}

// Checks between dates of one row. Those that need the extract date are made once it is known.
function checkDates(layout: TableLayout, values: Record<string, FieldValue>, problems: RowProblem[]): void {
  const start = values.startDate as string | null | undefined;
  const end = values.endDate as string | null | undefined;
  const birth = values.dateOfBirth as string | null | undefined;
  if (start && end && end < start) {
    problems.push({ column: columnName(layout, 'endDate'), severity: 'error', message: `ends (${dateForPeople(end)}) before it starts (${dateForPeople(start)}); check both dates` });
  }
  // A child protection plan may start before birth (pre-birth plans are real); a period of care cannot.
  if (layout.list === 'cla' && start && birth && start < birth) {
    problems.push({ column: columnName(layout, 'startDate'), severity: 'error', message: `the period of care starts (${dateForPeople(start)}) before the child's date of birth (${dateForPeople(birth)}); check both dates` });
  }
}
