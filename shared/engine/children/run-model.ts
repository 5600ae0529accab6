// The whole model: history, estimates, a baseline and any number of scenarios, money and staff, bands.
import type { Dataset } from '../../dataset/types.ts';
import type { AggregatePeriod } from './aggregate-history.ts';
import { estimate, type Estimates } from './estimates.ts';
import { buildHistory, type MonthlyHistory } from './history.ts';
import { cumulative } from '../core/running-totals.ts';
import { withWorkbookCosts } from '../core/workbook-costs.ts';
import { annualSpend, monthlyCost, unitCosts, workersNeeded, type UnitCosts } from './money.ts';
import { allocateSeries, centralDraw, runProjection, seriesKeys, type ProjectionSeries, type ProjectionSetup } from './project.ts';
import { departures } from './following-paths.ts';
import { projectPlacements } from './placements/project-placements.ts';
import { baselineScenario, type Scenario } from '../scenario.ts';
import { scenarioVectors, type ScenarioVectors } from './scenario-vectors.ts';
import { buildSetup } from './setup.ts';
import { startBands, type BandRun, type Bands } from './uncertainty.ts';
import { buildPlacementSetup, type PlacementSetup } from './placements/placement-setup.ts';
import { entryAgeSharesAt } from './placements/estimate-placements.ts';
import { drawTotals, placementBands, placementNoise, projectScenarioPlacements, type PlacementBands, type PlacementProjection } from './placements/placement-projection.ts';
import { createLedger, recordDraw } from './interventions/draw-ledger.ts';
import { startInterventionDraws } from './interventions/intervention-draws.ts';
import { weighIntervention, type InterventionOutcome, type InterventionRanges } from './interventions/outcomes.ts';
import { interventionsCost, withoutIntervention } from '../core/interventions-running.ts';

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
  /** Pounds a month: services, plus the scenario's interventions' running costs. */
  cost: Float64Array;
  /** Pounds a month on services alone (plans and care): what an intervention saves is measured on this. */
  serviceCost: Float64Array;
  /** Pounds a month of the interventions' running costs (zero without interventions). */
  interventionCost: Float64Array;
  costCumulative: number[];
  workers: Float64Array;
  annualCost: Array<{ year: string; months: number; total: number }>;
  bands: Bands | null;
  /** Children in care by placement and what they cost, where placements are known (SSDA903 or List 8). */
  placements: PlacementProjection | null;
  /** Each intervention weighed: cost against what the same scenario without it would spend. */
  interventions: InterventionOutcome[];
}

