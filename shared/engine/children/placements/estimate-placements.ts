// What the placements of the past say about the future: where entrants are placed by age, how often children
// move and to where (by placement group, age and months in the placement), how often they leave care from
// each placement, and how old entrants are becoming. Rates are measured like care durations: each placement
// counts only while the returns watched it (left truncation) and one still open has not ended (right
// censoring); leaving on the 18th birthday is not a move or an exit of the rates, because the projection ages
// children out by their date of birth.
import type { ClaRecord, Dataset, PlacementEpisode } from '../../../dataset/types.ts';
import { dayNumber } from '../../../import/values/dates.ts';
import { mergeIntervals, type ObservationInterval } from '../../core/spell-hazards.ts';
import { daysPerMonth, lastDayIso, monthOfIso, type MonthIndex } from '../../core/months.ts';
import { ageBandOf, ageBandStarts, comboCount, comboIndex, groups, maxStayMonths, stayBandOf, stayBandStarts } from './groups.ts';

const G = groups.length;
const A = ageBandStarts.length;
const K = stayBandStarts.length;

export interface PlacementModel {
  source: 'ssda903' | 'list8';
  /** Monthly rate of moving placement, [group][ageBand][stayBand] (0 for the List 8 model: see shares). */
  moveRate: Float64Array;
  /** Where movers go: [group][ageBand][combo], each row summing to 1. */
  destination: Float64Array;
  /** Relative monthly rate of leaving care from each placement, [group][ageBand][stayBand]. */
  exitRate: Float64Array;
  /** Where entrants are placed: [ageBand][combo], each row summing to 1. */
  entry: Float64Array;
  /** Shares of entrants by age 0..17 at the anchor, and their change per year (entrants growing older). */
  entryAges: { shares: number[]; changePerYear: number[] };
  /**
   * List 8 alone sees no moves: children keep their placement, and the mix of children in care by age band
   * and time in care is held as it is now ([ageBand][combo]), applied to every child not yet seen.
   */
  stockMix: Float64Array | null;
  events: { moves: number; exits: number; entries: number; exposureMonths: number };
  /** Counts of children moving or entering into each combo: the weight behind each combo's rates. */
  inflows: Float64Array;
  notes: string[];
}

/** Children in care at the end of the anchor month, by combo, age in months and months in placement. */
export interface PlacementStock {
  combo: Int32Array;
  ageMonths: Int32Array;
  stayMonths: Int32Array;
  count: Float64Array;
}

const idx3 = (g: number, a: number, k: number) => (g * A + a) * K + k;

function ageMonthsAt(birthMonth: string | null, day: number): number | null {
  if (!birthMonth) return null;
  return (day - dayNumber(`${birthMonth}-15`)) / daysPerMonth;
}

function shrunkRates(events: Float64Array, exposure: Float64Array, prior = 6): Float64Array {
  // Each cell borrows `prior` months of exposure at its group's rate, and each group at the overall rate, so
  // a cell seldom seen is not 0 or wild.
  const rates = new Float64Array(events.length);
  let allE = 0;
  let allX = 0;
  for (let i = 0; i < events.length; i++) {
    allE += events[i]!;
    allX += exposure[i]!;
  }
  const overall = allX > 0 ? allE / allX : 0;
  for (let g = 0; g < G; g++) {
    let e = 0;
    let x = 0;
    for (let i = idx3(g, 0, 0); i < idx3(g + 1, 0, 0); i++) {
      e += events[i]!;
      x += exposure[i]!;
    }
    const groupRate = (e + prior * overall) / (x + prior);
    for (let i = idx3(g, 0, 0); i < idx3(g + 1, 0, 0); i++) rates[i] = (events[i]! + prior * groupRate) / (exposure[i]! + prior);
  }
  return rates;
}

function normaliseRows(counts: Float64Array, width: number, fallback: Float64Array | null, prior: number): Float64Array {
  const out = new Float64Array(counts.length);
  for (let r = 0; r < counts.length / width; r++) {
    let total = 0;
    for (let c = 0; c < width; c++) total += counts[r * width + c]! + prior * (fallback ? fallback[c]! : 1 / width);
    for (let c = 0; c < width; c++) out[r * width + c] = total > 0 ? (counts[r * width + c]! + prior * (fallback ? fallback[c]! : 1 / width)) / total : 1 / width;
  }
  return out;
}

