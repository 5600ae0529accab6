// The housing projection, month by month: approaches (level, trend, season), duties owed, households
// entering TA after their approach (by household kind, with its delay) into a first type, and households in
// TA tracked by type and whole months in that type, each leaving at its type's rate for that time, to
// another type or out of TA. Households in TA at the start keep their own elapsed time in their type.
// Nights are the households in each type through the month; cost is nights times the nightly cost. One
// routine serves the expected path (no randomness) and each Monte Carlo draw (Poisson approaches and
// entries, the month's leavers from each type Poisson about their expectation).
import { householdKinds, taTypes } from '../../dataset/housing.ts';
import { maxLagMonths } from '../core/conversion-lags.ts';
import { calendarMonth, daysInMonth, type MonthIndex } from '../core/months.ts';
import type { Random } from '../core/random.ts';
import { poissonFromUniform } from '../core/common-draws.ts';
import { stayCohorts, type HousingEstimates } from './housing-estimates.ts';
import type { HousingVectors } from './housing-scenario.ts';

const T = taTypes.length;
const K = householdKinds.length;
const J = stayCohorts;
const L = maxLagMonths + 1;

/** The estimates laid out flat for the month loop. */
export interface HousingSetup {
  startMonth: MonthIndex;
  horizon: number;
  level: number;
  trendPerYear: number;
  season: Float64Array; // by projected month
  days: Float64Array; // by projected month
  dutyShare: number;
  kindShare: Float64Array; // K
  perApproach: Float64Array; // K
  lagWeights: Float64Array; // K x L
  recent: Float64Array; // K x maxLagMonths, index 0 = the anchor month
  firstType: Float64Array; // K x T
  /** Rate of leaving in the next month for a household in cohort j now: the mean of months j and j + 1 in the type. */
  rate: Float64Array; // T x J
  /** Rate in the first month in a type, for those who arrive during a month (half a month of it). */
  firstRate: Float64Array; // T
  moves: Float64Array; // T x (T + 1), the last column out of TA
  open: Float64Array; // T x J
  nightly: Float64Array; // T, pounds a night
  priceIndex: Float64Array; // by projected month
}

/** One draw of the uncertain parameters (all 1 or 0 for the expected path). */
export interface HousingDraw {
  levelFactor: number;
  /** Null: the estimated trend. */
  trendPerYear: number | null;
  entryFactor: Float64Array; // K
  stayRateFactor: Float64Array; // T
}

export interface HousingSeries {
  approaches: Float64Array;
  dutiesOwed: Float64Array;
  taStarts: Float64Array;
  taEnds: Float64Array;
  taOpen: Float64Array;
  taByType: Float64Array; // T x horizon
  taNights: Float64Array;
  nightsByType: Float64Array; // T x horizon
  cost: Float64Array;
  costByType: Float64Array; // T x horizon
}

export function housingSetup(e: HousingEstimates, horizon: number, nightly: Float64Array, priceIndex: Float64Array): HousingSetup {
  const startMonth = e.anchorMonth + 1;
  const rate = new Float64Array(T * J);
  const firstRate = new Float64Array(T);
  const moves = new Float64Array(T * (T + 1));
  const open = new Float64Array(T * J);
  taTypes.forEach((t, i) => {
    const m = e.stays[t].monthly;
    for (let j = 0; j < J; j++) rate[i * J + j] = 0.5 * (m[j]! + m[Math.min(j + 1, m.length - 1)]!);
    firstRate[i] = m[0]!;
    taTypes.forEach((to, k) => (moves[i * (T + 1) + k] = e.moves[t][to]));
    moves[i * (T + 1) + T] = e.moves[t].out;
    for (let j = 0; j < J; j++) open[i * J + j] = e.open[t][j]!;
  });
  const lagWeights = new Float64Array(K * L);
  const recent = new Float64Array(K * maxLagMonths);
  const firstType = new Float64Array(K * T);
  householdKinds.forEach((k, a) => {
    e.entry[k].lagWeights.forEach((w, l) => (lagWeights[a * L + l] = w));
    e.recentApproaches[k].forEach((n, i) => (recent[a * maxLagMonths + i] = n));
    taTypes.forEach((t, i) => (firstType[a * T + i] = e.firstType[k][t]));
  });
  return {
    startMonth,
    horizon,
    level: e.approaches.level,
    trendPerYear: e.approaches.trendPerYear,
    season: Float64Array.from({ length: horizon }, (_, t) => e.approaches.seasonality[calendarMonth(startMonth + t)]!),
    days: Float64Array.from({ length: horizon }, (_, t) => daysInMonth(startMonth + t)),
    dutyShare: e.duty.share,
    kindShare: Float64Array.from(householdKinds, (k) => e.kindShare[k]),
    perApproach: Float64Array.from(householdKinds, (k) => e.entry[k].perApproach),
    lagWeights,
    recent,
    firstType,
    rate,
    firstRate,
    moves,
    open,
    nightly,
    priceIndex,
  };
}

