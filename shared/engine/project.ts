// The projection, month by month: referrals, then plan and care starts (referrals times conversion,
// spread over the months after the referral), then the open plans and children in care, tracked by
// time since start so that each case leaves as its duration says, and children in care leave at 18.
// One routine serves both the expected path (no randomness) and each Monte Carlo draw.
import type { Random } from './random.ts';
import { calendarMonth, type MonthIndex } from './months.ts';
import type { ScenarioVectors } from './scenario-vectors.ts';

export interface OpenCases {
  /** Months since start at the end of the last observed month. */
  duration: Float64Array;
  /** Months from the end of the last observed month until the child turns 18 (Infinity if not known). */
  monthsTo18: Float64Array;
  count: Float64Array;
}

export interface SeriesSetup {
  perReferral: number;
  lagWeights: readonly number[];
  /** Exit rate per month by completed months since start (index 0 = first month). */
  rates: Float64Array;
  open: OpenCases;
  /** Shares of entrants by age 0..17 (children in care); null where age does not end the episode. */
  entryAgeShares: readonly number[] | null;
}

export interface ProjectionSetup {
  startMonth: MonthIndex;
  horizon: number;
  /** Referrals in the months just before the start, oldest first (for the lag from referral to start). */
  referralsBefore: readonly number[];
  referral: { level: number; trendPerYear: number; seasonality: readonly number[]; anchorMonth: MonthIndex };
  cpp: SeriesSetup;
  cla: SeriesSetup;
}

/** One draw of the uncertain parameters; the expected path uses `centralDraw`. */
export interface ParameterDraw {
  levelMultiplier: number;
  trendPerYear: number;
  cppConversionMultiplier: number;
  claConversionMultiplier: number;
  cppExitMultiplier: number;
  claExitMultiplier: number;
}

export function centralDraw(setup: ProjectionSetup): ParameterDraw {
  return { levelMultiplier: 1, trendPerYear: setup.referral.trendPerYear, cppConversionMultiplier: 1, claConversionMultiplier: 1, cppExitMultiplier: 1, claExitMultiplier: 1 };
}

export const seriesKeys = ['referrals', 'cppStarts', 'cppEnds', 'cppOpen', 'claStarts', 'claEnds', 'claOpen', 'claAgedOut'] as const;
export type ProjectionSeries = Record<(typeof seriesKeys)[number], Float64Array>;

export function allocateSeries(horizon: number): ProjectionSeries {
  return Object.fromEntries(seriesKeys.map((k) => [k, new Float64Array(horizon)])) as ProjectionSeries;
}

// 1 - exp(-x) without calling exp for the small rates that dominate (error under 0.1% for x < 0.3).
function exitProbability(x: number): number {
  return x < 0.3 ? x * (1 - x * (0.5 - x / 6)) : 1 - Math.exp(-x);
}

/** Months after entry when a child entering care at `age` (uniform within the year) turns 18, on average. */
export function monthsUntil18AtEntry(age: number): number {
  return Math.round((17.5 - age) * 12);
}

interface AgeGroup {
  share: number;
  ageOutAfter: number; // months since entry; Infinity if beyond the horizon
}

function ageGroups(shares: readonly number[] | null, horizon: number): AgeGroup[] {
  if (!shares) return [{ share: 1, ageOutAfter: Infinity }];
  const groups: AgeGroup[] = [{ share: 0, ageOutAfter: Infinity }];
  shares.forEach((share, age) => {
    const after = monthsUntil18AtEntry(age);
    if (after >= horizon) groups[0]!.share += share;
    else groups.push({ share, ageOutAfter: after });
  });
  return groups.filter((g) => g.share > 0);
}

/** Working memory for one series; reused across Monte Carlo draws. */
interface SeriesState {
  groups: AgeGroup[];
  cohorts: Float64Array; // [entry month * groups + group]
  existing: Float64Array;
}

export interface ProjectionWorkspace {
  cpp: SeriesState;
  cla: SeriesState;
  referrals: Float64Array;
}

export function createWorkspace(setup: ProjectionSetup): ProjectionWorkspace {
  const state = (s: SeriesSetup): SeriesState => {
    const groups = ageGroups(s.entryAgeShares, setup.horizon);
    return { groups, cohorts: new Float64Array(setup.horizon * groups.length), existing: new Float64Array(s.open.count.length) };
  };
  return { cpp: state(setup.cpp), cla: state(setup.cla), referrals: new Float64Array(setup.horizon) };
}

function normal(rng: Random, mean: number, variance: number): number {
  return variance > 0 ? mean + Math.sqrt(variance) * rng.normal() : mean;
}

/**
 * Runs one path. Without `rng` every quantity is its expected value. With `rng`, referrals and starts are
 * Poisson and the month's exits are drawn around their expected total with the binomial variance, then
 * shared across cases in proportion to their expected exits.
 */