/** Shares of entrants by age with a straight-line change per year, from the starts the windows saw. */
function entryAgeTrend(starts: ReadonlyArray<{ month: MonthIndex; age: number }>, anchor: MonthIndex, fallback: readonly number[]): PlacementModel['entryAges'] {
  if (starts.length < 30) return { shares: [...fallback], changePerYear: fallback.map(() => 0) };
  // Least squares per year of age, on the share among starts, against time; weighted equally per start.
  const n = starts.length;
  const ts = starts.map((s) => (s.month - anchor) / 12);
  const meanT = ts.reduce((a, b) => a + b, 0) / n;
  const varT = ts.reduce((a, t) => a + (t - meanT) ** 2, 0) / n;
  const shares: number[] = [];
  const change: number[] = [];
  for (let age = 0; age < 18; age++) {
    let mean = 0;
    let cov = 0;
    for (let i = 0; i < n; i++) {
      const y = starts[i]!.age === age ? 1 : 0;
      mean += y / n;
      cov += (ts[i]! - meanT) * y;
    }
    const slope = varT > 0.1 ? cov / n / varT : 0;
    // A trend is only trusted over at least two years of starts; shrink it towards none with few starts.
    const weight = varT > 0.25 ? n / (n + 200) : 0;
    shares.push(Math.max(0, mean + slope * weight * (0 - meanT)));
    change.push(slope * weight);
  }
  const total = shares.reduce((a, b) => a + b, 0) || 1;
  return { shares: shares.map((s) => s / total), changePerYear: change.map((c) => c / total) };
}

/** Entry age shares for a month `yearsAhead` after the anchor: the trend carried on, never below a fifth of today's share. */
export function entryAgeSharesAt(model: PlacementModel, yearsAhead: number): number[] {
  const raw = model.entryAges.shares.map((s, a) => Math.max(s * 0.2, s + model.entryAges.changePerYear[a]! * yearsAhead));
  const total = raw.reduce((x, y) => x + y, 0) || 1;
  return raw.map((s) => s / total);
}