export interface PreparedProjection {
  setup: ProjectionSetup;
  placementSetup: PlacementSetup | null;
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

/** The baseline, costed as the scenarios are, then the scenarios with the workbook's costs: what is projected. */
export function withCostedBaseline(scenarios: readonly Scenario[]): Scenario[] {
  const costed = withWorkbookCosts(scenarios);
  return [costedBaseline(costed), ...costed];
}

/** What an expected path, and its likely ranges, depend on: a scenario's settings (not its name) and the horizon. */
export const expectedPathKey = (scenario: Scenario, horizon: number) => JSON.stringify([horizon, { ...scenario, name: '', description: '' }]);

/** A scenario's likely ranges: the totals' bands and, where placements are known, the placements'. */
export interface ScenarioRanges {
  bands: Bands;
  placements: PlacementBands | null;
  /** Each intervention's likely ranges, in the scenario's order; empty without interventions. */
  interventions: InterventionRanges[];
}

/** A scenario's bands run a slice at a time; `ranges()` adds the placements' bands to `bands()`. */
export interface ScenarioBandRun extends BandRun {
  ranges(): ScenarioRanges;
}

/** Where placements are known: their starting point and the scenario's expected placements. */
export interface PlacedScenario {
  placementSetup: PlacementSetup;
  central: PlacementProjection;
  /** The expected placements of the scenario without each of its interventions, where already worked out. */
  withoutEach?: ReadonlyArray<PlacementProjection | null>;
}

/**
 * A scenario's bands, to be run a slice at a time (the window's engine worker) or at once. Where placements
 * are known, each draw's path is kept in draw order and shared out by placement once every draw has run,
 * so slices give the same numbers as a run at once, and spend's band is the placements' spend.
 */
export function startScenarioBands(setup: ProjectionSetup, estimates: Estimates, scenario: Scenario, options: { draws: number; seed: number } = bandOptions, placed: PlacedScenario | null = null): ScenarioBandRun {
  const H = setup.horizon;
  const { draws, seed } = options;
  const costs = unitCosts(scenario, estimates.placementMix);
  const totals = placed ? drawTotals(draws, H, costs.cppMonthly) : null;
  // With interventions, each draw's spend is kept to weigh it against the same draw without each one.
  const weighing = scenario.interventions.length > 0;
  const ledger = weighing ? createLedger(draws, H) : null;
  const observe = (d: number, out: ProjectionSeries) => {
    if (ledger) recordDraw(ledger, d, out, placed ? null : costs);
    totals?.note(d, out);
  };
  // The scenario without each intervention lives each of the scenario's draws beside it.
  const others = weighing ? startInterventionDraws(setup, estimates, scenario, options, placed?.placementSetup ?? null, placed?.withoutEach) : null;
  const run = startBands(setup, scenarioVectors(scenario, setup.startMonth, H), estimates, costs, draws, seed, placed || weighing ? observe : undefined, others?.followers);
  const running = interventionsCost(scenario, setup.startMonth, H);
  let ranges: ScenarioRanges | null = null;
  const finish = (): ScenarioRanges => {
    if (ranges) return ranges;
    const bands = run.bands();
    // The placements' chance variation, drawn once for the scenario and each scenario without one intervention.
    const noise = placed && weighing ? placementNoise(draws, H, seed) : undefined;
    const placements = placed ? placementBands(placed.central, placed.placementSetup, totals!.claOpen, totals!.cppCost, draws, seed, ledger?.spend, noise) : null;
    const services = placements ? placements.cost : bands.cost;
    // Spend's range includes the interventions' own cost, known for certain: every percentile moves by it.
    const cost = weighing ? { p10: services.p10.map((v, t) => v + running[t]!), p50: services.p50.map((v, t) => v + running[t]!), p90: services.p90.map((v, t) => v + running[t]!) } : services;
    return (ranges = { bands: { ...bands, cost }, placements, interventions: others && ledger ? others.ranges(ledger, noise) : [] });
  };
  return {
    get remaining() {
      return run.remaining;
    },
    run: (more: number) => run.run(more),
    bands: () => finish().bands,
    ranges: finish,
  };
}

/** An expected path with its likely ranges (or none), placements' included. */
export function withRanges(path: ProjectedScenario, ranges: ScenarioRanges | null): ProjectedScenario {
  return {
    ...path,
    bands: ranges?.bands ?? null,
    placements: path.placements && { ...path.placements, bands: ranges?.placements ?? null },
    interventions: path.interventions.map((outcome, i) => ({ ...outcome, ranges: ranges?.interventions[i] ?? null })),
  };
}

/** The expected totals (referrals, plans, children in care) of a scenario's means: the path's own series. */
function totalsFor(setup: ProjectionSetup, vectors: ScenarioVectors): ProjectionSeries {
  return runProjection(setup, vectors, centralDraw(setup), allocateSeries(setup.horizon));
}

/**
 * A scenario's expected referrals, plans and children in care, the same numbers as its expected path's series,
 * without the placements and spend that take most of a path's time: what the Scenarios step's charts draw.
 */
export function expectedTotals(setup: ProjectionSetup, scenario: Scenario): ProjectionSeries {
  return totalsFor(setup, scenarioVectors(scenario, setup.startMonth, setup.horizon));
}

/** An expected path with what another path may take over from it: its means, and its placements before any shift. */
interface ExpectedPath {
  path: ProjectedScenario;
  vectors: ScenarioVectors;
  unshifted: Float64Array[] | null;
}

/**
 * A scenario's expected path and its spend, the interventions' running costs included, without weighing them.
 * Where its means are `like`'s (the scenario without an intervention that only shifts placements), its totals
 * and its placements before shifts are the same, and are taken over rather than worked out again.
 */
function expectedPath(setup: ProjectionSetup, estimates: Estimates, scenario: Scenario, placementSetup: PlacementSetup | null, like?: ExpectedPath): ExpectedPath {
  const H = setup.horizon;
  const vectors = scenarioVectors(scenario, setup.startMonth, H);
  const departs = like ? departures(like.vectors, vectors, H) : null;
  const same = departs !== null && departs.referrals >= H && departs.cpp >= H && departs.cla >= H;
  let series: ProjectionSeries;
  if (same) {
    series = allocateSeries(H);
    for (const key of seriesKeys) series[key].set(like!.path.series[key]);
  } else series = totalsFor(setup, vectors);
  const costs = unitCosts(scenario, estimates.placementMix);
  // Where placements are known, children in care are costed placement by placement (placements/).
  const unshifted = placementSetup ? (same && like!.unshifted ? like!.unshifted : projectPlacements(placementSetup.model, placementSetup.stock, series, H)) : null;
  const placements = placementSetup ? projectScenarioPlacements(placementSetup, series, scenario, setup.startMonth, H, unshifted!.map((c) => c.slice())) : null;
  return { path: pricedPath(setup, scenario, series, costs, placements), vectors, unshifted };
}

function pricedPath(setup: ProjectionSetup, scenario: Scenario, series: ProjectionSeries, costs: UnitCosts, placements: PlacementProjection | null): ProjectedScenario {
  const serviceCost = series.cppOpen.map((cpp, t) => (placements ? cpp * costs.cppMonthly + placements.claCost[t]! : monthlyCost(costs, cpp, series.claOpen[t]!)));
  const interventionCost = interventionsCost(scenario, setup.startMonth, setup.horizon);
  const cost = serviceCost.map((v, t) => v + interventionCost[t]!);
  const workers = series.cppOpen.map((cpp, t) => workersNeeded(costs, cpp, series.claOpen[t]!));
  return { scenario, series, costs, cost, serviceCost, interventionCost, costCumulative: cumulative(cost), workers, annualCost: annualSpend(setup.startMonth, cost), bands: null, placements, interventions: [] };
}

export function projectScenario(setup: ProjectionSetup, estimates: Estimates, scenario: Scenario, options: { draws: number; seed: number }, placementSetup: PlacementSetup | null = null): ProjectedScenario {
  const expected = expectedPath(setup, estimates, scenario, placementSetup);
  const path = expected.path;
  const withoutEach = scenario.interventions.map((_, i) => expectedPath(setup, estimates, withoutIntervention(scenario, i), placementSetup, expected).path);
  path.interventions = scenario.interventions.map((intervention, i) => weighIntervention(intervention, setup.startMonth, path, withoutEach[i]!));
  if (options.draws <= 0) return path;
  const run = startScenarioBands(setup, estimates, scenario, options, path.placements && placementSetup ? { placementSetup, central: path.placements, withoutEach: withoutEach.map((w) => w.placements) } : null);
  run.run(run.remaining);
  return withRanges(path, run.ranges());
}

/** The projection's starting point, and the placements' where placements are known. */
export function prepareProjection(dataset: Dataset, history: MonthlyHistory, estimates: Estimates, horizon: number): PreparedProjection {
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
  const draws = options.draws ?? bandOptions.draws;
  const seed = options.seed ?? bandOptions.seed;
  const costed = withWorkbookCosts(options.scenarios ?? []);
  const baseline = projectScenario(setup, estimates, costedBaseline(costed), { draws, seed }, placementSetup);
  const scenarioBands = options.scenarioBands ?? bandOptions.scenarioBands;
  const scenarios = costed.map((s) => projectScenario(setup, estimates, s, { draws: scenarioBands ? draws : 0, seed }, placementSetup));
  return { history, estimates, setup, baseline, scenarios };
}