export const centralDraw = (): HousingDraw => ({ levelFactor: 1, trendPerYear: null, entryFactor: new Float64Array(K).fill(1), stayRateFactor: new Float64Array(T).fill(1) });

export function allocateHousingSeries(horizon: number): HousingSeries {
  const f = () => new Float64Array(horizon);
  const byType = () => new Float64Array(T * horizon);
  return { approaches: f(), dutiesOwed: f(), taStarts: f(), taEnds: f(), taOpen: f(), taByType: byType(), taNights: f(), nightsByType: byType(), cost: f(), costByType: byType() };
}

/** Reusable arrays for one path. */
export interface HousingWorkspace {
  cohorts: Float64Array;
  keep: Float64Array; // T x J, the share of a cohort still in its type after a month
  keepChanged: Float64Array; // the same in a month a scenario changes how fast households leave
  approachesByKind: Float64Array; // K x horizon
  arrivals: Float64Array; // T
  leavers: Float64Array; // T
  prevOpen: Float64Array; // T
  open: Float64Array; // T
  scale: Float64Array; // T
  landed: Float64Array; // T
  firstKeep: Float64Array; // T, the share of a month's arrivals still in the type at its end, when the scenario leaves exits as they are
  // The moves between types that happen at all (most pairs never do): those from type i are moveTo and
  // moveShare from moveFirst[i] to moveFirst[i + 1].
  moveFirst: Int32Array; // T + 1
  moveTo: Int32Array; // up to T x T
  moveShare: Float64Array; // up to T x T
}

export function createHousingWorkspace(horizon: number): HousingWorkspace {
  return { cohorts: new Float64Array(T * J), keep: new Float64Array(T * J), keepChanged: new Float64Array(T * J), approachesByKind: new Float64Array(K * horizon), arrivals: new Float64Array(T), leavers: new Float64Array(T), prevOpen: new Float64Array(T), open: new Float64Array(T), scale: new Float64Array(T), landed: new Float64Array(T), firstKeep: new Float64Array(T), moveFirst: new Int32Array(T + 1), moveTo: new Int32Array(T * T), moveShare: new Float64Array(T * T) };
}

