// The draws behind an intervention's likely ranges: for each intervention, the scenario without it run
// with the same seed as the scenario itself, so draw d with and without it lives the same random future
// (common random numbers) and their difference is the intervention's doing, not noise. An intervention
// with no effect saves exactly nothing in every draw. They run beside the scenario's own draws (startBands'
// followers), on the very numbers the scenario draws, each costing only the months it differs in.
import type { Estimates } from '../estimates.ts';
import { unitCosts } from '../money.ts';
import { allocateSeries, centralDraw, runProjection, type ProjectionSeries, type ProjectionSetup } from '../project.ts';
import type { Scenario } from '../../scenario.ts';
import { scenarioVectors } from '../scenario-vectors.ts';
import type { FollowingRun } from '../uncertainty.ts';
import type { PlacementSetup } from '../placements/placement-setup.ts';
import { drawTotals, placementDrawSamples, projectScenarioPlacements, type PlacementNoise, type PlacementProjection } from '../placements/placement-projection.ts';
import { bandOfSamples, quantilesOf } from '../../core/percentiles.ts';
import { createLedger, recordDraw, type DrawLedger } from './draw-ledger.ts';
import type { InterventionRanges } from './outcomes.ts';
import { interventionCost, withoutIntervention } from '../../core/interventions-running.ts';

export interface InterventionDrawRun {
  /** The scenario without each intervention, to run beside the scenario's own draws. */
  followers: FollowingRun[];
  /**
   * Each intervention's ranges, given the scenario's own draws (run to the end, with every draw's spend);
   * `noise`, the placements' chance variation where already drawn.
   */
  ranges(withAll: DrawLedger, noise?: PlacementNoise): InterventionRanges[];
}

interface WithoutRun {
  follower: FollowingRun;
  ledger: DrawLedger;
  /** Where placements are known: children in care and plans' spend by draw, priced once all have run. */
  finish: (noise?: PlacementNoise) => void;
}

function startWithout(setup: ProjectionSetup, estimates: Estimates, scenario: Scenario, draws: number, seed: number, placementSetup: PlacementSetup | null, known: PlacementProjection | null): WithoutRun {
  const H = setup.horizon;
  const vectors = scenarioVectors(scenario, setup.startMonth, H);
  const costs = unitCosts(scenario, estimates.placementMix);
  const ledger = createLedger(draws, H);
  if (!placementSetup) {
    return { follower: { vectors, observe: (d, out) => recordDraw(ledger, d, out, costs) }, ledger, finish: () => {} };
  }
  const central = known ?? projectScenarioPlacements(placementSetup, runProjection(setup, vectors, centralDraw(setup), allocateSeries(H)), scenario, setup.startMonth, H);
  const totals = drawTotals(draws, H, costs.cppMonthly);
  const observe = (d: number, out: ProjectionSeries) => {
    recordDraw(ledger, d, out, null);
    totals.note(d, out);
  };
  return { follower: { vectors, observe }, ledger, finish: (noise) => ledger.spend.set(placementDrawSamples(central, placementSetup, totals.claOpen, totals.cppCost, draws, seed, false, noise).costSamples) };
}

/** `withoutPlacements`: each scenario-without-one's expected placements, where already worked out. */
export function startInterventionDraws(setup: ProjectionSetup, estimates: Estimates, scenario: Scenario, options: { draws: number; seed: number }, placementSetup: PlacementSetup | null, withoutPlacements: ReadonlyArray<PlacementProjection | null> = []): InterventionDrawRun {
  const { draws, seed } = options;
  const H = setup.horizon;
  const withouts = scenario.interventions.map((_, i) => startWithout(setup, estimates, withoutIntervention(scenario, i), draws, seed, placementSetup, withoutPlacements[i] ?? null));
  return {
    followers: withouts.map((w) => w.follower),
    ranges(withAll: DrawLedger, noise?: PlacementNoise) {
      return withouts.map((w, i) => {
        w.finish(noise);
        const without = w.ledger;
        const cost = interventionCost(scenario.interventions[i]!, setup.startMonth, H).reduce((a, b) => a + b, 0);
        const cumulativeSaving = new Float64Array(draws * H);
        const saving = new Float64Array(draws);
        const net = new Float64Array(draws);
        const per = (pick: (l: DrawLedger) => Float64Array) => Float64Array.from(pick(without), (v, d) => v - pick(withAll)[d]!);
        for (let d = 0; d < draws; d++) {
          let total = 0;
          for (let t = 0; t < H; t++) {
            total += without.spend[t * draws + d]! - withAll.spend[t * draws + d]!;
            cumulativeSaving[t * draws + d] = total;
          }
          saving[d] = total;
          net[d] = cost - total;
        }
        return {
          draws,
          saving: quantilesOf(saving),
          net: quantilesOf(net),
          childrenKeptOutOfCare: quantilesOf(per((l) => l.claStarts)),
          plansAvoided: quantilesOf(per((l) => l.cppStarts)),
          childMonthsInCareAvoided: quantilesOf(per((l) => l.claMonths)),
          cumulativeSaving: bandOfSamples(cumulativeSaving, draws, H),
        };
      });
    },
  };
}
