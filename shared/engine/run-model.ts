// The whole model: history, estimates, a baseline and any number of scenarios, money and staff, bands.
import type { Dataset } from '../dataset/types.ts';
import type { AggregatePeriod } from './aggregate-history.ts';
import { estimate, type Estimates } from './estimates.ts';
import { buildHistory, type MonthlyHistory } from './history.ts';
import { annualSpend, cumulative, monthlyCost, unitCosts, workersNeeded, type UnitCosts } from './money.ts';
import { allocateSeries, centralDraw, runProjection, type ProjectionSeries, type ProjectionSetup } from './project.ts';
import { baselineScenario, type Scenario } from './scenario.ts';
import { scenarioVectors } from './scenario-vectors.ts';
import { buildSetup } from './setup.ts';
import { monteCarloBands, type Bands } from './uncertainty.ts';
import { buildPlacementSetup, type PlacementSetup } from './placements/placement-setup.ts';
import { entryAgeSharesAt } from './placements/estimate-placements.ts';
import { placementBands, projectScenarioPlacements, type PlacementProjection } from './placements/placement-projection.ts';

export interface ModelOptions {
  horizon: number;
  scenarios?: readonly Scenario[];
  /** Monte Carlo draws for the bands; 0 for none. */
  draws?: number;
  seed?: number;
  /** Bands for the scenarios too, not only the baseline. */
  scenarioBands?: boolean;
}

export interface ProjectedScenario {
  scenario: Scenario;
  series: ProjectionSeries;
  costs: UnitCosts;
  cost: Float64Array;
  costCumulative: number[];
  workers: Float64Array;
  annualCost: Array<{ year: string; months: number; total: number }>;
  bands: Bands | null;
  /** Children in care by placement and what they cost, where placements are known (SSDA903 or List 8). */
  placements: PlacementProjection | null;
}

export interface ModelRun {
  history: MonthlyHistory;
  estimates: Estimates;
  setup: ProjectionSetup;
  baseline: ProjectedScenario;
  scenarios: ProjectedScenario[];
}

export const defaultDraws = 500;

export function projectScenario(setup: ProjectionSetup, estimates: Estimates, scenario: Scenario, options: { draws: number; seed: number }, placementSetup: PlacementSetup | null = null): ProjectedScenario {
  const vectors = scenarioVectors(scenario, setup.startMonth, setup.horizon);
  const series = runProjection(setup, vectors, centralDraw(setup), allocateSeries(setup.horizon));
  const costs = unitCosts(scenario, estimates.placementMix);
  // Where placements are known, children in care are costed placement by placement (placements/).
  const placements = placementSetup ? projectScenarioPlacements(placementSetup, series, scenario, setup.startMonth, setup.horizon) : null;
  const cost = series.cppOpen.map((cpp, t) => (placements ? cpp * costs.cppMonthly + placements.claCost[t]! : monthlyCost(costs, cpp, series.claOpen[t]!)));
  const workers = series.cppOpen.map((cpp, t) => workersNeeded(costs, cpp, series.claOpen[t]!));
  let bands: Bands | null = null;
  if (options.draws > 0) {
    const H = setup.horizon;
    const draws = options.draws;
    const claOpen = placements ? new Float64Array(draws * H) : null;
    const cppCost = placements ? new Float64Array(draws * H) : null;
    const observe = (d: number, out: ProjectionSeries) => {
      for (let t = 0; t < H; t++) {
        claOpen![t * draws + d] = out.claOpen[t]!;
        cppCost![t * draws + d] = out.cppOpen[t]! * costs.cppMonthly;
      }
    };
    bands = monteCarloBands(setup, vectors, estimates, costs, draws, options.seed, placements ? observe : undefined);
    if (placements && placementSetup) {
      placements.bands = placementBands(placements, placementSetup, claOpen!, cppCost!, draws, options.seed);
      bands = { ...bands, cost: placements.bands.cost };
    }
  }
  return { scenario, series, costs, cost, costCumulative: cumulative(cost), workers, annualCost: annualSpend(setup.startMonth, cost), bands, placements };
}

/** The projection's starting point, and the placements' where placements are known. */
export function prepareProjection(dataset: Dataset, history: MonthlyHistory, estimates: Estimates, horizon: number): { setup: ProjectionSetup; placementSetup: PlacementSetup | null } {
  const setup = buildSetup(dataset, history, estimates, horizon);
  const placementSetup = buildPlacementSetup(dataset, history, estimates);
  // Entrants growing older leave at 18 sooner: the total ages out the entrants the placements expect.
  if (placementSetup?.model.source === 'ssda903' && setup.cla.entryAgeShares) setup.cla.entryAgeShares = entryAgeSharesAt(placementSetup.model, horizon / 24);
  return { setup, placementSetup };
}

export function runModel(dataset: Dataset, aggregates: readonly AggregatePeriod[], options: ModelOptions): ModelRun {
  const history = buildHistory(dataset, aggregates);
  const estimates = estimate(dataset, history, aggregates);
  const { setup, placementSetup } = prepareProjection(dataset, history, estimates, options.horizon);
  const draws = options.draws ?? defaultDraws;
  const seed = options.seed ?? 20_201;
  // The baseline is costed like the scenarios, so that scenario minus baseline is about demand only.
  const costed = options.scenarios?.[0];
  const baselineCosted = costed ? { ...baselineScenario, costs: costed.costs, caseloads: costed.caseloads } : baselineScenario;
  const baseline = projectScenario(setup, estimates, baselineCosted, { draws, seed }, placementSetup);
  // The same seed for every scenario: differences between them are not noise.
  const scenarios = (options.scenarios ?? []).map((s) => projectScenario(setup, estimates, s, { draws: options.scenarioBands ? draws : 0, seed }, placementSetup));
  return { history, estimates, setup, baseline, scenarios };
}
