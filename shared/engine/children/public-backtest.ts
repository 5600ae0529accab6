// Backtests of an aggregate history from every starting April it allows: fit on the years before, project
// to the last year given, compare each later year (referral totals, plans and children in care at 31 March)
// with the model and with carrying the last known value forward.
import type { AggregatePeriod } from './aggregate-history.ts';
import { runBacktest, type BacktestComparison } from './backtest.ts';
import { buildHistory } from './history.ts';
import { calendarMonth, monthLabel, type MonthIndex } from '../core/months.ts';

const compared = ['referrals', 'cppOpen', 'claOpen'] as const;

export interface PublicBacktest {
  /** `complete`: the year before the origin gives referrals, plan and care starts, and both stocks. */
  origins: Array<{ from: string; complete: boolean; comparisons: number; model: number | null; naive: number | null }>;
  bySeries: Record<(typeof compared)[number], { model: number | null; naive: number | null }>;
  model: number | null;
  naive: number | null;
  /** Over the origins whose previous year is complete. */
  complete: { origins: number; model: number | null; naive: number | null };
  modelWins: number;
}

const mean = (v: readonly number[]) => (v.length ? v.reduce((a, b) => a + b, 0) / v.length : null);

/** Origins: every April with at least `minYears` periods before it and one after. */
export function publicBacktest(periods: readonly AggregatePeriod[], minYears = 3): PublicBacktest {
  const empty = { extracts: [], referrals: [], cpp: [], cla: [] };
  const full = buildHistory(empty, periods);
  const last = Math.max(...periods.map((p) => p.toMonth));
  const first = Math.min(...periods.map((p) => p.fromMonth));
  const origins: MonthIndex[] = [];
  for (let m = first + minYears * 12; m <= last; m++) if (calendarMonth(m) === 3) origins.push(m);
  const all: BacktestComparison[] = [];
  const completeComparisons: BacktestComparison[] = [];
  const result: PublicBacktest['origins'] = [];
  for (const from of origins) {
    const b = runBacktest(empty, periods, from, last - from + 1, full);
    const mine = b.comparisons.filter((c) => (compared as readonly string[]).includes(c.series));
    all.push(...mine);
    const err = (pick: (c: BacktestComparison) => number) => mean(mine.map((c) => Math.abs(pick(c) - c.actual) / c.actual));
    const year = periods.find((p) => p.toMonth === from - 1);
    const complete = !!year && (['referrals', 'cppStarts', 'cppOpen', 'claStarts', 'claOpen'] as const).every((k) => typeof year.values[k] === 'number');
    if (complete) completeComparisons.push(...mine);
    result.push({ from: monthLabel(from), complete, comparisons: mine.length, model: err((c) => c.predicted), naive: err((c) => c.naive) });
  }
  const err = (cs: readonly BacktestComparison[], pick: (c: BacktestComparison) => number) => mean(cs.map((c) => Math.abs(pick(c) - c.actual) / c.actual));
  const bySeries = Object.fromEntries(compared.map((s) => [s, { model: err(all.filter((c) => c.series === s), (c) => c.predicted), naive: err(all.filter((c) => c.series === s), (c) => c.naive) }])) as PublicBacktest['bySeries'];
  return {
    origins: result,
    bySeries,
    model: err(all, (c) => c.predicted),
    naive: err(all, (c) => c.naive),
    complete: { origins: result.filter((o) => o.complete).length, model: err(completeComparisons, (c) => c.predicted), naive: err(completeComparisons, (c) => c.naive) },
    modelWins: result.filter((o) => o.model !== null && o.naive !== null && o.model < o.naive).length,
  };
}
