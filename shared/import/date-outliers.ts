// Mistyped dates far from the rest. One referral typed 01/01/2031 in a list that ends in September 2024
// would become the extract date and shift the whole model. A date after the day of import cannot be right;
// a date separated from the rest of its column by a gap far wider than the column's own spacing is very
// likely a typo. Such dates are flagged on their cell and never taken as the extract date.
import { dateForPeople } from '../text/people-format.ts';
import { dayNumber, isoFromDayNumber } from './values/dates.ts';

/** The dates that can make an extract date: when things happened (not dates of birth), in either service's lists. */
export const activityDateKeys = ['referralDate', 'approachDate', 'startDate', 'endDate'] as const;
export type ActivityDateKey = (typeof activityDateKeys)[number];

export interface DatedRow {
  list: string;
  extract: string;
  values: Readonly<Record<string, unknown>>;
}

export interface DateFlag {
  /** 'future' and 'later' dates are never the extract date; 'earlier' ones only get a word. */
  kind: 'future' | 'later' | 'earlier';
  /** The sentence about the date, without an ending: "01/01/2031 is after the day of import (02/12/2026)". */
  reason: string;
}

export type DateFlags = Map<DatedRow, Map<ActivityDateKey, DateFlag>>;

// Too few dates say nothing about their own spacing.
const fewestToJudge = 10;
// A gap is suspicious when it is this many times the column's typical gap near that end, and at least this long.
const gapTimesTypical = 10;
const shortestSuspiciousGap = 92;
// Only the most extreme few dates of a column can be typos; anything more is how the data are.
const mostFlaggedShare = 0.01;

function median(values: Float64Array): number {
  if (values.length === 0) return 0;
  const sorted = values.slice().sort();
  return sorted[Math.floor(sorted.length / 2)]!;
}

// How many of the sorted days at the top end stand apart from the rest (0 when none).
function apartAtTop(days: Float64Array): number {
  const n = days.length;
  if (n < fewestToJudge) return 0;
  const quarter = Math.max(2, Math.floor(n / 4));
  const gaps = new Float64Array(quarter);
  for (let i = n - quarter; i < n; i++) gaps[i - (n - quarter)] = days[i]! - days[i - 1]!;
  const threshold = Math.max(shortestSuspiciousGap, gapTimesTypical * median(gaps));
  const most = Math.max(1, Math.floor(n * mostFlaggedShare));
  let apart = 0;
  for (let k = n - 1; k >= n - most; k--) if (days[k]! - days[k - 1]! > threshold) apart = n - k;
  return apart;
}

const quantile = (sorted: Float64Array, q: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.round(q * (sorted.length - 1))))]!;

/**
 * Flags the activity dates of each list and column of each extract that are after `today` or stand far
 * apart from the rest. Lower ends are judged only where a column covers a short window (referral dates,
 * end dates): start dates of children in care legitimately reach back many years.
 */
export function flagDateOutliers(rows: readonly DatedRow[], today: string): DateFlags {
  const flags: DateFlags = new Map();
  const flag = (row: DatedRow, key: ActivityDateKey, f: DateFlag) => {
    const byKey = flags.get(row) ?? new Map<ActivityDateKey, DateFlag>();
    if (!byKey.has(key)) byKey.set(key, f);
    flags.set(row, byKey);
  };
  // Each column's dates as (row index, day) pairs in two growing typed arrays: no object per date.
  // Columns are found through the row's extract and list, which change rarely from one row to the next.
  const groups = new Map<string, DateColumn>();
  let lastExtract: string | null = null;
  let lastList: string | null = null;
  const lastColumns: (DateColumn | undefined)[] = [];
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r]!;
    if (row.extract !== lastExtract || row.list !== lastList) {
      lastExtract = row.extract;
      lastList = row.list;
      lastColumns.length = 0;
    }
    const values = row.values;
    for (let k = 0; k < activityDateKeys.length; k++) {
      // The keys of activityDateKeys, each read by its name (a read by a key that changes from one read
      // to the next is the slow kind).
      const iso = k === 0 ? values.referralDate : k === 1 ? values.approachDate : k === 2 ? values.startDate : values.endDate;
      if (typeof iso !== 'string') continue;
      const key = activityDateKeys[k]!;
      if (iso > today) {
        flag(row, key, { kind: 'future', reason: `${dateForPeople(iso)} is after the day of import (${dateForPeople(today)})` });
        continue;
      }
      let group = lastColumns[k];
      if (!group) {
        // Made when its first date is met, so that columns are judged in the order they were met.
        const id = `${row.extract}\u0000${row.list}\u0000${key}`;
        group = groups.get(id);
        if (!group) groups.set(id, (group = new DateColumn(key)));
        lastColumns[k] = group;
      }
      group.add(r, dayNumber(iso));
    }
  }
  for (const group of groups.values()) {
    const n = group.length;
    const { key } = group;
    const order = orderByDay(group);
    const days = new Float64Array(n);
    for (let i = 0; i < n; i++) days[i] = group.days[order[i]!]!;
    const later = apartAtTop(days);
    const mirrored = new Float64Array(n); // the days negated and reversed: the lower end as a top end
    for (let i = 0; i < n; i++) mirrored[i] = -days[n - 1 - i]!;
    const earlier = key === 'startDate' ? 0 : apartAtTop(mirrored);
    if (later === 0 && earlier === 0) continue;
    const bulk = days.slice(earlier, days.length - later);
    const most = `most from ${dateForPeople(isoFromDayNumber(quantile(bulk, 0.05)))} to ${dateForPeople(isoFromDayNumber(quantile(bulk, 0.95)))}`;
    const rowAt = (k: number) => rows[group.rowIndex[order[k]!]!]!;
    const isoAt = (k: number) => rowAt(k).values[key] as string;
    for (let k = n - later; k < n; k++) flag(rowAt(k), key, { kind: 'later', reason: `${dateForPeople(isoAt(k))} is far later than the rest of this column (${most})` });
    for (let k = 0; k < earlier; k++) flag(rowAt(k), key, { kind: 'earlier', reason: `${dateForPeople(isoAt(k))} is far earlier than the rest of this column (${most})` });
  }
  return flags;
}

class DateColumn {
  readonly key: ActivityDateKey;
  length = 0;
  /** Index in the rows of each date, and its day number, in the order met (the first `length` of each). */
  rowIndex = new Int32Array(256);
  days = new Float64Array(256);

  constructor(key: ActivityDateKey) {
    this.key = key;
  }

  add(row: number, day: number): void {
    if (this.length === this.days.length) {
      const rowIndex = new Int32Array(this.length * 2);
      rowIndex.set(this.rowIndex);
      this.rowIndex = rowIndex;
      const days = new Float64Array(this.length * 2);
      days.set(this.days);
      this.days = days;
    }
    this.rowIndex[this.length] = row;
    this.days[this.length++] = day;
  }
}

/**
 * The positions of a column's dates sorted by day, ties in the order met (as a stable sort keeps them):
 * day and position packed into one number so that the typed array's own numeric sort does it.
 */
function orderByDay(column: DateColumn): Uint32Array {
  const n = column.length;
  const packed = new Float64Array(n);
  for (let i = 0; i < n; i++) packed[i] = column.days[i]! * n + i; // exact: |day| < 2^17, n < 2^32
  packed.sort();
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    const p = packed[i]!;
    order[i] = p - Math.floor(p / n) * n;
  }
  return order;
}
