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
import { startBands, type BandRun, type Bands } from './uncertainty.ts';

export interface ModelOptions {
  horizon: number;
  scenarios?: readonly Scenario[];
  /** Monte Carlo draws for the bands; 0 for none. */
  draws?: number;
  seed?: number;
  /** Bands for the scenarios too, not only the baseline (by default, as bandOptions says). */
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
}

export interface ModelRun {
  history: MonthlyHistory;
  estimates: Estimates;
  setup: ProjectionSetup;
  baseline: ProjectedScenario;
  scenarios: ProjectedScenario[];
}

/**
 * The one definition of the likely ranges: the screens, the Excel export and the command all draw them with
 * these options, so the same scenario shows the same range everywhere, to the pound. The same seed for
 * every scenario: differences between scenarios are not noise.
 */
export const bandOptions = { draws: 500, seed: 20_201, scenarioBands: true } as const;
export const defaultDraws = bandOptions.draws;

/** The baseline is costed like the scenarios (the first one's costs), so that scenario minus baseline is about demand only. */
export function costedBaseline(scenarios: readonly Scenario[]): Scenario {
  const costed = scenarios[0];
  return costed ? { ...baselineScenario, costs: costed.costs, caseloads: costed.caseloads } : baselineScenario;
}

/** A scenario's bands, to be run a slice at a time (the window's engine worker) or at once. */
export function startScenarioBands(setup: ProjectionSetup, estimates: Estimates, scenario: Scenario, options: { draws: number; seed: number } = bandOptions): BandRun {
  return startBands(setup, scenarioVectors(scenario, setup.startMonth, setup.horizon), estimates, unitCosts(scenario, estimates.placementMix), options.draws, options.seed);
}

export function projectScenario(setup: ProjectionSetup, estimates: Estimates, scenario: Scenario, options: { draws: number; seed: number }): ProjectedScenario {
  const vectors = scenarioVectors(scenario, setup.startMonth, setup.horizon);
  const series = runProjection(setup, vectors, centralDraw(setup), allocateSeries(setup.horizon));
  const costs = unitCosts(scenario, estimates.placementMix);
  const cost = series.cppOpen.map((cpp, t) => monthlyCost(costs, cpp, series.claOpen[t]!));
  const workers = series.cppOpen.map((cpp, t) => workersNeeded(costs, cpp, series.claOpen[t]!));
  return {
    scenario,
    series,
    costs,
    cost,
    costCumulative: cumulative(cost),
    workers,
    annualCost: annualSpend(setup.startMonth, cost),
    bands: options.draws > 0 ? bandsAtOnce(startScenarioBands(setup, estimates, scenario, options)) : null,
  };
}

function bandsAtOnce(run: BandRun): Bands {
  run.run(run.remaining);
  return run.bands();
}

export function runModel(dataset: Dataset, aggregates: readonly AggregatePeriod[], options: ModelOptions): ModelRun {
  const history = buildHistory(dataset, aggregates);
  const estimates = estimate(dataset, history, aggregates);
  const setup = buildSetup(dataset, history, estimates, options.horizon);
  const draws = options.draws ?? bandOptions.draws;
  const seed = options.seed ?? bandOptions.seed;
  const baseline = projectScenario(setup, estimates, costedBaseline(options.scenarios ?? []), { draws, seed });
  const scenarioBands = options.scenarioBands ?? bandOptions.scenarioBands;
  const scenarios = (options.scenarios ?? []).map((s) => projectScenario(setup, estimates, s, { draws: scenarioBands ? draws : 0, seed }));
  return { history, estimates, setup, baseline, scenarios };
}