/** Lives the projection once: expected where `rng` is null, one random path otherwise. Writes into `out`. */
export function projectHousingPath(s: HousingSetup, v: HousingVectors, d: HousingDraw, rng: Random | null, out: HousingSeries, w: HousingWorkspace = createHousingWorkspace(s.horizon)): HousingSeries {
  const H = s.horizon;
  const trend = d.trendPerYear ?? s.trendPerYear;
  const { cohorts, keep, keepChanged, approachesByKind, arrivals, leavers, prevOpen, open, scale, landed, firstKeep, moveFirst, moveTo, moveShare } = w;
  // A move with no share adds nothing to where it leads: it is left out of the month's sums.
  let moveCount = 0;
  for (let i = 0; i < T; i++) {
    moveFirst[i] = moveCount;
    for (let k = 0; k < T; k++) {
      const share = s.moves[i * (T + 1) + k]!;
      if (share !== 0) {
        moveTo[moveCount] = k;
        moveShare[moveCount++] = share;
      }
    }
  }
  moveFirst[T] = moveCount;
  cohorts.set(s.open);
  scale.fill(1);
  landed.fill(0);
  for (let i = 0; i < T; i++) {
    let n = 0;
    for (let j = 0; j < J; j++) {
      // Past the first months a type's rate is one figure: its share kept is worked out once, not per cohort.
      const x = i * J + j;
      keep[x] = j > 0 && s.rate[x] === s.rate[x - 1] ? keep[x - 1]! : Math.exp(-s.rate[x]! * d.stayRateFactor[i]!);
      n += cohorts[x]!;
    }
    prevOpen[i] = n;
    // Worked out once rather than every month: the same number the month's own sum gives (times 1).
    firstKeep[i] = Math.exp(-0.5 * s.firstRate[i]! * d.stayRateFactor[i]!);
  }
  for (let t = 0; t < H; t++) {
    // Approaches, and their split by household kind.
    const mean = s.level * d.levelFactor * Math.pow(1 + trend, (t + 1) / 12) * s.season[t]! * v.approach[t]!;
    const approaches = rng ? poissonFromUniform(mean, rng.next()) : mean;
    out.approaches[t] = approaches;
    out.dutiesOwed[t] = approaches * s.dutyShare;
    for (let a = 0; a < K; a++) approachesByKind[a * H + t] = approaches * s.kindShare[a]!;

    // Entries to TA from this month's approaches and those of the months before, into their first types.
    arrivals.fill(0);
    let entries = 0;
    for (let a = 0; a < K; a++) {
      let fromKind = 0;
      for (let l = 0; l < L; l++) {
        const source = t - l >= 0 ? approachesByKind[a * H + t - l]! : l - t - 1 < maxLagMonths ? s.recent[a * maxLagMonths + l - t - 1]! : 0;
        fromKind += source * s.lagWeights[a * L + l]!;
      }
      fromKind *= s.perApproach[a]! * d.entryFactor[a]! * v.taStart[t]!;
      entries += fromKind;
      for (let i = 0; i < T; i++) arrivals[i]! += fromKind * s.firstType[a * T + i]!;
    }
    if (rng && entries > 0) {
      const drawn = poissonFromUniform(entries, rng.next());
      const factor = drawn / entries;
      for (let i = 0; i < T; i++) arrivals[i]! *= factor;
      entries = drawn;
    }
    out.taStarts[t] = entries;

    // A month in each type: cohorts age by a month, and those who leave move on or out. The stored cohorts
    // are kept up to a factor per type (`scale`), so the draw's noise in the month's leavers costs no pass.
    const exitChange = v.taExit[t]!;
    let keepNow = keep;
    if (exitChange !== 1) {
      for (let x = 0; x < T * J; x++) keepChanged[x] = Math.pow(keep[x]!, exitChange);
      keepNow = keepChanged;
    }
    for (let i = 0; i < T; i++) {
      const base = i * J;
      const m = scale[i]!;
      // The last cohort keeps those who stay and takes the one before it; the rest move up by one.
      const last = cohorts[base + J - 1]!;
      const next = cohorts[base + J - 2]!;
      const top = last * keepNow[base + J - 1]! + next * keepNow[base + J - 2]!;
      let before = last + next;
      let kept = top;
      for (let j = base + J - 3; j >= base; j--) {
        const n = cohorts[j]!;
        const stay = n * keepNow[j]!;
        before += n;
        kept += stay;
        cohorts[j + 1] = stay;
      }
      cohorts[base + J - 1] = top;
      cohorts[base] = 0;
      const expected = (before - kept) * m;
      // The month's leavers vary about their expectation; each cohort keeps its share of those who stay.
      let left = rng && expected > 0 ? Math.min(before * m, poissonFromUniform(expected, rng.next())) : expected;
      let staying = before * m - left;
      if (kept > 0 && staying > 1e-9) scale[i] = staying / kept;
      else {
        // Nobody left in this type: start its cohorts afresh.
        cohorts.fill(0, base, base + J);
        scale[i] = 1;
        left = before * m;
        staying = 0;
      }
      leavers[i] = left;
      open[i] = staying;
    }
    let ends = 0;
    for (let i = 0; i < T; i++) {
      const l = leavers[i]!;
      for (let x = moveFirst[i]!; x < moveFirst[i + 1]!; x++) arrivals[moveTo[x]!]! += l * moveShare[x]!;
      ends += l * s.moves[i * (T + 1) + T]!;
    }
    // Arrivals (entries and moves) spend half the month, on average, in their new type.
    for (let i = 0; i < T; i++) {
      const a = arrivals[i]!;
      const stay = a * (exitChange === 1 ? firstKeep[i]! : Math.exp(-0.5 * s.firstRate[i]! * d.stayRateFactor[i]! * exitChange));
      landed[i]! += stay;
      const gone = a - stay;
      ends += gone * s.moves[i * (T + 1) + T]!;
      for (let x = moveFirst[i]!; x < moveFirst[i + 1]!; x++) landed[moveTo[x]!]! += gone * moveShare[x]!;
    }
    for (let i = 0; i < T; i++) {
      cohorts[i * J] = landed[i]! / scale[i]!;
      open[i]! += landed[i]!;
      landed[i] = 0;
    }
    out.taEnds[t] = ends;

    let total = 0;
    let nights = 0;
    let cost = 0;
    for (let i = 0; i < T; i++) {
      const n = open[i]!;
      const typeNights = (s.days[t]! * (prevOpen[i]! + n)) / 2;
      const typeCost = typeNights * s.nightly[i]! * s.priceIndex[t]!;
      out.taByType[i * H + t] = n;
      out.nightsByType[i * H + t] = typeNights;
      out.costByType[i * H + t] = typeCost;
      prevOpen[i] = n;
      total += n;
      nights += typeNights;
      cost += typeCost;
    }
    out.taOpen[t] = total;
    out.taNights[t] = nights;
    out.cost[t] = cost;
  }
  return out;
}
