// How referrals turn into child protection plans and periods of care, and how long those last.
import type { ClaRecord, CppRecord, ReferralRecord } from '../dataset/types.ts';
import { dayNumber, isoFromDayNumber } from '../import/values/dates.ts';
import { daysPerMonth, monthOfIso, type MonthIndex } from './months.ts';

// ---------------------------------------------------------------- conversion from referrals

export interface ConversionModel {
  /** Starts per referral. */
  perReferral: number;
  se: number;
  /** Share of starts in month t + k that come from referrals in month t, k = 0, 1, ... */
  lagWeights: number[];
  meanLagMonths: number;
  lagFromData: boolean;
  /** Share of starts whose child had a referral in the 6 months before (null where not measurable). */
  linkedShare: number | null;
  startsUsed: number;
  referralsUsed: number;
  source: 'lists' | 'aggregate' | 'default';
}

/** Documented defaults (national figures): about 10 plans and 5 entries to care per 100 referrals. */
export const defaultConversion = { cpp: 0.1, cla: 0.05 } as const;
const maxLagMonths = 6;

export function exponentialLagWeights(meanMonths: number): number[] {
  // Start times after a referral, exponential with this mean, binned by calendar-month difference.
  const rate = 1 / Math.max(meanMonths, 0.05);
  const weights = Array.from({ length: maxLagMonths + 1 }, (_, k) => Math.exp(-rate * Math.max(0, k - 0.5)) - Math.exp(-rate * (k + 0.5)));
  weights[0] = 1 - Math.exp(-rate * 0.5);
  const total = weights.reduce((a, b) => a + b, 0);
  return weights.map((w) => w / total);
}

export function estimateConversion(
  referrals: readonly ReferralRecord[],
  starts: ReadonlyArray<CppRecord | ClaRecord>,
  completeMonths: ReadonlySet<MonthIndex>,
  defaultLagMonths: number,
): { perReferral: number; se: number; startsUsed: number; referralsUsed: number; lagWeights: number[]; meanLagMonths: number; lagFromData: boolean; linkedShare: number | null } | null {
  const referralCount = referrals.filter((r) => completeMonths.has(monthOfIso(r.referralDate))).length;
  const windowStarts = starts.filter((s) => completeMonths.has(monthOfIso(s.startDate)));
  if (referralCount === 0) return null;
  const perReferral = windowStarts.length / referralCount;
  const se = Math.max(perReferral, 0.5 / referralCount) * Math.sqrt(1 / Math.max(windowStarts.length, 1) + 1 / referralCount);

  // Link each start to the child's latest referral in the six months before it.
  const byChild = new Map<string, number[]>();
  for (const r of referrals) {
    const days = byChild.get(r.child);
    if (days) days.push(dayNumber(r.referralDate));
    else byChild.set(r.child, [dayNumber(r.referralDate)]);
  }
  const lags: number[] = [];
  for (const s of windowStarts) {
    const start = dayNumber(s.startDate);
    const candidates = (byChild.get(s.child) ?? []).filter((d) => d <= start && start - d <= maxLagMonths * daysPerMonth);
    if (candidates.length) lags.push(monthOfIso(s.startDate) - monthOfIso(isoFromDayNumber(Math.max(...candidates))));
  }
  const linkedShare = windowStarts.length ? lags.length / windowStarts.length : null;
  if (lags.length >= 20) {
    const weights = Array.from({ length: maxLagMonths + 1 }, (_, k) => lags.filter((l) => l === k).length / lags.length);
    return { perReferral, se, startsUsed: windowStarts.length, referralsUsed: referralCount, lagWeights: weights, meanLagMonths: lags.reduce((a, b) => a + b, 0) / lags.length, lagFromData: true, linkedShare };
  }
  return { perReferral, se, startsUsed: windowStarts.length, referralsUsed: referralCount, lagWeights: exponentialLagWeights(defaultLagMonths), meanLagMonths: defaultLagMonths, lagFromData: false, linkedShare };
}

// ---------------------------------------------------------------- durations

/** Months since the start at which the exit rate may change; the last band runs on. */
export const durationBandEdges: readonly number[] = [0, 1, 2, 3, 6, 9, 12, 18, 24, 36, 48, 60, 84, 120];

export interface DurationModel {
  /** Exit rate per month (continuous-time hazard) in each band of durationBandEdges. */
  ratePerMonth: number[];
  events: number[];
  exposureMonths: number[];
  /** Standard error of the log of the overall exit rate, for drawing uncertainty. */
  logSe: number;
  medianMonths: number;
  meanMonths: number;
  source: 'lists' | 'aggregate' | 'default';
}

