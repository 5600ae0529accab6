// The housing backtest: fit on the lists as they stood before a month, project from it, and compare with
// what the lists show after it, beside carrying the last month's value forward (the naive forecast a
// projection has to beat).
import type { HousingDataset } from '../../dataset/housing.ts';
import { dayNumber, isoFromDayNumber } from '../../import/values/dates.ts';
import { meanAbsolutePercentageError } from '../core/accuracy.ts';
import { firstDayIso, monthLabel, monthOfIso, type MonthIndex } from '../core/months.ts';
import { estimateHousing } from './housing-estimates.ts';
import { housingHistory, type HousingHistory } from './housing-history.ts';
import { housingSetup, projectHousingPath, allocateHousingSeries, centralDraw } from './housing-projection.ts';
import { housingVectors } from './housing-scenario.ts';

export const housingBacktestSeries = ['approaches', 'taStarts', 'taOpen', 'taNights'] as const;
type Series = (typeof housingBacktestSeries)[number];

export interface HousingBacktest {
  from: string;
  months: string[];
  actual: Record<Series, number[]>;
  predicted: Record<Series, number[]>;
  naive: Record<Series, number[]>;
  mape: Record<Series, number | null>;
  naiveMape: Record<Series, number | null>;
}

/** The lists as they stood on the last day before `month`: later approaches and placements unseen, later leavings not yet happened. */
export function housingDatasetBefore(dataset: HousingDataset, month: MonthIndex): HousingDataset {
  const cut = firstDayIso(month);
  const lastDay = isoFromDayNumber(dayNumber(cut) - 1);
  return {
    ...dataset,
    extracts: dataset.extracts.map((e) => ({ ...e, extractDate: lastDay < e.extractDate ? lastDay : e.extractDate })),
    cases: dataset.cases.filter((c) => c.approachDate < cut).map((c) => ({ ...c, dutyEnd: c.dutyEnd !== null && c.dutyEnd < cut ? c.dutyEnd : null })),
    ta: dataset.ta.filter((p) => p.placed < cut).map((p) => ({ ...p, left: p.left !== null && p.left < cut ? p.left : null })),
  };
}

export function runHousingBacktest(dataset: HousingDataset, fullHistory: HousingHistory, fromMonth: string, horizon: number): HousingBacktest | null {
  const from = monthOfIso(`${fromMonth}-01`);
  const known = housingDatasetBefore(dataset, from);
  const history = housingHistory(known);
  if (history.months.length < 12) return null;
  const estimates = estimateHousing(known, history);
  const h = Math.max(0, Math.min(horizon, fullHistory.lastMonth - from + 1));
  if (h === 0) return null;
  const setup = housingSetup(estimates, h, new Float64Array(6), new Float64Array(h).fill(1));
  const path = projectHousingPath(setup, housingVectors(null, from, h), centralDraw(), null, allocateHousingSeries(h));
  const at = from - fullHistory.firstMonth;
  const pick = (xs: readonly number[]) => xs.slice(at, at + h);
  const actual = { approaches: pick(fullHistory.approaches), taStarts: pick(fullHistory.taStarts), taOpen: pick(fullHistory.taOpen), taNights: pick(fullHistory.taNights) };
  const predicted = { approaches: [...path.approaches], taStarts: [...path.taStarts], taOpen: [...path.taOpen], taNights: [...path.taNights] };
  const last = (xs: readonly number[]) => xs.at(-1) ?? 0;
  // Nights carried forward as a nightly rate, so a short month is not an error of the naive forecast.
  const lastNightly = last(history.taNights) / Math.max(1, new Date(Date.UTC(+fromMonth.slice(0, 4), +fromMonth.slice(5, 7) - 1, 0)).getUTCDate());
  const naive = {
    approaches: actual.approaches.map(() => last(history.approaches)),
    taStarts: actual.taStarts.map(() => last(history.taStarts)),
    taOpen: actual.taOpen.map(() => last(history.taOpen)),
    taNights: actual.taNights.map((_, t) => lastNightly * setup.days[t]!),
  };
  const mapeOf = (p: Record<Series, number[]>) => Object.fromEntries(housingBacktestSeries.map((k) => [k, meanAbsolutePercentageError(actual[k].map((a, t) => ({ actual: a, predicted: p[k][t]! })))])) as Record<Series, number | null>;
  return { from: fromMonth, months: Array.from({ length: h }, (_, t) => monthLabel(from + t)), actual, predicted, naive, mape: mapeOf(predicted), naiveMape: mapeOf(naive) };
}
