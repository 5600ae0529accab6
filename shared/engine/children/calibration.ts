// Calibration: how far to trust the model, measured on the analyst's own history. From every usable
// starting month (a rolling origin) the model forgets what came after, projects with its likely range,
// and is compared with what the lists (or the aggregate history) later showed. Per series the errors are
// summarised by how far ahead they were (error by horizon), with the share of outcomes that fell inside the
// p10-p90 range: it should be near 8 in 10. Carrying the last known value forward is measured alongside.
import type { Dataset } from '../../dataset/types.ts';
import type { AggregatePeriod } from './aggregate-history.ts';
import { backtestTargets, fitBefore, naiveForecast, targetValue, type BacktestTarget } from './backtest.ts';
import { buildHistory, windowStartIso, type MonthlyHistory } from './history.ts';
import { lastCompleteMonth, lastDayIso, monthLabel, monthOfIso, type MonthIndex } from '../core/months.ts';
import { allocateSeries, centralDraw, createWorkspace, runProjection } from './project.ts';
import { createRandom } from '../core/random.ts';
import { baselineScenario } from '../scenario.ts';
import { scenarioVectors } from './scenario-vectors.ts';
import { drawParameters } from './uncertainty.ts';
import { dateForPeople } from '../../text/people-format.ts';

export const calibrationSeries = ['referrals', 'cppOpen', 'claOpen'] as const;
export type CalibrationSeries = (typeof calibrationSeries)[number];

/** Complete months the model needs before an origin, and in all for a backtest worth the name. */
export const monthsToFit = 6;
export const monthsNeeded = 12;
/** Draws per starting month: enough to place an outcome inside or outside the p10-p90 range in seconds; the app and the command use the same, so they say the same. */
export const calibrationDraws = 50;

export interface HorizonSummary {
  /** Months ahead: 1 = the first projected month. For an aggregate period, the months to its end. */
  months: number;
  compared: number;
  /** Mean absolute percentage error of the model's central projection. */
  error: number;
  /** The same for carrying the last known value forward. */
  naiveError: number;
  /** Share of outcomes inside the p10-p90 likely range. */
  insideRange: number;
}

export interface SeriesCalibration {
  byHorizon: HorizonSummary[];
  /** The summary at 12 months ahead, or the furthest horizon the history allows if that is less. */
  headline: HorizonSummary | null;
  /** Over every horizon together. */
  overall: { compared: number; error: number; naiveError: number; insideRange: number } | null;
}

export interface Calibration {
  /** Starting months used, oldest first. */
  origins: string[];
  maxHorizonMonths: number;
  draws: number;
  series: Record<CalibrationSeries, SeriesCalibration>;
  /** When the history cannot support a backtest: what is missing, in words. Null when it can. */
  missing: string | null;
  completeMonths: number;
}

export interface CalibrationOptions {
  maxHorizon?: number;
  draws?: number;
  seed?: number;
  /** Use at most this many origins (the latest ones); default every usable one. */
  maxOrigins?: number;
}

function listMonths(history: MonthlyHistory): MonthIndex[] {
  return history.months.filter((_, i) => history.sources.referrals[i] === 'lists' || history.sources.claOpen[i] === 'lists' || history.sources.cppOpen[i] === 'lists');
}

/** What a history too short for a backtest lacks, in the analyst's words. */
export function whatIsMissing(dataset: Dataset, history: MonthlyHistory, aggregates: readonly AggregatePeriod[]): string | null {
  const months = listMonths(history).length;
  if (months >= monthsNeeded) return null;
  if (months === 0) {
    const periods = aggregates.length;
    if (periods >= 4) return null;
    return `Your history has ${periods} ${periods === 1 ? 'period' : 'periods'}; a backtest needs at least 4 (3 to fit the model and one to compare). Add earlier years to the history file.`;
  }
  const first = [...dataset.extracts].sort((a, b) => a.extractDate.localeCompare(b.extractDate))[0];
  // The extract before this one was taken six months earlier: at a month's end if this one was.
  const start = first ? windowStartIso(first.extractDate) : null;
  const earlier = first && start ? (lastCompleteMonth(first.extractDate) === monthOfIso(first.extractDate) ? lastDayIso(monthOfIso(start)) : start) : null;
  const needed = Math.ceil((monthsNeeded - months) / 6);
  return (
    `Your lists cover ${months} complete ${months === 1 ? 'month' : 'months'}; a backtest needs at least ${monthsNeeded}: ${monthsToFit} to fit the model and more to compare with what happened. ` +
    (earlier ? `Add the extract from six months earlier (taken on ${dateForPeople(earlier)})${needed === 2 ? ' and the one before it' : needed > 2 ? ` and the ${needed - 1} before it` : ''}.` : 'Add an earlier extract.')
  );
}