export function estimatePlacementsFromEpisodes(
  episodes: readonly PlacementEpisode[],
  windows: readonly ObservationInterval[],
  anchor: MonthIndex,
  fallbackAges: readonly number[],
): PlacementModel {
  const moveEvents = new Float64Array(G * A * K);
  const exitEvents = new Float64Array(G * A * K);
  const exposure = new Float64Array(G * A * K);
  const destCounts = new Float64Array(G * A * comboCount);
  const entryCounts = new Float64Array(A * comboCount);
  const inflows = new Float64Array(comboCount);
  const merged = mergeIntervals(windows);
  const starts: Array<{ month: MonthIndex; age: number }> = [];
  let moves = 0;
  let exits = 0;
  let entries = 0;
  let exposureTotal = 0;

  // The placement that follows each one in the same period of care, if any.
  const byChild = new Map<string, PlacementEpisode[]>();
  for (const e of episodes) {
    const list = byChild.get(e.child);
    if (list) list.push(e);
    else byChild.set(e.child, [e]);
  }
  for (const list of byChild.values()) {
    list.sort((a, b) => a.startDate.localeCompare(b.startDate));
    for (let i = 0; i < list.length; i++) {
      const e = list[i]!;
      const next = list[i + 1];
      const moved = next !== undefined && e.endDate === next.startDate && next.periodStart === e.periodStart;
      const start = dayNumber(e.startDate);
      const end = e.endDate === null ? null : dayNumber(e.endDate);
      const birth = e.birthMonth ? dayNumber(`${e.birthMonth}-15`) : null;
      const eighteenth = birth === null ? Infinity : birth + Math.round(18 * 365.25);
      const agedOut = end !== null && Math.abs(end - eighteenth) <= 31;
      const g = groups.indexOf(e.placementGroup);
      const c = comboIndex(e.placementGroup, e.provider);
      const inWindow = (day: number) => merged.some((w) => day >= w.from && day <= w.to);
      if (e.startDate === e.periodStart && inWindow(start)) {
        const age = ageMonthsAt(e.birthMonth, start);
        if (age !== null && age >= 0 && age < 216) {
          entryCounts[ageBandOf(age) * comboCount + c]! += 1;
          starts.push({ month: monthOfIso(e.startDate), age: Math.floor(age / 12) });
        }
        inflows[c]! += 1;
        entries++;
      }
      for (const w of merged) {
        const from = Math.max(start, w.from);
        const to = Math.min(end ?? Infinity, w.to, eighteenth);
        if (to <= from) continue;
        // Exposure month by month, so age and time in placement move on as they did.
        for (let day = from; day < to; day += daysPerMonth) {
          const span = Math.min(daysPerMonth, to - day) / daysPerMonth;
          const age = ageMonthsAt(e.birthMonth, day) ?? 120;
          const k = idx3(g, ageBandOf(Math.max(0, age)), stayBandOf((day - start) / daysPerMonth));
          exposure[k]! += span;
          exposureTotal += span;
        }
        if (end !== null && end >= from && end <= w.to && end <= eighteenth && !agedOut) {
          const age = Math.max(0, ageMonthsAt(e.birthMonth, end) ?? 120);
          const k = idx3(g, ageBandOf(age), stayBandOf((end - start) / daysPerMonth));
          if (moved) {
            moveEvents[k]! += 1;
            moves++;
            const d = comboIndex(next.placementGroup, next.provider);
            destCounts[(g * A + ageBandOf(age)) * comboCount + d]! += 1;
            inflows[d]! += 1;
          } else {
            exitEvents[k]! += 1;
            exits++;
          }
        }
      }
    }
  }
  // Destinations and entry placements borrow from their group's (or all ages') pattern where sparse.
  const destByGroup = new Float64Array(G * comboCount);
  for (let g = 0; g < G; g++) for (let a = 0; a < A; a++) for (let c = 0; c < comboCount; c++) destByGroup[g * comboCount + c]! += destCounts[(g * A + a) * comboCount + c]!;
  const destGroupShares = normaliseRows(destByGroup, comboCount, null, 0.5);
  const destination = new Float64Array(G * A * comboCount);
  for (let g = 0; g < G; g++) {
    const rows = normaliseRows(destCounts.subarray(g * A * comboCount, (g + 1) * A * comboCount), comboCount, destGroupShares.subarray(g * comboCount, (g + 1) * comboCount), 2);
    destination.set(rows, g * A * comboCount);
  }
  const entryAll = new Float64Array(comboCount);
  for (let a = 0; a < A; a++) for (let c = 0; c < comboCount; c++) entryAll[c]! += entryCounts[a * comboCount + c]!;
  const entry = normaliseRows(entryCounts, comboCount, normaliseRows(entryAll, comboCount, null, 0.5), 2);
  return {
    source: 'ssda903',
    moveRate: shrunkRates(moveEvents, exposure),
    destination,
    exitRate: shrunkRates(exitEvents, exposure),
    entry,
    entryAges: entryAgeTrend(starts, anchor, fallbackAges),
    stockMix: null,
    events: { moves, exits, entries, exposureMonths: exposureTotal },
    inflows,
    notes: [],
  };
}

/**
 * List 8 alone: one row per child, with the current placement only. Moves cannot be seen, so children keep
 * their placement while they stay, and the children not seen today (entrants) are placed as recent entrants
 * were; as they age, they take the placement mix of children in care of their age now.
 */
