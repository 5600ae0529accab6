// Likely ranges for the housing projection by Monte Carlo: each draw takes the approach level and trend,
// entries per approach by household kind and the exit rate of each TA type from their estimated
// uncertainty, then lives a random path (housing-projection.ts). The 10th, 50th and 90th percentiles of
// the draws, month by month, make the bands.
import { householdKinds, taTypes, type TaType } from '../../dataset/housing.ts';
import { bandOfSamples } from '../core/percentiles.ts';
import { createRandom, type Random } from '../core/random.ts';
import type { Band } from '../core/percentiles.ts';
import type { HousingEstimates } from './housing-estimates.ts';
import { allocateHousingSeries, createHousingWorkspace, projectHousingPath, type HousingDraw, type HousingSetup } from './housing-projection.ts';
import type { HousingVectors } from './housing-scenario.ts';

export interface HousingBands {
  approaches: Band;
  taOpen: Band;
  cost: Band;
  taByType: Record<TaType, Band>;
}

export function drawHousingParameters(e: HousingEstimates, rng: Random): HousingDraw {
  const a = e.approaches;
  return {
    levelFactor: a.level > 0 ? Math.exp((rng.normal() * a.levelSe) / a.level) : 1,
    trendPerYear: Math.max(-0.9, a.trendPerYear + rng.normal() * a.trendSe),
    entryFactor: Float64Array.from(householdKinds, (k) => (e.entry[k].perApproach > 0 ? Math.exp((rng.normal() * e.entry[k].se) / e.entry[k].perApproach) : 1)),
    stayRateFactor: Float64Array.from(taTypes, (t) => Math.exp(rng.normal() * e.stays[t].logSe)),
  };
}

export function housingBands(setup: HousingSetup, vectors: HousingVectors, estimates: HousingEstimates, draws: number, seed: number): HousingBands {
  const H = setup.horizon;
  const rng = createRandom(seed);
  const series = allocateHousingSeries(H);
  const workspace = createHousingWorkspace(H);
  const approaches = new Float64Array(H * draws);
  const taOpen = new Float64Array(H * draws);
  const cost = new Float64Array(H * draws);
  const byType = taTypes.map(() => new Float64Array(H * draws));
  for (let d = 0; d < draws; d++) {
    projectHousingPath(setup, vectors, drawHousingParameters(estimates, rng), rng, series, workspace);
    for (let t = 0; t < H; t++) {
      const at = t * draws + d;
      approaches[at] = series.approaches[t]!;
      taOpen[at] = series.taOpen[t]!;
      cost[at] = series.cost[t]!;
      for (let i = 0; i < byType.length; i++) byType[i]![at] = series.taByType[i * H + t]!;
    }
  }
  return {
    approaches: bandOfSamples(approaches, draws, H),
    taOpen: bandOfSamples(taOpen, draws, H),
    cost: bandOfSamples(cost, draws, H),
    taByType: Object.fromEntries(taTypes.map((t, i) => [t, bandOfSamples(byType[i]!, draws, H)])) as Record<TaType, Band>,
  };
}