export function bandOf(durationMonths: number): number {
  let band = 0;
  while (band + 1 < durationBandEdges.length && durationMonths >= durationBandEdges[band + 1]!) band++;
  return band;
}

/** Monthly exit rates by completed month since start, 0..maxMonths-1, from a band model. */
export function monthlyRates(model: Pick<DurationModel, 'ratePerMonth'>, maxMonths = 240): Float64Array {
  const rates = new Float64Array(maxMonths);
  for (let k = 0; k < maxMonths; k++) rates[k] = model.ratePerMonth[bandOf(k + 0.5)]!;
  return rates;
}

export function survivalSummary(rates: ArrayLike<number>): { medianMonths: number; meanMonths: number } {
  let survival = 1;
  let mean = 0;
  let median = NaN;
  for (let k = 0; k < rates.length; k++) {
    const next = survival * Math.exp(-rates[k]!);
    mean += (survival + next) / 2;
    if (Number.isNaN(median) && next <= 0.5) median = k + (survival - 0.5) / Math.max(survival - next, 1e-12);
    survival = next;
  }
  // Past the horizon the last rate holds: add its tail in closed form.
  const last = rates[rates.length - 1] ?? 0;
  if (last > 0) mean += survival / last;
  if (Number.isNaN(median)) median = rates.length + (last > 0 ? Math.log(survival / 0.5) / last : 0);
  return { medianMonths: median, meanMonths: mean };
}

export function fromMonthlyProbabilities(probabilities: readonly number[], source: DurationModel['source']): DurationModel {
  // Average the continuous rate over each band's months.
  const ratePerMonth = durationBandEdges.map((edge, b) => {
    const end = durationBandEdges[b + 1] ?? edge + 60;
    const ks = Array.from({ length: Math.max(1, end - edge) }, (_, i) => Math.min(edge + i, probabilities.length - 1));
    return ks.reduce((sum, k) => sum - Math.log(Math.max(1 - probabilities[k]!, 1e-9)), 0) / ks.length;
  });
  const summary = survivalSummary(monthlyRates({ ratePerMonth }));
  return { ratePerMonth, events: ratePerMonth.map(() => 0), exposureMonths: ratePerMonth.map(() => 0), logSe: 0.25, ...summary, source };
}

export interface ObservationInterval {
  /** Rows dated after this day are complete in the lists. */
  fromExclusive: string;
  to: string;
}

/** Merges overlapping extract windows, so no exposure is counted twice. */
export function mergeIntervals(intervals: readonly ObservationInterval[]): Array<{ from: number; to: number }> {
  const sorted = intervals.map((i) => ({ from: dayNumber(i.fromExclusive) + 1, to: dayNumber(i.to) })).sort((a, b) => a.from - b.from);
  const merged: Array<{ from: number; to: number }> = [];
  for (const i of sorted) {
    const last = merged.at(-1);
    if (last && i.from <= last.to + 1) last.to = Math.max(last.to, i.to);
    else merged.push({ ...i });
  }
  return merged;
}

/**
 * The fewest exits a band's rate rests on: sparser bands are pooled with their neighbours. Chosen by the
 * generated-authority reference check (scripts/reference-check.ts, docs/model.md): pooling steadies the long
 * tail of care, and costs accuracy for plans, whose exit rate has a real rise and fall that pooling flattens.
 */
export const durationTuning = { minEventsPerBand: { cpp: 0, cla: 20 } };

/**
 * Exit rates by band, pooling adjacent bands from the longest durations down until each pool holds at
 * least `minEvents` exits: a long-stay band with three exits would otherwise set the rate for every child
 * in care for years by chance. A pool with exposure but no exit gets half an exit, so no rate is ever
 * exactly zero (nobody would ever leave).
 */
export function pooledRates(events: readonly number[], exposure: readonly number[], minEvents: number): number[] {
  const pools: number[][] = [];
  let current: number[] = [];
  let e = 0;
  for (let b = events.length - 1; b >= 0; b--) {
    current.unshift(b);
    e += events[b]!;
    const x = current.reduce((a, k) => a + exposure[k]!, 0);
    if (e >= minEvents && x >= 3) {
      pools.unshift(current);
      current = [];
      e = 0;
    }
  }
  if (current.length) {
    if (pools.length) pools[0] = [...current, ...pools[0]!];
    else pools.unshift(current);
  }
  const rates = new Array<number>(events.length).fill(0);
  for (const pool of pools) {
    const ev = pool.reduce((a, k) => a + events[k]!, 0);
    const x = pool.reduce((a, k) => a + exposure[k]!, 0);
    const rate = x > 0 ? Math.max(ev, 0.5) / x : 0;
    for (const k of pool) rates[k] = rate;
  }
  // Bands nobody was watched in (exposure 0 in a pool of its own) take the rate of the band below.
  for (let b = 1; b < rates.length; b++) if (!(rates[b]! > 0)) rates[b] = rates[b - 1]!;
  if (!(rates[0]! > 0)) rates.fill(Math.max(events.reduce((a, v) => a + v, 0), 0.5) / Math.max(exposure.reduce((a, v) => a + v, 0), 1));
  return rates;
}

