// Censoring-aware exit rates from spells (a plan, a period of care, a stay in one type of temporary
// accommodation): piecewise-constant hazards by time since the spell began, counting each spell only while
// an observation window saw it (left truncation: a spell open when the window opened had survived until
// then; right censoring: one still open at the extract date, or cut short by a service's own rule, has not
// ended). Services turn their records into plain spells; the rules of a service stay with the service.
import { dayNumber } from '../../import/values/dates.ts';
import { daysPerMonth } from './months.ts';

/** Months since the start at which the exit rate may change; the last band runs on. */
export const durationBandEdges: readonly number[] = [0, 1, 2, 3, 6, 9, 12, 18, 24, 36, 48, 60, 84, 120];

export interface SpellHazards {
  /** Exit rate per month (continuous-time hazard) in each band of the edges used. */
  ratePerMonth: number[];
  events: number[];
  exposureMonths: number[];
  /** Standard error of the log of the overall exit rate, for drawing uncertainty. */
  logSe: number;
  medianMonths: number;
  meanMonths: number;
}

/** Day numbers. `censor`: the day the spell stops being watched for a reason other than the windows (null: none). */
export interface Spell {
  start: number;
  end: number | null;
  censor: number | null;
}

export function bandOf(durationMonths: number, edges: readonly number[] = durationBandEdges): number {
  let band = 0;
  while (band + 1 < edges.length && durationMonths >= edges[band + 1]!) band++;
  return band;
}

/** Monthly exit rates by completed month since start, 0..maxMonths-1, from a band model. */
export function monthlyRates(model: Pick<SpellHazards, 'ratePerMonth'>, maxMonths = 240, edges: readonly number[] = durationBandEdges): Float64Array {
  const rates = new Float64Array(maxMonths);
  for (let k = 0; k < maxMonths; k++) rates[k] = model.ratePerMonth[bandOf(k + 0.5, edges)]!;
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
 * Exit rates by band of `edges` (months since the start) from what the windows saw. An end is an exit only
 * where it falls inside a window and not after the spell's censor day.
 */
export function estimateSpellHazards(spells: Iterable<Spell>, windows: readonly ObservationInterval[], minEventsPerBand = 0, edges: readonly number[] = durationBandEdges): SpellHazards | null {
  const bands = edges.length;
  const events = new Array<number>(bands).fill(0);
  const exposure = new Array<number>(bands).fill(0);
  const merged = mergeIntervals(windows);
  if (merged.length === 0) return null;
  let seen = 0;
  for (const { start, end, censor } of spells) {
    seen++;
    for (const w of merged) {
      const from = Math.max(start, w.from);
      let to = Math.min(end ?? Infinity, w.to);
      if (censor !== null) to = Math.min(to, censor);
      if (to < from) continue;
      const d0 = (from - start) / daysPerMonth;
      const d1 = (to - start) / daysPerMonth;
      for (let b = bandOf(d0, edges); b < bands; b++) {
        const lo = Math.max(d0, edges[b]!);
        const hi = Math.min(d1, edges[b + 1] ?? Infinity);
        if (hi <= lo) break;
        exposure[b] = exposure[b]! + hi - lo;
      }
      if (end !== null && end >= from && end <= w.to && (censor === null || end <= censor)) {
        const band = bandOf(d1, edges);
        events[band] = events[band]! + 1;
      }
    }
  }
  if (seen === 0) return null;
  const totalEvents = events.reduce((a, b) => a + b, 0);
  const totalExposure = exposure.reduce((a, b) => a + b, 0);
  if (totalExposure < 1) return null;
  const ratePerMonth = pooledRates(events, exposure, minEventsPerBand);
  const summary = survivalSummary(monthlyRates({ ratePerMonth }, 240, edges));
  return { ratePerMonth, events, exposureMonths: exposure, logSe: 1 / Math.sqrt(Math.max(totalEvents, 1)), ...summary };
}
