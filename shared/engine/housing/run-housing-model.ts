// The housing service end to end: history from the two lists, estimates, the baseline and scenario
// projections with likely ranges, and a backtest, as the contract's housing result (cli-contract.md).
import { taTypes, type HousingDataset, type TaType } from '../../dataset/housing.ts';
import { monthLabel } from '../core/months.ts';
import { priceIndex } from '../core/prices.ts';
import type { Scenario } from '../scenario.ts';
import type { Band } from '../core/percentiles.ts';
import { housingBands, type HousingBands } from './housing-bands.ts';
import { runHousingBacktest, type HousingBacktest } from './housing-backtest.ts';
import { defaultTaNightly, taNightlyCosts } from './housing-costs.ts';
import { estimateHousing, type HousingEstimates } from './housing-estimates.ts';
import { housingHistory, type HousingHistory } from './housing-history.ts';
import { allocateHousingSeries, centralDraw, housingSetup, projectHousingPath, type HousingSeries } from './housing-projection.ts';
import { housingVectors } from './housing-scenario.ts';
import { placementsOf } from './stays.ts';
import { housingService } from '../services.ts';
import { housingInterventions, type HousingInterventionOutcome } from './housing-interventions.ts';

export interface HousingRunOptions {
  horizon?: number;
  draws?: number;
  seed?: number;
  backtestFrom?: string | null;
  /** The import's counts and issues, as the caller's reader gave them. */
  import?: unknown;
}

export interface HousingProjected {
  approaches: number[];
  dutiesOwed: number[];
  taStarts: number[];
  taEnds: number[];
  taOpen: number[];
  taByType: Record<TaType, number[]>;
  taNights: number[];
  nightsByType: Record<TaType, number[]>;
  cost: number[];
  costByType: Record<TaType, number[]>;
}

export interface HousingResult {
  schemaVersion: 1;
  service: 'housing';
  extractDate: string;
  import: unknown;
  history: Omit<HousingHistory, 'firstMonth' | 'lastMonth' | 'taNightsByType'>;
  estimates: HousingEstimates & { taNightly: Record<TaType, { nightly: number; isDefault: boolean; source: string | null }> };
  projection: {
    months: string[];
    baseline: HousingProjected;
    scenario?: HousingProjected & { name: string; interventions: HousingInterventionOutcome[] };
    bands: { baseline: HousingBands; scenario?: HousingBands };
  };
  backtest: HousingBacktest | null;
}

const byTypeOf = (flat: Float64Array, horizon: number) => Object.fromEntries(taTypes.map((t, i) => [t, [...flat.subarray(i * horizon, (i + 1) * horizon)]])) as Record<TaType, number[]>;

function projected(s: HousingSeries, horizon: number): HousingProjected {
  return {
    approaches: [...s.approaches],
    dutiesOwed: [...s.dutiesOwed],
    taStarts: [...s.taStarts],
    taEnds: [...s.taEnds],
    taOpen: [...s.taOpen],
    taByType: byTypeOf(s.taByType, horizon),
    taNights: [...s.taNights],
    nightsByType: byTypeOf(s.nightsByType, horizon),
    cost: [...s.cost],
    costByType: byTypeOf(s.costByType, horizon),
  };
}

/** One projection (expected path and, with draws, its bands) from estimates already made. */
export function projectHousing(estimates: HousingEstimates, scenario: Scenario | null, options: { horizon: number; draws: number; seed: number }): { path: HousingProjected; bands: HousingBands } {
  const { horizon, draws, seed } = options;
  const start = estimates.anchorMonth + 1;
  const costs = taNightlyCosts(scenario);
  const setup = housingSetup(estimates, horizon, costs.nightly, scenario ? priceIndex(scenario, start, horizon) : new Float64Array(horizon).fill(1));
  const vectors = housingVectors(scenario, start, horizon);
  const path = projectHousingPath(setup, vectors, centralDraw(), null, allocateHousingSeries(horizon));
  return { path: projected(path, horizon), bands: draws > 0 ? housingBands(setup, vectors, estimates, draws, seed) : emptyBands() };
}

const fits = new WeakMap<HousingDataset, { history: HousingHistory; estimates: HousingEstimates }>();

/**
 * History and estimates of a dataset, worked out once for it: a slider move projects again from the same
 * fit instead of reading the lists again (the datasets are never changed once made).
 */
export function fitHousing(dataset: HousingDataset): { history: HousingHistory; estimates: HousingEstimates } {
  let fit = fits.get(dataset);
  if (!fit) {
    const placements = placementsOf(dataset.ta);
    const history = housingHistory(dataset, placements);
    fit = { history, estimates: estimateHousing(dataset, history, placements) };
    fits.set(dataset, fit);
  }
  return fit;
}

export function runHousingModel(dataset: HousingDataset, scenario: Scenario | null, options: HousingRunOptions = {}): HousingResult {
  const horizon = options.horizon ?? 24;
  const draws = options.draws ?? 1000;
  const seed = options.seed ?? 1;
  const { history, estimates } = fitHousing(dataset);
  const start = estimates.anchorMonth + 1;
  // The baseline keeps the scenario's costs (the same money, without the scenario's changes in demand).
  const costsOnly = scenario ? { ...scenario, shocks: [], newNormal: undefined, interventions: [] } : null;
  const baseline = projectHousing(estimates, costsOnly, { horizon, draws, seed });
  const withScenario = scenario ? projectHousing(estimates, scenario, { horizon, draws, seed }) : null;
  const costs = taNightlyCosts(scenario);
  const { firstMonth: _f, lastMonth: _l, taNightsByType: _n, ...historyOut } = history;
  return {
    schemaVersion: 1,
    service: housingService.id,
    extractDate: dataset.extracts.map((e) => e.extractDate).sort().at(-1) ?? '',
    import: options.import ?? {},
    history: historyOut,
    estimates: { ...estimates, taNightly: Object.fromEntries(taTypes.map((t, i) => [t, { nightly: costs.nightly[i]!, isDefault: costs.isDefault[i]!, source: costs.isDefault[i] ? defaultTaNightly[t].source : null }])) as HousingResult['estimates']['taNightly'] },
    projection: {
      months: Array.from({ length: horizon }, (_, t) => monthLabel(start + t)),
      baseline: baseline.path,
      ...(withScenario ? { scenario: { name: scenario!.name, ...withScenario.path, interventions: housingInterventions(estimates, scenario!, withScenario.path, horizon, (s) => projectHousing(estimates, s, { horizon, draws: 0, seed }).path) } } : {}),
      bands: { baseline: baseline.bands, ...(withScenario ? { scenario: withScenario.bands } : {}) },
    },
    backtest: options.backtestFrom ? runHousingBacktest(dataset, history, options.backtestFrom, horizon) : null,
  };
}

function emptyBands(): HousingBands {
  const empty = (): Band => ({ p10: [], p50: [], p90: [] });
  return { approaches: empty(), taOpen: empty(), cost: empty(), taByType: Object.fromEntries(taTypes.map((t) => [t, empty()])) as Record<TaType, Band> };
}