/**
 * Exit rates by time since start from what the windows saw: each episode counts only while it was in view
 * (left truncation: an old plan open at the window start has survived until then; right censoring: one
 * still open at the extract date has not ended). Children leaving care on turning 18 are not exits of the
 * hazard: the projection ages them out by date of birth instead.
 */
export function estimateDurations(episodes: ReadonlyArray<CppRecord | ClaRecord>, windows: readonly ObservationInterval[], ageOutAt18: boolean, minEventsPerBand = 0): DurationModel | null {
  const bands = durationBandEdges.length;
  const events = new Array<number>(bands).fill(0);
  const exposure = new Array<number>(bands).fill(0);
  const merged = mergeIntervals(windows);
  if (merged.length === 0 || episodes.length === 0) return null;
  for (const e of episodes) {
    const start = dayNumber(e.startDate);
    const end = e.endDate ? dayNumber(e.endDate) : null;
    const eighteenth = ageOutAt18 && e.birthMonth ? dayNumber(`${+e.birthMonth.slice(0, 4) + 18}${e.birthMonth.slice(4)}-15`) : null;
    const agedOut = end !== null && eighteenth !== null && Math.abs(end - eighteenth) <= 31;
    for (const w of merged) {
      const from = Math.max(start, w.from);
      let to = Math.min(end ?? Infinity, w.to);
      if (eighteenth !== null) to = Math.min(to, eighteenth);
      if (to < from) continue;
      const d0 = (from - start) / daysPerMonth;
      const d1 = (to - start) / daysPerMonth;
      for (let b = bandOf(d0); b < bands; b++) {
        const lo = Math.max(d0, durationBandEdges[b]!);
        const hi = Math.min(d1, durationBandEdges[b + 1] ?? Infinity);
        if (hi <= lo) break;
        exposure[b] = exposure[b]! + hi - lo;
      }
      if (end !== null && !agedOut && end >= from && end <= w.to && (eighteenth === null || end <= eighteenth)) {
        const band = bandOf(d1);
        events[band] = events[band]! + 1;
      }
    }
  }
  const totalEvents = events.reduce((a, b) => a + b, 0);
  const totalExposure = exposure.reduce((a, b) => a + b, 0);
  if (totalExposure < 1) return null;
  const ratePerMonth = pooledRates(events, exposure, minEventsPerBand);
  const summary = survivalSummary(monthlyRates({ ratePerMonth }));
  return { ratePerMonth, events, exposureMonths: exposure, logSe: 1 / Math.sqrt(Math.max(totalEvents, 1)), ...summary, source: 'lists' };
}

// ---------------------------------------------------------------- ages at entry to care

/** Shares of children entering care by age 0..17 (DfE children looked after statistics, rounded). */
export const defaultEntryAgeShares: readonly number[] = [0.19, 0.04, 0.04, 0.04, 0.03, 0.036, 0.036, 0.036, 0.036, 0.036, 0.06, 0.06, 0.06, 0.06, 0.06, 0.05, 0.07, 0.07];

export function estimateEntryAges(care: readonly ClaRecord[], completeMonths: ReadonlySet<MonthIndex>): { shares: number[]; starts: number; fromData: boolean } {
  const counts = new Array<number>(18).fill(0);
  let n = 0;
  for (const c of care) {
    if (!c.birthMonth || !completeMonths.has(monthOfIso(c.startDate))) continue;
    const age = Math.floor((monthOfIso(c.startDate) - monthOfIso(`${c.birthMonth}-01`)) / 12);
    if (age < 0 || age > 17) continue;
    counts[age] = counts[age]! + 1;
    n++;
  }
  const total = defaultEntryAgeShares.reduce((a, b) => a + b, 0);
  if (n < 30) return { shares: defaultEntryAgeShares.map((s) => s / total), starts: n, fromData: false };
  // Smooth the observed shares towards the national pattern in proportion to how few starts there are.
  const weight = n / (n + 50);
  return { shares: counts.map((c, a) => weight * (c / n) + (1 - weight) * (defaultEntryAgeShares[a]! / total)), starts: n, fromData: true };
}