function usableOrigins(history: MonthlyHistory, aggregates: readonly AggregatePeriod[]): MonthIndex[] {
  const months = listMonths(history);
  if (months.length >= monthsNeeded) {
    const first = Math.min(...months);
    const last = Math.max(...months);
    const set = new Set(months);
    const origins: MonthIndex[] = [];
    // An origin needs six complete months before it and one after.
    for (let m = first + monthsToFit; m <= last; m++) if (set.has(m) && months.filter((x) => x < m).length >= monthsToFit) origins.push(m);
    return origins;
  }
  if (months.length > 0) return [];
  // Aggregates only: the start of each period with at least three before it.
  const sorted = [...aggregates].sort((a, b) => a.fromMonth - b.fromMonth);
  return sorted.slice(3).map((p) => p.fromMonth);
}

export function calibrate(dataset: Dataset, aggregates: readonly AggregatePeriod[], options: CalibrationOptions = {}, fullHistory: MonthlyHistory = buildHistory(dataset, aggregates)): Calibration {
  const maxHorizon = options.maxHorizon ?? 24;
  const draws = options.draws ?? calibrationDraws;
  const missing = whatIsMissing(dataset, fullHistory, aggregates);
  let origins = missing ? [] : usableOrigins(fullHistory, aggregates);
  if (options.maxOrigins !== undefined && origins.length > options.maxOrigins) origins = origins.slice(origins.length - options.maxOrigins);
  const last = fullHistory.lastObservedMonth ?? 0;
  type Row = { series: CalibrationSeries; months: number; error: number; naiveError: number; inside: boolean };
  const rows: Row[] = [];
  const used: MonthIndex[] = [];
  const rng = createRandom(options.seed ?? 4_242);
  for (const from of origins) {
    const horizon = Math.min(maxHorizon, last - from + 1);
    if (horizon < 1) continue;
    const targets = backtestTargets(fullHistory, aggregates, from, horizon).filter((t): t is BacktestTarget & { series: CalibrationSeries } => (calibrationSeries as readonly string[]).includes(t.series));
    if (targets.length === 0) continue;
    let fitted: ReturnType<typeof fitBefore>;
    try {
      fitted = fitBefore(dataset, aggregates, from, horizon);
    } catch {
      continue; // nothing known before this origin
    }
    const { setup, estimates, history } = fitted;
    const vectors = scenarioVectors(baselineScenario, setup.startMonth, setup.horizon);
    const offset = -setup.startMonth;
    const central = runProjection(setup, vectors, centralDraw(setup), allocateSeries(setup.horizon));
    const samples = targets.map(() => new Float64Array(draws));
    const out = allocateSeries(setup.horizon);
    const workspace = createWorkspace(setup);
    for (let d = 0; d < draws; d++) {
      runProjection(setup, vectors, drawParameters(setup, estimates, rng), out, workspace, rng);
      targets.forEach((t, i) => (samples[i]![d] = targetValue(out, t, offset)));
    }
    targets.forEach((t, i) => {
      const sorted = samples[i]!.sort();
      const p10 = sorted[Math.floor(0.1 * (draws - 1))]!;
      const p90 = sorted[Math.ceil(0.9 * (draws - 1))]!;
      const predicted = targetValue(central, t, offset);
      rows.push({ series: t.series, months: t.to - from + 1, error: Math.abs(predicted - t.actual) / t.actual, naiveError: Math.abs(naiveForecast(history, t) - t.actual) / t.actual, inside: t.actual >= p10 && t.actual <= p90 });
    });
    used.push(from);
  }
  const summarise = (list: readonly Row[]) => ({
    compared: list.length,
    error: list.reduce((a, r) => a + r.error, 0) / list.length,
    naiveError: list.reduce((a, r) => a + r.naiveError, 0) / list.length,
    insideRange: list.filter((r) => r.inside).length / list.length,
  });
  const series = Object.fromEntries(
    calibrationSeries.map((name) => {
      const mine = rows.filter((r) => r.series === name);
      const horizons = [...new Set(mine.map((r) => r.months))].sort((a, b) => a - b);
      const byHorizon = horizons.map((months) => ({ months, ...summarise(mine.filter((r) => r.months === months)) }));
      const headline = byHorizon.find((h) => h.months === 12) ?? [...byHorizon].reverse().find((h) => h.months < 12) ?? byHorizon[0] ?? null;
      return [name, { byHorizon, headline, overall: mine.length ? summarise(mine) : null }];
    }),
  ) as Record<CalibrationSeries, SeriesCalibration>;
  return {
    origins: used.map(monthLabel),
    maxHorizonMonths: maxHorizon,
    draws,
    series,
    missing: missing ?? (used.length === 0 ? 'There is no month from which the model could be fitted and then compared with what followed.' : null),
    completeMonths: listMonths(fullHistory).length,
  };
}

