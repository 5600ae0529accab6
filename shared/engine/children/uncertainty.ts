// Uncertainty bands by Monte Carlo: each draw takes the rates from their estimated uncertainty (level,
// trend, conversions, exit rates) and then lives a random month-by-month path (Poisson referrals and
// starts, binomial exits). The 10th, 50th and 90th percentiles of the draws make the bands: in eight
// years out of ten the outcome should fall between p10 and p90, if the model's assumptions hold.
import type { Estimates } from './estimates.ts';
import { monthlyCost, type UnitCosts } from './money.ts';
import { bandOfSamples, type Band } from '../core/percentiles.ts';
import { allocateSeries, createWorkspace, fillNoise, projectPath, type ParameterDraw, type ProjectionSeries, type ProjectionSetup } from './project.ts';
import { planFollowing } from './following-paths.ts';
import { createRandom, type Random } from '../core/random.ts';
import type { ScenarioVectors } from './scenario-vectors.ts';

export const bandSeries = ['referrals', 'cppOpen', 'claOpen', 'cost'] as const;
export type BandSeries = (typeof bandSeries)[number];
export type Bands = Record<BandSeries, Band>;

export function drawParameters(setup: ProjectionSetup, estimates: Estimates, rng: Random): ParameterDraw {
  const lognormal = (sd: number) => Math.exp(sd * rng.normal() - (sd * sd) / 2);
  const r = estimates.referrals;
  const relative = (se: number, value: number) => (value > 0 ? Math.min(se / value, 2) : 0);
  return {
    levelMultiplier: lognormal(relative(r.levelSe, r.level)),
    trendPerYear: Math.max(-0.5, setup.referral.trendPerYear + r.trendSe * rng.normal()),
    cppConversionMultiplier: lognormal(relative(estimates.cpp.conversion.se, estimates.cpp.conversion.perReferral)),
    claConversionMultiplier: lognormal(relative(estimates.cla.conversion.se, estimates.cla.conversion.perReferral)),
    cppExitMultiplier: lognormal(estimates.cpp.duration.logSe),
    claExitMultiplier: lognormal(estimates.cla.duration.logSe),
  };
}

/** `observe` sees each draw's path in draw order (placements share each draw's children in care out by placement). */
export type DrawObserver = (draw: number, series: ProjectionSeries) => void;

/**
 * Bands computed a slice of draws at a time, so a window can keep drawing while they are worked out. Run
 * to the end, it gives exactly what monteCarloBands gives: the same random stream in the same order.
 */
export interface BandRun {
  /** Draws still to run. */
  readonly remaining: number;
  /** Runs up to `draws` more draws. */
  run(draws: number): void;
  /** The bands, once every draw has run. */
  bands(): Bands;
}

/** A path run on each of the bands' draws beside the scenario's own (common random numbers), seen by `observe`. */
export interface FollowingRun {
  vectors: ScenarioVectors;
  observe: DrawObserver;
}

/**
 * `followers` live each draw's random future too: each gives exactly what bands of its own with the same
 * seed would, and costs only the months in which it differs from the scenario.
 */
export function startBands(setup: ProjectionSetup, vectors: ScenarioVectors, estimates: Estimates, costs: UnitCosts, draws: number, seed: number, observe?: DrawObserver, followers: readonly FollowingRun[] = []): BandRun {
  const H = setup.horizon;
  const rng = createRandom(seed);
  const out = allocateSeries(H);
  const workspace = createWorkspace(setup);
  const following = followers.length > 0 ? planFollowing(workspace, vectors, followers.map((f) => f.vectors), H) : null;
  const follows = following?.follow(out) ?? [];
  const followerOut = allocateSeries(H);
  const followerWorkspace = followers.length > 0 ? createWorkspace(setup) : workspace;
  // Each series' samples, one after another in one array: V8 reloads a typed array's storage after any store
  // into another, which four arrays written in turn would pay for at every month of every draw.
  const samples = new Float64Array(bandSeries.length * draws * H);
  const [REFERRALS, CPP, CLA, COST] = bandSeries.map((_, i) => i * draws * H) as [number, number, number, number];
  const { referrals, cppOpen, claOpen } = out;
  let d = 0;
  return {
    get remaining() {
      return draws - d;
    },
    run(more: number) {
      for (const end = Math.min(draws, d + more); d < end; d++) {
        const parameters = drawParameters(setup, estimates, rng);
        fillNoise(workspace.noise, rng);
        projectPath(setup, vectors, parameters, out, workspace, workspace.noise, null, following?.keep ?? null);
        observe?.(d, out);
        followers.forEach((f, i) => f.observe(d, projectPath(setup, f.vectors, parameters, followerOut, followerWorkspace, workspace.noise, follows[i]!)));
        for (let t = 0; t < H; t++) {
          // Stored month-major so each month's draws are contiguous for picking its percentiles.
          const at = t * draws + d;
          samples[REFERRALS + at] = referrals[t]!;
          samples[CPP + at] = cppOpen[t]!;
          samples[CLA + at] = claOpen[t]!;
          samples[COST + at] = monthlyCost(costs, cppOpen[t]!, claOpen[t]!);
        }
      }
    },
    bands() {
      if (d < draws) throw new Error(`bands: ${draws - d} of ${draws} draws have not run yet`);
      const bands = {} as Bands;
      bandSeries.forEach((s, i) => (bands[s] = bandOfSamples(samples.subarray(i * draws * H, (i + 1) * draws * H), draws, H)));
      return bands;
    },
  };
}

export function monteCarloBands(setup: ProjectionSetup, vectors: ScenarioVectors, estimates: Estimates, costs: UnitCosts, draws: number, seed: number, observe?: DrawObserver): Bands {
  const run = startBands(setup, vectors, estimates, costs, draws, seed, observe);
  run.run(draws);
  return run.bands();
}
