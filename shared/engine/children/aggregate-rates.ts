// Rates from aggregate figures (published or internal totals for periods, usually years ending 31 March).
// Three rules keep an aggregate projection honest:
//  - a year's total is a total: it is spread over its months by the seasonal pattern, which averages 1, so
//    the year's sum is kept (dividing by seasonal factors would inflate it, the mean of 1/s exceeding 1);
//  - the trend is measured on the periods themselves, and used only where it stands out from the
//    year-to-year noise (at least twice its standard error), otherwise taken as flat with that uncertainty;
//  - the stock follows its own flows: starts and ends come from the most recent periods, with ends that
//    are not published derived from the stock (open before + starts - open after), so the first projected
//    year continues what the last year showed. Ends include children leaving care at 18, so a projection
//    driven by these rates does not age children out a second time.
import type { AggregatePeriod } from './aggregate-history.ts';
import { durationBandEdges, monthlyRates, survivalSummary } from '../core/spell-hazards.ts';
import type { DurationModel } from './estimate-flows.ts';
import type { MonthIndex } from '../core/months.ts';

/**
 * Rates come from the periods that end within `recentMonths` of the latest period; the referral level is the
 * average month of the periods ending within `levelMonths` of the latest one. Both chosen by backtest on
 * England's published series (docs/model.md); the object is exported so that backtest can vary them.
 */
export const aggregateTuning = { recentMonths: 24, levelMonths: 24 };
/** Periods needed to measure a trend from aggregates. */
export const periodsForTrend = 4;
/** A measured trend is used when it is at least this many standard errors from zero. */
export const trendSignificance = 2;

export interface PeriodRate {
  from: MonthIndex;
  to: MonthIndex;
  /** Per month over the period. */
  perMonth: number;
}

function periodRates(aggregates: readonly AggregatePeriod[], key: 'referrals'): PeriodRate[] {
  return aggregates.flatMap((p) => {
    const v = p.values[key];
    return typeof v === 'number' ? [{ from: p.fromMonth, to: p.toMonth, perMonth: v / (p.toMonth - p.fromMonth + 1) }] : [];
  });
}

export interface AggregateTrend {
  trendPerYear: number;
  /** The measured trend, whether used or not. */
  measuredPerYear: number;
  trendSe: number;
  /** Standard deviation of one period's log rate around the trend: the year-to-year noise. */
  residualSd: number;
  periods: number;
  used: boolean;
}

/** Weighted least squares of log(rate per month) on years, each period weighted by its length. */
export function trendFromPeriods(rates: readonly PeriodRate[]): AggregateTrend | null {
  const usable = rates.filter((r) => r.perMonth > 0);
  if (usable.length < periodsForTrend) return null;
  const x = usable.map((r) => (r.from + r.to) / 2 / 12);
  const y = usable.map((r) => Math.log(r.perMonth));
  const w = usable.map((r) => (r.to - r.from + 1) / 12);
  const sw = w.reduce((a, b) => a + b, 0);
  const mx = x.reduce((a, v, i) => a + w[i]! * v, 0) / sw;
  const my = y.reduce((a, v, i) => a + w[i]! * v, 0) / sw;
  const sxx = x.reduce((a, v, i) => a + w[i]! * (v - mx) ** 2, 0);
  if (!(sxx > 0)) return null;
  const slope = x.reduce((a, v, i) => a + w[i]! * (v - mx) * (y[i]! - my), 0) / sxx;
  const residuals = y.map((v, i) => v - (my + slope * (x[i]! - mx)));
  const dof = Math.max(1, usable.length - 2);
  const sigma2 = residuals.reduce((a, r, i) => a + w[i]! * r * r, 0) / sw * (usable.length / dof);
  const slopeSe = Math.sqrt(sigma2 / sxx);
  const measured = Math.exp(slope) - 1;
  const used = Math.abs(slope) >= trendSignificance * slopeSe;
  return { trendPerYear: used ? measured : 0, measuredPerYear: measured, trendSe: Math.exp(slope) * slopeSe, residualSd: Math.sqrt(sigma2), periods: usable.length, used };
}

export interface AggregateReferrals {
  /** Referrals per month at the anchor, deseasonalised (a year's total over 12). */
  level: number;
  levelSe: number;
  trend: AggregateTrend | null;
  periodsUsed: number;
}

/** The level is the latest period's monthly rate, carried to the anchor along the trend in use. */
export function referralsFromAggregates(aggregates: readonly AggregatePeriod[], anchor: MonthIndex): AggregateReferrals | null {
  const rates = periodRates(aggregates, 'referrals').filter((r) => r.to <= anchor);
  const last = rates.at(-1);
  if (!last) return null;
  const trend = trendFromPeriods(rates);
  // The latest periods, each carried to the anchor along the trend in use, averaged by their length.
  const lastPeriods = rates.filter((r) => r.to > last.to - aggregateTuning.levelMonths);
  let weighted = 0;
  let months = 0;
  for (const r of lastPeriods) {
    const span = r.to - r.from + 1;
    weighted += span * r.perMonth * Math.pow(1 + (trend?.trendPerYear ?? 0), (anchor - (r.from + r.to) / 2) / 12);
    months += span;
  }
  const level = weighted / months;
  // A period's level is known to its counting noise; the next one differs from it by the year-to-year noise.
  const relative = Math.sqrt(1 / Math.max(1, level * months) + (trend ? trend.residualSd ** 2 : 0.03 ** 2));
  return { level, levelSe: level * relative, trend, periodsUsed: rates.length };
}

