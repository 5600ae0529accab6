// The projection, month by month: referrals, then plan and care starts (referrals times conversion,
// spread over the months after the referral), then the open plans and children in care, tracked by
// time since start so that each case leaves as its duration says, and children in care leave at 18.
// One routine serves both the expected path (no randomness) and each Monte Carlo draw.
import type { Random } from '../core/random.ts';
import { calendarMonth, type MonthIndex } from '../core/months.ts';
import type { ScenarioVectors } from './scenario-vectors.ts';
import { poissonFromUniform } from '../core/common-draws.ts';

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

/** The series each half of a path (plans, care) writes. */
const seriesOf = { cpp: ['cppStarts', 'cppEnds', 'cppOpen'], cla: ['claStarts', 'claEnds', 'claOpen', 'claAgedOut'] } as const;

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

/**
 * Open cases regrouped for speed: one group per whole month since start (cases of the same duration face
 * the same exit chances), with the months in which some of a group's children turn 18 listed apart.
 */
interface CompactOpen {
  duration: Float64Array;
  initial: Float64Array;
  /** Age-outs in month order: which group, in which month, how many of its cases at the start. */
  outMonth: Int32Array;
  outGroup: Int32Array;
  outCount: Float64Array;
}

function compactOpen(open: OpenCases, horizon: number): CompactOpen {
  const index = new Map<number, number>();
  const durations: number[] = [];
  const initial: number[] = [];
  const events: Array<[month: number, group: number, count: number]> = [];
  for (let i = 0; i < open.count.length; i++) {
    const count = open.count[i]!;
    if (!(count > 0)) continue;
    const d = open.duration[i]!;
    let g = index.get(d);
    if (g === undefined) {
      g = durations.length;
      index.set(d, g);
      durations.push(d);
      initial.push(0);
    }
    initial[g]! += count;
    const to18 = open.monthsTo18[i]!;
    // A child who turns 18 during month t leaves in month t (already 18: the first month).
    const month = Math.max(0, Math.ceil(to18 - 1));
    if (Number.isFinite(to18) && month < horizon) events.push([month, g, count]);
  }
  events.sort((a, b) => a[0] - b[0]);
  return {
    duration: Float64Array.from(durations),
    initial: Float64Array.from(initial),
    outMonth: Int32Array.from(events.map((e) => e[0])),
    outGroup: Int32Array.from(events.map((e) => e[1])),
    outCount: Float64Array.from(events.map((e) => e[2])),
  };
}

/**
 * Working memory for one series; reused across Monte Carlo draws. Every number a month's loops read or write
 * lives in one array, `memory`, at the offsets in `at`: V8 reloads a typed array's storage after any store
 * into another typed array, so loops over several arrays cost about a third more than the same loops over one.
 * The named arrays are views of it, for the checkpoints.
 */
interface SeriesState {
  groups: AgeGroup[];
  compact: CompactOpen;
  memory: Float64Array;
  at: {
    /** Open cases in each group (length: groups). */
    existing: number;
    /** Expected exits of each group this month, kept between the two passes of a month (groups). */
    existingExits: number;
    /** Cases at the start of each group still counted in its survival fraction, age-outs removed (groups). */
    base: number;
    /** Cases still open from the starts of each projected month, all ages together (horizon). */
    cohorts: number;
    /** Share of each cohort's entrants whose age group has not yet turned 18 (horizon). */
    cohortShare: number;
    /** Expected exits of each cohort this month (horizon). */
    cohortExits: number;
    /** Share of a cohort's entrants who turn 18 when it is k months old (horizon + 1). */
    leaveShare: number;
    /** Monthly exit probability by completed months since start, for the month's exit multiplier (rates). */
    exitTable: number;
    /** Monthly exit probability of a cohort k months after its start: the mean of the table's rows k - 1 and k (horizon + 1). */
    cohortExit: number;
  };
  existing: Float64Array;
  base: Float64Array;
  cohorts: Float64Array;
  cohortShare: Float64Array;
  /** The exit table's row for each open-case group in each month, [t * groups + i]: the same in every draw. */
  exitRow: Int32Array;
}

export interface ProjectionWorkspace {
  cpp: SeriesState;
  cla: SeriesState;
  /** The months' referrals: the tail of `lagged`. */
  referrals: Float64Array;
  /** Referrals from `lead` months before the start (those before it as referralsBefore says), so the lag from referral to start reads them as one array. */
  lagged: Float64Array;
  lead: number;
  baseline: Float64Array;
  /** A draw's random numbers, taken from the stream before the path runs. */
  noise: DrawNoise;
}

