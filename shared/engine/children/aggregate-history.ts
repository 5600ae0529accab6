// The contract's aggregate history CSV: published or internal counts for periods the lists do not cover.
//   from,to,referrals,cppStarts,cppEnds,cppOpen,claStarts,claEnds,claOpen
// A period is a month (from = to) or longer (a year ending 31 March: 2019-04 to 2020-03). Flows are totals
// over the period; ...Open are counts on its last day. Any value may be blank.
import { parseDelimited } from '../../import/text/delimited.ts';
import { monthLabel, type MonthIndex } from '../core/months.ts';
import type { SeriesName } from './history.ts';

export interface AggregatePeriod {
  fromMonth: MonthIndex;
  toMonth: MonthIndex;
  values: Partial<Record<SeriesName, number | null>>;
  line: number;
}

export type AggregateParse = { ok: true; periods: AggregatePeriod[] } | { ok: false; messages: string[] };

const valueColumns: readonly SeriesName[] = ['referrals', 'cppStarts', 'cppEnds', 'cppOpen', 'claStarts', 'claEnds', 'claOpen'];

function month(text: string): MonthIndex | null {
  const m = /^(\d{4})-(\d{2})$/.exec(text.trim());
  if (!m || +m[2]! < 1 || +m[2]! > 12) return null;
  return +m[1]! * 12 + +m[2]! - 1;
}

export function parseAggregateHistory(text: string, file = 'history CSV'): AggregateParse {
  const records = parseDelimited(text).filter((r) => r.cells.some((c) => c.trim() !== ''));
  const messages: string[] = [];
  if (records.length === 0) return { ok: false, messages: [`${file}: the file is empty; it needs a header row and one row per period.`] };
  const header = records[0]!.cells.map((c) => c.trim());
  const index = (name: string) => header.findIndex((h) => h.toLowerCase() === name.toLowerCase());
  for (const required of ['from', 'to']) if (index(required) < 0) messages.push(`${file}, line 1: there is no "${required}" column.`);
  const unknown = header.filter((h) => h !== '' && !['from', 'to', ...valueColumns.map((v) => v.toLowerCase())].includes(h.toLowerCase()));
  if (unknown.length) messages.push(`${file}, line 1: unknown column(s) ${unknown.map((u) => `"${u}"`).join(', ')}; the columns are from, to, ${valueColumns.join(', ')}.`);
  if (messages.length) return { ok: false, messages };

  const periods: AggregatePeriod[] = [];
  for (const record of records.slice(1)) {
    const cell = (name: string) => (record.cells[index(name)] ?? '').trim();
    const from = month(cell('from'));
    const to = month(cell('to'));
    if (from === null) messages.push(`${file}, line ${record.line}, column from: "${cell('from')}" is not a month written YYYY-MM.`);
    if (to === null) messages.push(`${file}, line ${record.line}, column to: "${cell('to')}" is not a month written YYYY-MM.`);
    if (from === null || to === null) continue;
    if (to < from) {
      messages.push(`${file}, line ${record.line}: the period ends (${monthLabel(to)}) before it starts (${monthLabel(from)}).`);
      continue;
    }
    const values: AggregatePeriod['values'] = {};
    for (const name of valueColumns) {
      const i = index(name);
      if (i < 0) continue;
      const raw = (record.cells[i] ?? '').trim().replace(/,/g, '');
      if (raw === '') {
        values[name] = null;
        continue;
      }
      const value = Number(raw);
      if (!Number.isFinite(value) || value < 0) messages.push(`${file}, line ${record.line}, column ${name}: "${raw}" is not a count (a number of 0 or more).`);
      else values[name] = value;
    }
    periods.push({ fromMonth: from, toMonth: to, values, line: record.line });
  }
  periods.sort((a, b) => a.fromMonth - b.fromMonth);
  for (let i = 1; i < periods.length; i++) {
    if (periods[i]!.fromMonth <= periods[i - 1]!.toMonth) messages.push(`${file}, line ${periods[i]!.line}: the period overlaps the one on line ${periods[i - 1]!.line}.`);
  }
  return messages.length ? { ok: false, messages } : { ok: true, periods };
}
