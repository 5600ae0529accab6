// Monthly history rebuilt from the lists, and from aggregate figures where the lists are silent. Each
// extract sees the six months before its date completely: referrals received, plans and periods of care
// started or ended, and so the stock open at each month's end. Months outside every such window are left
// unknown (null) rather than undercounted.
import type { ClaRecord, CppRecord, Dataset } from '../../dataset/types.ts';
import type { AggregatePeriod } from './aggregate-history.ts';
import { episodesAsSeen } from './episodes-as-seen.ts';
import { lastCompleteMonth, lastDayIso, monthOfIso, type MonthIndex } from '../core/months.ts';

export const seriesNames = ['referrals', 'cppStarts', 'cppEnds', 'cppOpen', 'claStarts', 'claEnds', 'claOpen'] as const;
export type SeriesName = (typeof seriesNames)[number];

export type MonthSource = 'lists' | 'aggregate' | 'aggregate-spread' | null;

export interface MonthlyHistory {
  months: MonthIndex[];
  series: Record<SeriesName, (number | null)[]>;
  /** Where each month's figures come from, per series. */
  sources: Record<SeriesName, MonthSource[]>;
  /** Observation windows of the lists, as [first complete month, last complete month] per extract. */
  windows: Array<{ extract: number; extractDate: string; windowStart: string; first: MonthIndex; last: MonthIndex }>;
  lastObservedMonth: MonthIndex | null;
}

/** The day before the six-month window of an extract starts: rows dated after it are in the lists. */
export function windowStartIso(extractDate: string): string {
  const y = +extractDate.slice(0, 4);
  const m = +extractDate.slice(5, 7) - 6;
  const year = m <= 0 ? y - 1 : y;
  const month = m <= 0 ? m + 12 : m;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const day = Math.min(+extractDate.slice(8, 10), last);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function inAnyWindow(month: MonthIndex, windows: MonthlyHistory['windows']): boolean {
  return windows.some((w) => month >= w.first && month <= w.last);
}

/** The extracts that held a list: only they can say what the list shows, or that a row is missing from it. */
export function extractsHolding(records: ReadonlyArray<{ extract: number }>): Set<number> {
  const holding = new Set<number>();
  for (const r of records) holding.add(r.extract);
  return holding;
}

// The windows of the extracts that held a list: List 8 imported on its own says nothing about referrals
// or plans in the months only it saw.
function windowsHolding(records: ReadonlyArray<{ extract: number }>, windows: MonthlyHistory['windows']): MonthlyHistory['windows'] {
  const holding = extractsHolding(records);
  return windows.filter((w) => holding.has(w.extract));
}

function countEpisodes(episodes: ReadonlyArray<CppRecord | ClaRecord>, month: MonthIndex) {
  const end = lastDayIso(month);
  let starts = 0;
  let ends = 0;
  let open = 0;
  for (const e of episodes) {
    if (monthOfIso(e.startDate) === month) starts++;
    if (e.endDate && monthOfIso(e.endDate) === month) ends++;
    if (e.startDate <= end && (e.endDate === null || e.endDate > end)) open++;
  }
  return { starts, ends, open };
}

export function buildHistory(dataset: Dataset, aggregates: readonly AggregatePeriod[] = []): MonthlyHistory {
  // Episodes that later extracts show to have ended are closed (episodes-as-seen.ts).
  dataset = episodesAsSeen(dataset);
  const windows = dataset.extracts
    .filter((e) => e.extractDate > '1900-01-01')
    .map((e) => {
      const start = e.windowStart ?? windowStartIso(e.extractDate);
      return { extract: e.id, extractDate: e.extractDate, windowStart: start, first: monthOfIso(start) + 1, last: lastCompleteMonth(e.extractDate) };
    })
    .filter((w) => w.first <= w.last);

  const candidates: number[] = [];
  for (const w of windows) candidates.push(w.first, w.last);
  for (const a of aggregates) candidates.push(a.fromMonth, a.toMonth);
  if (candidates.length === 0) {
    const empty = Object.fromEntries(seriesNames.map((s) => [s, []])) as unknown as Record<SeriesName, never[]>;
    return { months: [], series: empty, sources: empty, windows, lastObservedMonth: null };
  }
  const first = Math.min(...candidates);
  const last = Math.max(...candidates);
  const months = Array.from({ length: last - first + 1 }, (_, i) => first + i);
  const series = Object.fromEntries(seriesNames.map((s) => [s, months.map(() => null)])) as Record<SeriesName, (number | null)[]>;
  const sources = Object.fromEntries(seriesNames.map((s) => [s, months.map(() => null)])) as Record<SeriesName, MonthSource[]>;

  const referralsByMonth = new Map<MonthIndex, number>();
  for (const r of dataset.referrals) {
    const m = monthOfIso(r.referralDate);
    referralsByMonth.set(m, (referralsByMonth.get(m) ?? 0) + 1);
  }
  const seenBy = { referrals: windowsHolding(dataset.referrals, windows), cpp: windowsHolding(dataset.cpp, windows), cla: windowsHolding(dataset.cla, windows) };
  months.forEach((month, i) => {
    if (inAnyWindow(month, seenBy.referrals)) {
      series.referrals[i] = referralsByMonth.get(month) ?? 0;
      sources.referrals[i] = 'lists';
    }
    for (const [list, prefix] of [['cpp', 'cpp'], ['cla', 'cla']] as const) {
      if (!inAnyWindow(month, seenBy[list])) continue;
      const c = countEpisodes(dataset[list], month);
      series[`${prefix}Starts`][i] = c.starts;
      series[`${prefix}Ends`][i] = c.ends;
      series[`${prefix}Open`][i] = c.open;
      for (const s of ['Starts', 'Ends', 'Open'] as const) sources[`${prefix}${s}`][i] = 'lists';
    }
  });

  // Aggregates fill what the lists do not cover. A longer period's flows are spread evenly over its
  // months (and marked so); its stock figures belong to its last month only.
  for (const period of aggregates) {
    const span = period.toMonth - period.fromMonth + 1;
    for (const name of seriesNames) {
      const value = period.values[name];
      if (value === null || value === undefined) continue;
      const isStock = name.endsWith('Open');
      for (let month = period.fromMonth; month <= period.toMonth; month++) {
        const i = month - first;
        if (sources[name][i] === 'lists') continue;
        if (isStock && month !== period.toMonth) continue;
        series[name][i] = isStock || span === 1 ? value : value / span;
        sources[name][i] = span === 1 || isStock ? 'aggregate' : 'aggregate-spread';
      }
    }
  }

  const observed = months.filter((_, i) => seriesNames.some((s) => series[s][i] !== null));
  return { months, series, sources, windows, lastObservedMonth: observed.length ? Math.max(...observed) : null };
}
