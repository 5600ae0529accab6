// Backtest: what would the model have said at the start of a past month, knowing only what was known then,
// and how far out was it? The data are cut at that month as an extract taken the day before would have
// seen them; the projection is compared with the months the lists later showed.
import type { ClaRecord, CppRecord, Dataset } from '../../dataset/types.ts';
import type { AggregatePeriod } from './aggregate-history.ts';
import { estimate, type Estimates } from './estimates.ts';
import { buildHistory, windowStartIso, type MonthlyHistory } from './history.ts';
import { meanAbsolutePercentageError } from '../core/accuracy.ts';
import { firstDayIso, lastDayIso, monthLabel, type MonthIndex } from '../core/months.ts';
import { allocateSeries, centralDraw, runProjection, type ProjectionSeries, type ProjectionSetup } from './project.ts';
import { baselineScenario, type Scenario } from '../scenario.ts';
import { scenarioVectors } from './scenario-vectors.ts';
import { monthForPeople } from '../../text/people-format.ts';
import { buildSetup } from './setup.ts';
import type { PlacementBacktest } from './placements/placement-backtest.ts';

export const backtestSeries = ['referrals', 'cppStarts', 'cppOpen', 'claStarts', 'claOpen'] as const;
export type BacktestSeries = (typeof backtestSeries)[number];

export interface BacktestResult {
  from: string;
  months: string[];
  actual: Record<BacktestSeries, (number | null)[]>;
  predicted: Record<BacktestSeries, number[]>;
  /**
   * Mean absolute percentage error over what was observed after `from`: each month the lists saw, and each
   * aggregate period as a whole (a year's total against the projected year's total, a stock at its last
   * month); null where nothing was observed.
   */
  mape: Record<BacktestSeries, number | null>;
  /** The same error for carrying the last known value forward (the stock, or the last year's monthly rate). */
  naiveMape: Record<BacktestSeries, number | null>;
  /** Each comparison made: a month, or an aggregate period. */
  comparisons: BacktestComparison[];
  monthsCompared: number;
  /** With a scenario (for example the 2020-21 lockdowns): its projection and errors too. */
  scenario?: { name: string; predicted: Record<BacktestSeries, number[]>; mape: Record<BacktestSeries, number | null> };
  /** Where placements are known: children in care by placement type, projected against what happened. */
  byPlacement?: PlacementBacktest;
}

export interface BacktestComparison {
  series: BacktestSeries;
  from: string;
  to: string;
  actual: number;
  predicted: number;
  naive: number;
}

/** What was observed after the origin: one month, or one aggregate period (flows summed, stocks at its end). */
export interface BacktestTarget {
  series: BacktestSeries;
  from: MonthIndex;
  to: MonthIndex;
  actual: number;
  stock: boolean;
}

export function backtestTargets(fullHistory: MonthlyHistory, aggregates: readonly AggregatePeriod[], from: MonthIndex, horizon: number): BacktestTarget[] {
  const last = from + horizon - 1;
  const targets: BacktestTarget[] = [];
  for (const series of backtestSeries) {
    const stock = series.endsWith('Open');
    const values = fullHistory.series[series];
    const sources = fullHistory.sources[series];
    fullHistory.months.forEach((month, i) => {
      const value = values[i];
      if (month < from || month > last || value === null || value === undefined || sources[i] === 'aggregate-spread') return;
      if (value > 0) targets.push({ series, from: month, to: month, actual: value, stock });
    });
    // Flows of longer aggregate periods, whole periods inside the horizon only, where no list month overlaps.
    if (stock) continue;
    for (const p of aggregates) {
      const value = p.values[series];
      if (p.toMonth === p.fromMonth || p.fromMonth < from || p.toMonth > last || typeof value !== 'number' || !(value > 0)) continue;
      const spread = fullHistory.months.every((m, i) => m < p.fromMonth || m > p.toMonth || sources[i] === 'aggregate-spread');
      if (spread) targets.push({ series, from: p.fromMonth, to: p.toMonth, actual: value, stock });
    }
  }
  return targets;
}

/** Carrying the last known value forward: the last stock, or the average month of the last known year. */
export function naiveForecast(knownHistory: MonthlyHistory, target: BacktestTarget): number {
  const values = knownHistory.series[target.series];
  const known = knownHistory.months.flatMap((m, i) => (values[i] !== null && values[i] !== undefined ? [{ m, v: values[i]! }] : []));
  if (known.length === 0) return 0;
  if (target.stock) return known.at(-1)!.v;
  const lastMonth = known.at(-1)!.m;
  const year = known.filter((k) => k.m > lastMonth - 12);
  const perMonth = year.reduce((a, k) => a + k.v, 0) / year.length;
  return perMonth * (target.to - target.from + 1);
}