export function runProjection(
  setup: ProjectionSetup,
  vectors: ScenarioVectors,
  draw: ParameterDraw,
  out: ProjectionSeries,
  workspace: ProjectionWorkspace = createWorkspace(setup),
  rng: Random | null = null,
): ProjectionSeries {
  const H = setup.horizon;
  const refs = workspace.referrals;
  const { level, seasonality, anchorMonth } = setup.referral;
  const before = setup.referralsBefore;

  // Referrals: the baseline path, times the scenario, plus lost referrals coming back.
  const baseline = new Float64Array(H);
  for (let t = 0; t < H; t++) {
    const month = setup.startMonth + t;
    const years = (month - anchorMonth) / 12;
    baseline[t] = level * draw.levelMultiplier * Math.pow(1 + draw.trendPerYear, years) * seasonality[calendarMonth(month)]!;
  }
  for (let t = 0; t < H; t++) refs[t] = baseline[t]! * vectors.referralMultiplier[t]!;
  for (const r of vectors.returns) {
    let lost = 0;
    for (let t = 0; t < H; t++) lost += baseline[t]! * r.lostMonths[t]!;
    const perMonth = (lost * r.share) / r.months;
    for (let k = 0; k < r.months; k++) {
      const t = r.firstReturnMonth + k;
      if (t >= 0 && t < H) refs[t]! += perMonth;
    }
  }
  for (let t = 0; t < H; t++) {
    const expected = Math.max(0, refs[t]!);
    refs[t] = rng ? rng.poisson(expected) : expected;
    out.referrals[t] = refs[t]!;
  }

  const referralAt = (t: number) => (t >= 0 ? refs[t]! : (before[before.length + t] ?? before[0] ?? 0));

  for (const key of ['cpp', 'cla'] as const) {
    const s = setup[key];
    const ws = workspace[key];
    const starts = key === 'cpp' ? out.cppStarts : out.claStarts;
    const ends = key === 'cpp' ? out.cppEnds : out.claEnds;
    const open = key === 'cpp' ? out.cppOpen : out.claOpen;
    const conversion = s.perReferral * (key === 'cpp' ? draw.cppConversionMultiplier : draw.claConversionMultiplier);
    const convVector = key === 'cpp' ? vectors.cppConversionMultiplier : vectors.claConversionMultiplier;
    const exitVector = key === 'cpp' ? vectors.cppExitMultiplier : vectors.claExitMultiplier;
    const drawExit = key === 'cpp' ? draw.cppExitMultiplier : draw.claExitMultiplier;
    const rates = s.rates;
    const maxK = rates.length - 1;
    const G = ws.groups.length;
    const cohorts = ws.cohorts;
    const existing = ws.existing;
    existing.set(s.open.count);
    cohorts.fill(0);
    if (key === 'cla') out.claAgedOut.fill(0);

    for (let t = 0; t < H; t++) {
      const m = exitVector[t]! * drawExit;
      // Starts: this month's conversion of referrals spread over the lag.
      let expectedStarts = 0;
      for (let k = 0; k < s.lagWeights.length; k++) expectedStarts += s.lagWeights[k]! * referralAt(t - k);
      expectedStarts *= conversion * convVector[t]!;
      const newStarts = rng ? rng.poisson(Math.max(0, expectedStarts)) : Math.max(0, expectedStarts);
      starts[t] = newStarts;

      // Expected exits of every case open at the start of the month.
      let expectedExits = 0;
      let variance = 0;
      let agedOut = 0;
      for (let i = 0; i < existing.length; i++) {
        const n = existing[i]!;
        if (n <= 0) continue;
        if (s.open.monthsTo18[i]! <= t + 1) continue; // ages out this month: handled below
        const q = exitProbability(rates[Math.min(maxK, Math.floor(s.open.duration[i]! + t + 0.5))]! * m);
        expectedExits += n * q;
        variance += n * q * (1 - q);
      }
      for (let e = 0; e < t; e++) {
        const k = t - e;
        const q = exitProbability(0.5 * (rates[Math.min(maxK, k - 1)]! + rates[Math.min(maxK, k)]!) * m);
        for (let g = 0; g < G; g++) {
          const n = cohorts[e * G + g]!;
          if (n <= 0 || ws.groups[g]!.ageOutAfter <= k) continue;
          expectedExits += n * q;
          variance += n * q * (1 - q);
        }
      }
      // Drawn exits are shared in proportion to expected exits: the total carries the randomness.
      const scale = rng && expectedExits > 0 ? Math.max(0, normal(rng, expectedExits, variance)) / expectedExits : 1;

      let exits = 0;
      let stock = 0;
      for (let i = 0; i < existing.length; i++) {
        const n = existing[i]!;
        if (n <= 0) continue;
        if (s.open.monthsTo18[i]! <= t + 1) {
          agedOut += n;
          existing[i] = 0;
          continue;
        }
        const q = exitProbability(rates[Math.min(maxK, Math.floor(s.open.duration[i]! + t + 0.5))]! * m);
        const leaving = Math.min(n, n * q * scale);
        existing[i] = n - leaving;
        exits += leaving;
        stock += n - leaving;
      }
      for (let e = 0; e < t; e++) {
        const k = t - e;
        const q = exitProbability(0.5 * (rates[Math.min(maxK, k - 1)]! + rates[Math.min(maxK, k)]!) * m);
        for (let g = 0; g < G; g++) {
          const idx = e * G + g;
          const n = cohorts[idx]!;
          if (n <= 0) continue;
          if (ws.groups[g]!.ageOutAfter <= k) {
            agedOut += n;
            cohorts[idx] = 0;
            continue;
          }
          const leaving = Math.min(n, n * q * scale);
          cohorts[idx] = n - leaving;
          exits += leaving;
          stock += n - leaving;
        }
      }
      // New entrants arrive through the month: on average half a month of exposure by its end.
      const firstHalf = exitProbability(0.5 * rates[0]! * m);
      for (let g = 0; g < G; g++) {
        const n = newStarts * ws.groups[g]!.share;
        const leaving = n * firstHalf * scale;
        cohorts[t * G + g] = n - leaving;
        exits += leaving;
        stock += n - leaving;
      }
      ends[t] = exits + agedOut;
      open[t] = stock;
      if (key === 'cla') out.claAgedOut[t] = agedOut;
    }
  }
  return out;
}
