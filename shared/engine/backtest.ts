// Backtest: what would the model have said at the start of a past month, knowing only what was known then,
// and how far out was it? The data are cut at that month as an extract taken the day before would have
// seen them; the projection is compared with the months the lists later showed.
import type { ClaRecord, CppRecord, Dataset } from '../dataset/types.ts';
import type { AggregatePeriod } from './aggregate-history.ts';
import { estimate } from './estimates.ts';
import { buildHistory, windowStartIso, type MonthlyHistory } from './history.ts';
import { firstDayIso, lastDayIso, monthLabel, type MonthIndex } from './months.ts';
import { allocateSeries, centralDraw, runProjection, type ProjectionSeries } from './project.ts';
import { baselineScenario, type Scenario } from './scenario.ts';
import { scenarioVectors } from './scenario-vectors.ts';
import { buildSetup } from './setup.ts';

export const backtestSeries = ['referrals', 'cppStarts', 'cppOpen', 'claStarts', 'claOpen'] as const;
export type BacktestSeries = (typeof backtestSeries)[number];

export interface BacktestResult {
  from: string;
  months: string[];
  actual: Record<BacktestSeries, (number | null)[]>;
  predicted: Record<BacktestSeries, number[]>;
  /** Mean absolute percentage error over the months with an actual value; null where there are none. */
  mape: Record<BacktestSeries, number | null>;
  monthsCompared: number;
  /** With a scenario (for example the 2020-21 lockdowns): its projection and errors too. */
  scenario?: { name: string; predicted: Record<BacktestSeries, number[]>; mape: Record<BacktestSeries, number | null> };
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

export function runBacktest(
  dataset: Dataset,
  aggregates: readonly AggregatePeriod[],
  from: MonthIndex,
  horizon: number,
  fullHistory: MonthlyHistory = buildHistory(dataset, aggregates),
  scenario: Scenario | null = null,
): BacktestResult {
  const known = datasetBefore(dataset, from);
  const knownAggregates = aggregatesBefore(aggregates, from);
  const history = buildHistory(known, knownAggregates);
  if (history.lastObservedMonth === null) throw new Error(`Nothing is known before ${monthLabel(from)}: choose a later backtest month.`);
  const estimates = estimate(known, history, knownAggregates);
  const setup = buildSetup(known, history, estimates, horizon + (from - 1 - estimates.anchorMonth));
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
  const compare = (series: ProjectionSeries) => {
    const predicted = {} as BacktestResult['predicted'];
    const mape = {} as BacktestResult['mape'];
    let compared = 0;
    for (const name of backtestSeries) {
      predicted[name] = months.map((_, t) => series[name][t + offset] ?? 0);
      const errors = months.flatMap((_, t) => {
        const a = actual[name][t];
        return a !== null && a !== undefined && a > 0 ? [Math.abs(predicted[name][t]! - a) / a] : [];
      });
      mape[name] = errors.length ? errors.reduce((x, y) => x + y, 0) / errors.length : null;
      compared = Math.max(compared, errors.length);
    }
    return { predicted, mape, compared };
  };
  const base = compare(project(baselineScenario));
  const result: BacktestResult = { from: monthLabel(from), months: months.map(monthLabel), actual, predicted: base.predicted, mape: base.mape, monthsCompared: base.compared };
  if (scenario) {
    const s = compare(project(scenario));
    result.scenario = { name: scenario.name, predicted: s.predicted, mape: s.mape };
  }
  return result;
}