export function targetValue(series: Record<BacktestSeries, ArrayLike<number>>, target: BacktestTarget, offset: number): number {
  const values = series[target.series];
  if (target.stock) return values[target.to + offset] ?? 0;
  let sum = 0;
  for (let m = target.from; m <= target.to; m++) sum += values[m + offset] ?? 0;
  return sum;
}

/** The dataset as it stood on the last day before `month`. */
export function datasetBefore(dataset: Dataset, month: MonthIndex): Dataset {
  const cut = firstDayIso(month);
  const lastKnown = lastDayIso(month - 1);
  const episodes = <T extends CppRecord | ClaRecord>(list: readonly T[]): T[] =>
    list.filter((e) => e.startDate < cut).map((e) => (e.endDate !== null && e.endDate >= cut ? { ...e, endDate: null } : e));
  const extracts = dataset.extracts
    .map((e) => ({ ...e, windowStart: e.windowStart ?? windowStartIso(e.extractDate) }))
    .filter((e) => e.windowStart < lastKnown)
    .map((e) => (e.extractDate >= cut ? { ...e, extractDate: lastKnown } : e));
  return { extracts, referrals: dataset.referrals.filter((r) => r.referralDate < cut), cpp: episodes(dataset.cpp), cla: episodes(dataset.cla) };
}

function aggregatesBefore(aggregates: readonly AggregatePeriod[], month: MonthIndex): AggregatePeriod[] {
  return aggregates.filter((a) => a.toMonth < month);
}

/** The model as it would have been fitted at the start of `from`, projecting to `from + horizon - 1`. */
export function fitBefore(dataset: Dataset, aggregates: readonly AggregatePeriod[], from: MonthIndex, horizon: number): { history: MonthlyHistory; estimates: Estimates; setup: ProjectionSetup } {
  const known = datasetBefore(dataset, from);
  const knownAggregates = aggregatesBefore(aggregates, from);
  const history = buildHistory(known, knownAggregates);
  if (history.lastObservedMonth === null) throw new Error(`Nothing is known before ${monthForPeople(monthLabel(from))}: choose a later backtest month.`);
  const estimates = estimate(known, history, knownAggregates);
  const setup = buildSetup(known, history, estimates, horizon + (from - 1 - estimates.anchorMonth));
  return { history, estimates, setup };
}

export function runBacktest(
  dataset: Dataset,
  aggregates: readonly AggregatePeriod[],
  from: MonthIndex,
  horizon: number,
  fullHistory: MonthlyHistory = buildHistory(dataset, aggregates),
  scenario: Scenario | null = null,
): BacktestResult {
  const { history, setup } = fitBefore(dataset, aggregates, from, horizon);
  const project = (s: Scenario) => runProjection(setup, scenarioVectors(s, setup.startMonth, setup.horizon), centralDraw(setup), allocateSeries(setup.horizon));
  const offset = from - setup.startMonth;

  const months = Array.from({ length: horizon }, (_, t) => from + t);
  const actual = {} as BacktestResult['actual'];
  for (const name of backtestSeries) {
    actual[name] = months.map((m) => {
      const i = fullHistory.months.indexOf(m);
      return i >= 0 ? (fullHistory.series[name][i] ?? null) : null;
    });
  }
  const targets = backtestTargets(fullHistory, aggregates, from, horizon);
  // Series indexed by calendar month through this offset: month m is element m + offset of the projection.
  const monthOffset = -setup.startMonth;
  const compare = (series: ProjectionSeries) => {
    const predicted = {} as BacktestResult['predicted'];
    const mape = {} as BacktestResult['mape'];
    for (const name of backtestSeries) {
      predicted[name] = months.map((_, t) => series[name][t + offset] ?? 0);
      mape[name] = meanAbsolutePercentageError(targets.filter((g) => g.series === name).map((g) => ({ actual: g.actual, predicted: targetValue(series, g, monthOffset) })));
    }
    return { predicted, mape };
  };
  const baseSeries = project(baselineScenario);
  const base = compare(baseSeries);
  const comparisons = targets.map((g) => ({ series: g.series, from: monthLabel(g.from), to: monthLabel(g.to), actual: g.actual, predicted: targetValue(baseSeries, g, monthOffset), naive: naiveForecast(history, g) }));
  const naiveMape = Object.fromEntries(backtestSeries.map((name) => [name, meanAbsolutePercentageError(comparisons.filter((c) => c.series === name).map((c) => ({ actual: c.actual, predicted: c.naive })))])) as BacktestResult['naiveMape'];
  const monthsCompared = new Set(targets.flatMap((g) => Array.from({ length: g.to - g.from + 1 }, (_, k) => g.from + k))).size;
  const result: BacktestResult = { from: monthLabel(from), months: months.map(monthLabel), actual, predicted: base.predicted, mape: base.mape, naiveMape, comparisons, monthsCompared };
  if (scenario) {
    const s = compare(project(scenario));
    result.scenario = { name: scenario.name, predicted: s.predicted, mape: s.mape };
  }
  return result;
}