export function estimatePlacementsFromList8(care: readonly ClaRecord[], anchor: MonthIndex, completeMonths: ReadonlySet<MonthIndex>, fallbackAges: readonly number[]): PlacementModel {
  const end = lastDayIso(anchor);
  const entryCounts = new Float64Array(A * comboCount);
  const stockCounts = new Float64Array(A * comboCount);
  const inflows = new Float64Array(comboCount);
  const starts: Array<{ month: MonthIndex; age: number }> = [];
  let entries = 0;
  for (const c of care) {
    const group = c.placementGroup ?? 'other';
    const combo = comboIndex(group, providerOf(c.placementProvider));
    const age = ageMonthsAt(c.birthMonth, dayNumber(c.startDate));
    if (completeMonths.has(monthOfIso(c.startDate)) && age !== null && age >= 0 && age < 216) {
      // Recent entrants' current placement stands for their first: early moves are not seen.
      entryCounts[ageBandOf(age) * comboCount + combo]! += 1;
      starts.push({ month: monthOfIso(c.startDate), age: Math.floor(age / 12) });
      inflows[combo]! += 1;
      entries++;
    }
    if (c.startDate <= end && (c.endDate === null || c.endDate > end)) {
      const now = ageMonthsAt(c.birthMonth, dayNumber(end));
      stockCounts[ageBandOf(Math.max(0, now ?? 120)) * comboCount + combo]! += 1;
    }
  }
  const all = new Float64Array(comboCount);
  for (let a = 0; a < A; a++) for (let c = 0; c < comboCount; c++) all[c]! += stockCounts[a * comboCount + c]!;
  const overall = normaliseRows(all, comboCount, null, 0.5);
  return {
    source: 'list8',
    moveRate: new Float64Array(G * A * K),
    destination: new Float64Array(G * A * comboCount).fill(1 / comboCount),
    exitRate: new Float64Array(G * A * K).fill(1),
    entry: normaliseRows(entryCounts, comboCount, overall, 2),
    entryAges: entryAgeTrend(starts, anchor, fallbackAges),
    stockMix: normaliseRows(stockCounts, comboCount, overall, 2),
    events: { moves: 0, exits: 0, entries, exposureMonths: 0 },
    inflows,
    notes: ['Placements come from List 8 alone, which shows only each child’s current placement: children keep their placement while they stay in care, and as children not in care today grow older they are placed like the children of their age in care now. SSDA903 returns would show the moves between placements.'],
  };
}

export function providerOf(code: string | null): 'inHouse' | 'private' | null {
  if (!code) return null;
  const m = /PR\s*([0-5])/i.exec(code);
  return m ? (+m[1]! <= 3 ? 'inHouse' : 'private') : null;
}

/** The children in care at the end of the anchor month, from the placements (903) or List 8. */
export function stockAt(dataset: Dataset, anchor: MonthIndex): PlacementStock {
  const end = lastDayIso(anchor);
  const endDay = dayNumber(end);
  const cells = new Map<string, { combo: number; age: number; stay: number; count: number }>();
  const add = (combo: number, birthMonth: string | null, stayStart: string) => {
    // Anyone 18 or over is still counted, and leaves in the first month as the total says.
    const age = Math.min(215, Math.round(ageMonthsAt(birthMonth, endDay) ?? 120));
    const stay = Math.min(maxStayMonths, Math.max(0, Math.round((endDay - dayNumber(stayStart)) / daysPerMonth)));
    const key = `${combo}|${age}|${stay}`;
    const cell = cells.get(key);
    if (cell) cell.count++;
    else cells.set(key, { combo, age: Math.max(0, age), stay, count: 1 });
  };
  if (dataset.placements?.length) {
    for (const p of dataset.placements) if (p.startDate <= end && (p.endDate === null || p.endDate > end)) add(comboIndex(p.placementGroup, p.provider), p.birthMonth, p.startDate);
  } else {
    for (const c of dataset.cla) if (c.startDate <= end && (c.endDate === null || c.endDate > end)) add(comboIndex(c.placementGroup ?? 'other', providerOf(c.placementProvider)), c.birthMonth, c.startDate);
  }
  const list = [...cells.values()];
  return { combo: Int32Array.from(list.map((c) => c.combo)), ageMonths: Int32Array.from(list.map((c) => c.age)), stayMonths: Int32Array.from(list.map((c) => c.stay)), count: Float64Array.from(list.map((c) => c.count)) };
}

export { idx3 as rateIndex };
