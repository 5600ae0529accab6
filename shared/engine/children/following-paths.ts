// Paths that share each Monte Carlo draw with a leading path (a scenario without one of its interventions,
// beside the scenario): the same parameters and random numbers (common random numbers). Until the month
// where its means first differ from the leader's, a follower is the leader month for month, so those months
// are copied, not worked out again: all of them for a half (plans, care) the difference never touches,
// those before the intervention starts otherwise.
import { createCheckpoint, type Checkpoints, type FollowedPath, type ProjectionSeries, type ProjectionWorkspace, type SeriesCheckpoint } from './project.ts';
import type { ScenarioVectors } from './scenario-vectors.ts';

/** The first month from which `a` and `b` may differ (their length: never). */
function firstDifference(a: Float64Array, b: Float64Array): number {
  for (let t = 0; t < a.length; t++) if (!Object.is(a[t], b[t])) return t;
  return a.length;
}

function sameReturns(a: ScenarioVectors['returns'], b: ScenarioVectors['returns']): boolean {
  return a.length === b.length && a.every((r, i) => r.share === b[i]!.share && r.firstReturnMonth === b[i]!.firstReturnMonth && r.months === b[i]!.months && firstDifference(r.lostMonths, b[i]!.lostMonths) === r.lostMonths.length);
}

/** The months from which a follower's referrals, plans and care may depart from the leader's. */
export function departures(leader: ScenarioVectors, follower: ScenarioVectors, horizon: number): { referrals: number; cpp: number; cla: number } {
  // Lost referrals come back from what was lost over the whole path: any difference there, and all may differ.
  const referrals = sameReturns(leader.returns, follower.returns) ? Math.min(horizon, firstDifference(leader.referralMultiplier, follower.referralMultiplier)) : 0;
  // A month's starts follow that month's and earlier months' referrals: never before the referrals depart.
  const cpp = Math.min(referrals, firstDifference(leader.cppConversionMultiplier, follower.cppConversionMultiplier), firstDifference(leader.cppExitMultiplier, follower.cppExitMultiplier));
  const cla = Math.min(referrals, firstDifference(leader.claConversionMultiplier, follower.claConversionMultiplier), firstDifference(leader.claExitMultiplier, follower.claExitMultiplier));
  return { referrals, cpp, cla };
}

export interface Following {
  /** Where the leader notes its state each draw. */
  keep: Checkpoints;
  /** For each follower, given the leader's series of the draw: how it follows. */
  follow(leader: ProjectionSeries): FollowedPath[];
}

/** Checkpoints for the leader (one per month some follower departs in) and each follower's way of following. */
export function planFollowing(workspace: ProjectionWorkspace, leader: ScenarioVectors, followers: readonly ScenarioVectors[], horizon: number): Following {
  const plans = followers.map((f) => departures(leader, f, horizon));
  const checkpoints = (key: 'cpp' | 'cla'): Map<number, SeriesCheckpoint> => {
    const months = [...new Set(plans.map((p) => p[key]).filter((m) => m > 0 && m < horizon))].sort((a, b) => a - b);
    return new Map(months.map((m) => [m, createCheckpoint(workspace, key, m)]));
  };
  const cpp = checkpoints('cpp');
  const cla = checkpoints('cla');
  const keep: Checkpoints = { cpp: [...cpp.values()], cla: [...cla.values()] };
  return {
    keep,
    follow: (series) =>
      plans.map((p) => ({
        leader: series,
        referralsDepart: p.referrals,
        cpp: { departs: p.cpp, checkpoint: cpp.get(p.cpp) ?? null },
        cla: { departs: p.cla, checkpoint: cla.get(p.cla) ?? null },
      })),
  };
}