function recent(aggregates: readonly AggregatePeriod[], anchor: MonthIndex): AggregatePeriod[] {
  const upTo = aggregates.filter((p) => p.toMonth <= anchor);
  const lastTo = upTo.at(-1)?.toMonth ?? anchor;
  return upTo.filter((p) => p.toMonth > lastTo - aggregateTuning.recentMonths);
}

/** Starts per referral over the recent periods that give both (all periods if none recent do). */
export function conversionFromAggregates(aggregates: readonly AggregatePeriod[], key: 'cppStarts' | 'claStarts', anchor: MonthIndex): { starts: number; referrals: number } {
  const sum = (periods: readonly AggregatePeriod[]) => {
    let starts = 0;
    let referrals = 0;
    for (const p of periods) {
      const s = p.values[key];
      const r = p.values.referrals;
      if (typeof s === 'number' && typeof r === 'number') {
        starts += s;
        referrals += r;
      }
    }
    return { starts, referrals };
  };
  const fromRecent = sum(recent(aggregates, anchor));
  return fromRecent.referrals > 0 && fromRecent.starts > 0 ? fromRecent : sum(aggregates.filter((p) => p.toMonth <= anchor));
}

/** Ends of a period: as published, or from the stock when it is not (open before + starts - open after). */
export function periodEnds(previous: AggregatePeriod | undefined, period: AggregatePeriod, prefix: 'cpp' | 'cla'): { ends: number; derived: boolean } | null {
  const published = period.values[`${prefix}Ends`];
  if (typeof published === 'number') return { ends: published, derived: false };
  const before = previous && previous.toMonth === period.fromMonth - 1 ? previous.values[`${prefix}Open`] : null;
  const starts = period.values[`${prefix}Starts`];
  const after = period.values[`${prefix}Open`];
  if (typeof before === 'number' && typeof starts === 'number' && typeof after === 'number') return { ends: Math.max(0, before + starts - after), derived: true };
  return null;
}

/**
 * One exit rate for every duration (aggregates cannot show durations): ends over the time cases were open
 * (the average of the stock at the period's two ends, times its months), over the recent periods. With no
 * ends to measure, the stock is held: as many end as start, the starts being the recent periods' own or,
 * where none are given, `modelledStartsPerMonth` (the conversion applied to the referral level), so that
 * a stock counted without its flows is not run down or up by national durations that do not fit it.
 */
export function durationFromAggregates(aggregates: readonly AggregatePeriod[], prefix: 'cpp' | 'cla', anchor: MonthIndex, modelledStartsPerMonth?: number): (DurationModel & { derivedEnds: boolean; steadyState: boolean; periodsUsed: number }) | null {
  const upTo = aggregates.filter((p) => p.toMonth <= anchor);
  const measure = (periods: readonly AggregatePeriod[]) => {
    let ends = 0;
    let exposure = 0;
    let derived = false;
    let used = 0;
    for (const p of periods) {
      const i = upTo.indexOf(p);
      const previous = i > 0 ? upTo[i - 1] : undefined;
      const e = periodEnds(previous, p, prefix);
      const open = p.values[`${prefix}Open`];
      const before = previous && previous.toMonth === p.fromMonth - 1 ? previous.values[`${prefix}Open`] : null;
      const stocks = [open, before].filter((v): v is number => typeof v === 'number');
      if (!e || stocks.length === 0) continue;
      const average = stocks.reduce((a, v) => a + v, 0) / stocks.length;
      ends += e.ends;
      exposure += average * (p.toMonth - p.fromMonth + 1);
      derived ||= e.derived;
      used++;
    }
    return { ends, exposure, derived, used };
  };
  let m = measure(recent(aggregates, anchor));
  if (m.ends <= 0 || m.exposure <= 0) m = measure(upTo);
  let steady = false;
  if (m.ends <= 0 || m.exposure <= 0) {
    // No ends at all: as many end as start, at the latest stock (the stock is taken to hold steady).
    const stock = [...upTo].reverse().map((p) => p.values[`${prefix}Open`]).find((v): v is number => typeof v === 'number');
    const startPeriods = recent(aggregates, anchor).filter((p) => typeof p.values[`${prefix}Starts`] === 'number');
    let starts = startPeriods.reduce((a, p) => a + (p.values[`${prefix}Starts`] as number), 0);
    let months = startPeriods.reduce((a, p) => a + p.toMonth - p.fromMonth + 1, 0);
    if (!(starts > 0) && modelledStartsPerMonth !== undefined && modelledStartsPerMonth > 0) {
      starts = modelledStartsPerMonth;
      months = 1;
    }
    if (!stock || !(starts > 0)) return null;
    m = { ends: starts, exposure: stock * months, derived: true, used: startPeriods.length };
    steady = true;
  }
  const rate = m.ends / m.exposure;
  const ratePerMonth = durationBandEdges.map(() => rate);
  return {
    ratePerMonth,
    events: ratePerMonth.map(() => 0),
    exposureMonths: ratePerMonth.map(() => 0),
    // Counting noise of the ends, and a year-to-year drift in how quickly cases end.
    logSe: Math.sqrt(1 / m.ends + 0.03 ** 2),
    ...survivalSummary(monthlyRates({ ratePerMonth })),
    source: 'aggregate',
    derivedEnds: m.derived,
    steadyState: steady,
    periodsUsed: m.used,
  };
}