/**
 * One Monte Carlo draw's random numbers after its parameters, in the order a path takes them: a uniform for
 * each month's referrals, then for plans and then for care each month's uniform (starts) and normal value
 * (exits). Paths that differ only in their means can share them (common random numbers, common-draws.ts).
 */
export interface DrawNoise {
  referrals: Float64Array;
  cpp: { starts: Float64Array; exits: Float64Array };
  cla: { starts: Float64Array; exits: Float64Array };
}

export function createNoise(horizon: number): DrawNoise {
  const series = () => ({ starts: new Float64Array(horizon), exits: new Float64Array(horizon) });
  return { referrals: new Float64Array(horizon), cpp: series(), cla: series() };
}

/** Takes a draw's numbers from `rng` in the order runProjection always took them, so the paths are unchanged. */
export function fillNoise(noise: DrawNoise, rng: Random): void {
  const H = noise.referrals.length;
  for (let t = 0; t < H; t++) noise.referrals[t] = rng.next();
  for (const key of ['cpp', 'cla'] as const) {
    const { starts, exits } = noise[key];
    for (let t = 0; t < H; t++) {
      starts[t] = rng.next();
      exits[t] = rng.normal();
    }
  }
}

/** A series' open cases at the start of month `month` of a leading path, for a following path to go on from. */
export interface SeriesCheckpoint {
  month: number;
  existing: Float64Array;
  base: Float64Array;
  cohorts: Float64Array;
  cohortShare: Float64Array;
  nextOut: number;
}

export function createCheckpoint(workspace: ProjectionWorkspace, key: 'cpp' | 'cla', month: number): SeriesCheckpoint {
  const n = workspace[key].existing.length;
  return { month, existing: new Float64Array(n), base: new Float64Array(n), cohorts: new Float64Array(month), cohortShare: new Float64Array(month), nextOut: 0 };
}

/**
 * A path that shares a leading path's draw (its parameters and noise) and is the same as it until the months
 * given (the horizon: never differs): those months are copied from the leader, not worked out again.
 */
export interface FollowedPath {
  leader: ProjectionSeries;
  referralsDepart: number;
  cpp: { departs: number; checkpoint: SeriesCheckpoint | null };
  cla: { departs: number; checkpoint: SeriesCheckpoint | null };
}

/** Where a leading path keeps its state for its followers, by series, in month order. */
export interface Checkpoints {
  cpp: readonly SeriesCheckpoint[];
  cla: readonly SeriesCheckpoint[];
}

export function createWorkspace(setup: ProjectionSetup): ProjectionWorkspace {
  const state = (s: SeriesSetup): SeriesState => {
    const groups = ageGroups(s.entryAgeShares, setup.horizon);
    const H = setup.horizon;
    const compact = compactOpen(s.open, H);
    const n = compact.duration.length;
    const leaveShare = new Float64Array(H + 1);
    for (const g of groups) if (g.ageOutAfter <= H) leaveShare[g.ageOutAfter] = leaveShare[g.ageOutAfter]! + g.share;
    const maxK = s.rates.length - 1;
    const exitRow = new Int32Array(H * n);
    for (let t = 0; t < H; t++) for (let i = 0; i < n; i++) exitRow[t * n + i] = Math.min(maxK, Math.floor(compact.duration[i]! + t + 0.5));
    const sizes = { existing: n, existingExits: n, base: n, cohorts: H, cohortShare: H, cohortExits: H, leaveShare: H + 1, exitTable: s.rates.length, cohortExit: H + 1 };
    let length = 0;
    const at = {} as SeriesState['at'];
    for (const [name, size] of Object.entries(sizes) as Array<[keyof typeof sizes, number]>) {
      at[name] = length;
      length += size;
    }
    const memory = new Float64Array(length);
    memory.set(leaveShare, at.leaveShare);
    const view = (name: keyof typeof sizes) => memory.subarray(at[name], at[name] + sizes[name]);
    return { groups, compact, memory, at, existing: view('existing'), base: view('base'), cohorts: view('cohorts'), cohortShare: view('cohortShare'), exitRow };
  };
  const lead = Math.max(0, setup.cpp.lagWeights.length - 1, setup.cla.lagWeights.length - 1);
  const lagged = new Float64Array(lead + setup.horizon);
  return { cpp: state(setup.cpp), cla: state(setup.cla), referrals: lagged.subarray(lead), lagged, lead, baseline: new Float64Array(setup.horizon), noise: createNoise(setup.horizon) };
}

// Every draw takes its random number whether or not it needs it, so that runs with different means stay
// in step (common random numbers: see common-draws.ts).
function normal(z: number, mean: number, variance: number): number {
  return variance > 0 ? mean + Math.sqrt(variance) * z : mean;
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
  if (!rng) return projectPath(setup, vectors, draw, out, workspace, null);
  fillNoise(workspace.noise, rng);
  return projectPath(setup, vectors, draw, out, workspace, workspace.noise);
}

/**
 * runProjection with the draw's random numbers already taken (`noise`; null for the expected path). A
 * `follow`ing path copies the months in which it cannot differ from its leader; `keep` is where this path
 * notes its state for the paths that follow it.
 */
export function projectPath(
  setup: ProjectionSetup,
  vectors: ScenarioVectors,
  draw: ParameterDraw,
  out: ProjectionSeries,
  workspace: ProjectionWorkspace,
  noise: DrawNoise | null,
  follow: FollowedPath | null = null,
  keep: Checkpoints | null = null,
): ProjectionSeries {
  const H = setup.horizon;
  const refs = workspace.referrals;
  const before = setup.referralsBefore;
  if (follow && follow.referralsDepart >= H) {
    refs.set(follow.leader.referrals);
    out.referrals.set(follow.leader.referrals);
  } else projectReferrals(setup, vectors, draw, out, workspace, noise);
  // The months before the start, for the lag: the oldest known month stands in for any earlier one.
  const { lagged, lead } = workspace;
  for (let t = -lead; t < 0; t++) lagged[lead + t] = before[before.length + t] ?? before[0] ?? 0;

  for (const key of ['cpp', 'cla'] as const) {
    const followed = follow ? follow[key] : null;
    if (followed && followed.departs >= H) {
      for (const name of seriesOf[key]) out[name].set(follow!.leader[name]);
      continue;
    }
    projectSeries(setup, key, vectors, draw, out, workspace, noise, follow && followed && followed.checkpoint ? { leader: follow.leader, checkpoint: followed.checkpoint } : null, keep ? keep[key] : null);
  }
  return out;
}

function projectReferrals(setup: ProjectionSetup, vectors: ScenarioVectors, draw: ParameterDraw, out: ProjectionSeries, workspace: ProjectionWorkspace, noise: DrawNoise | null): void {
  const H = setup.horizon;
  const refs = workspace.referrals;
  const { level, seasonality, anchorMonth } = setup.referral;
  // The baseline path, times the scenario, plus lost referrals coming back.
  const baseline = workspace.baseline;
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
    refs[t] = noise ? poissonFromUniform(expected, noise.referrals[t]!) : expected;
    out.referrals[t] = refs[t]!;
  }
}

/** One series (plans or care), from the first month or from a leader's checkpoint; notes checkpoints in `keep`. */
function projectSeries(
  setup: ProjectionSetup,
  key: 'cpp' | 'cla',
  vectors: ScenarioVectors,
  draw: ParameterDraw,
  out: ProjectionSeries,
  workspace: ProjectionWorkspace,
  noise: DrawNoise | null,
  resume: { leader: ProjectionSeries; checkpoint: SeriesCheckpoint } | null,
  keep: readonly SeriesCheckpoint[] | null,
): void {
  const H = setup.horizon;
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
  const lagWeights = s.lagWeights;
  const { lagged, lead } = workspace;
  const { cohorts, cohortShare, existing, base } = ws;
  // The month's loops read and write `memory` only (see SeriesState): existing cases at E, their exits at X,
  // their base at B, cohorts at C, cohort shares at S, cohort exits at K, leave shares at L, the exit table
  // at T, and cohorts' exit probabilities at Q.
  const M = ws.memory;
  const { existing: E, existingExits: X, base: B, cohorts: C, cohortShare: S, cohortExits: K, leaveShare: L, exitTable: T, cohortExit: Q } = ws.at;
  const cohortExitEnd = Q + H + 1;
  const { initial, outMonth, outGroup, outCount } = ws.compact;
  const exitRow = ws.exitRow;
  const groupCount = existing.length;
  let nextOut = 0;
  existing.set(initial);
  base.set(initial);
  cohorts.fill(0);
  cohortShare.fill(1);
  if (key === 'cla') out.claAgedOut.fill(0);
  const seriesNoise = noise ? noise[key] : null;
  let first = 0;
  if (resume) {
    const cp = resume.checkpoint;
    first = cp.month;
    existing.set(cp.existing);
    base.set(cp.base);
    cohorts.set(cp.cohorts);
    cohortShare.set(cp.cohortShare);
    nextOut = cp.nextOut;
    for (const name of seriesOf[key]) out[name].set(resume.leader[name].subarray(0, first));
  }
  let nextKeep = 0;
  // Monthly exit probability by months since start, recomputed only when the multiplier changes
  // (outside shocks it is constant for a whole path).
  let tableMultiplier = NaN;

  for (let t = first; t < H; t++) {
    if (keep && nextKeep < keep.length && keep[nextKeep]!.month === t) {
      const cp = keep[nextKeep++]!;
      cp.existing.set(existing);
      cp.base.set(base);
      cp.cohorts.set(cohorts.subarray(0, t));
      cp.cohortShare.set(cohortShare.subarray(0, t));
      cp.nextOut = nextOut;
    }
    const m = exitVector[t]! * drawExit;
    if (m !== tableMultiplier) {
      for (let k = 0; k <= maxK; k++) M[T + k] = exitProbability(rates[k]! * m);
      for (let k = 1; Q + k < cohortExitEnd; k++) M[Q + k] = 0.5 * (M[T + Math.min(maxK, k - 1)]! + M[T + Math.min(maxK, k)]!);
      tableMultiplier = m;
    }
    // Starts: this month's conversion of referrals spread over the lag.
    let expectedStarts = 0;
    for (let k = 0; k < lagWeights.length; k++) expectedStarts += lagWeights[k]! * lagged[lead + t - k]!;
    expectedStarts *= conversion * convVector[t]!;
    const newStarts = seriesNoise ? poissonFromUniform(expectedStarts, seriesNoise.starts[t]!) : Math.max(0, expectedStarts);
    starts[t] = newStarts;

    // First pass: children turning 18 leave; everyone else's expected exits are noted.
    let expectedExits = 0;
    let variance = 0;
    let agedOut = 0;
    while (nextOut < outMonth.length && outMonth[nextOut] === t) {
      const g = outGroup[nextOut]!;
      // Those turning 18 have survived as their group has: the same share of them is still open.
      const leaving = M[B + g]! > 0 ? (outCount[nextOut]! * M[E + g]!) / M[B + g]! : 0;
      agedOut += leaving;
      M[E + g] = Math.max(0, M[E + g]! - leaving);
      M[B + g] = Math.max(0, M[B + g]! - outCount[nextOut]!);
      nextOut++;
    }
    const rowAt = t * groupCount;
    for (let i = 0; i < groupCount; i++) {
      // Where nobody is left, the second pass does not read the group's exits either.
      const n = M[E + i]!;
      if (n <= 0) continue;
      const q = M[T + exitRow[rowAt + i]!]!;
      M[X + i] = n * q;
      expectedExits += n * q;
      variance += n * q * (1 - q);
    }
    for (let e = 0; e < t; e++) {
      let n = M[C + e]!;
      if (n <= 0) continue;
      const k = t - e;
      // Age groups of this cohort that turn 18 now leave; the rest share the cohort's survival.
      const turning18 = M[L + k]!;
      if (turning18 > 0 && M[S + e]! > 0) {
        const leaving = Math.min(n, (n * turning18) / M[S + e]!);
        agedOut += leaving;
        n -= leaving;
        M[S + e] = Math.max(0, M[S + e]! - turning18);
        M[C + e] = n;
      }
      const q = M[Q + k]!;
      M[K + e] = n * q;
      expectedExits += n * q;
      variance += n * q * (1 - q);
    }
    // New entrants arrive through the month: on average half a month of exposure by its end.
    const firstHalf = exitProbability(0.5 * rates[0]! * m);
    expectedExits += newStarts * firstHalf;
    variance += newStarts * firstHalf * (1 - firstHalf);

    // Drawn exits are shared in proportion to expected exits: the total carries the randomness.
    const drawnExits = seriesNoise ? normal(seriesNoise.exits[t]!, expectedExits, variance) : expectedExits;
    const scale = seriesNoise && expectedExits > 0 ? Math.max(0, drawnExits) / expectedExits : 1;

    // Second pass: apply the exits.
    let exits = 0;
    let stock = 0;
    for (let i = 0; i < groupCount; i++) {
      const n = M[E + i]!;
      if (n <= 0) continue;
      const leaving = Math.min(n, M[X + i]! * scale);
      M[E + i] = n - leaving;
      exits += leaving;
      stock += n - leaving;
    }
    for (let e = 0; e < t; e++) {
      const n = M[C + e]!;
      if (n <= 0) continue;
      const leaving = Math.min(n, M[K + e]! * scale);
      M[C + e] = n - leaving;
      exits += leaving;
      stock += n - leaving;
    }
    const entrantsLeaving = Math.min(newStarts, newStarts * firstHalf * scale);
    M[C + t] = newStarts - entrantsLeaving;
    M[S + t] = 1;
    exits += entrantsLeaving;
    stock += newStarts - entrantsLeaving;

    ends[t] = exits + agedOut;
    open[t] = stock;
    if (key === 'cla') out.claAgedOut[t] = agedOut;
  }
}
