// One scenario's children in care by placement and what they cost: the placement projection inside the
// scenario's total, its placement shifts, weekly costs by group and provider rising each April, and the
// likely ranges (p10-p90) by group and for spend.
import type { PlacementGroup } from '../../../import/values/codes.ts';
import { annualSpend } from '../money.ts';
import { weeksPerMonth, type MonthIndex } from '../../core/months.ts';
import type { ProjectionSeries } from '../project.ts';
import { bandOfSamples } from '../../core/percentiles.ts';
import { createRandom } from '../../core/random.ts';
import { inverseNormal } from '../../core/common-draws.ts';
import type { Scenario } from '../../scenario.ts';
import type { Band } from '../../core/percentiles.ts';
import { comboCount, groups } from './groups.ts';
import { applyShifts } from './placement-shifts.ts';
import { interventionShifts } from '../interventions/placement-effects.ts';
import type { PlacementSetup } from './placement-setup.ts';
import { projectPlacements } from './project-placements.ts';
import { priceIndex } from '../../core/prices.ts';
import { placementUnitCosts, type PlacementUnitCost } from './unit-costs.ts';

export interface PlacementBands {
  byGroup: Record<PlacementGroup, Band>;
  cost: Band;
}

export interface PlacementProjection {
  /** Children by combo (group:provider), [combo][month], after the scenario's placement shifts. */
  byCombo: Float64Array[];
  byGroup: Record<PlacementGroup, Float64Array>;
  /** Pounds a month by group: children times the weekly cost of their combo at that month's prices. */
  costByGroup: Record<PlacementGroup, Float64Array>;
  /** The children in care part of the monthly cost: the sum of costByGroup. */
  claCost: Float64Array;
  unitCosts: PlacementUnitCost[];
  priceIndex: Float64Array;
  annualCostByGroup: Array<{ year: string; months: number; byGroup: Record<PlacementGroup, number> }>;
  bands: PlacementBands | null;
}

const G = groups.length;

/** `projected`: the children by combo before any shift, where already worked out for the same total (taken over, shifted in place). */
export function projectScenarioPlacements(setup: PlacementSetup, series: ProjectionSeries, scenario: Scenario, startMonth: MonthIndex, horizon: number, projected?: Float64Array[]): PlacementProjection {
  const byCombo = projected ?? projectPlacements(setup.model, setup.stock, series, horizon);
  applyShifts(byCombo, [...scenario.placementShifts, ...interventionShifts(scenario)], startMonth);
  const unitCosts = placementUnitCosts(scenario);
  const prices = priceIndex(scenario, startMonth, horizon);
  const byGroup = {} as Record<PlacementGroup, Float64Array>;
  const costByGroup = {} as Record<PlacementGroup, Float64Array>;
  const claCost = new Float64Array(horizon);
  groups.forEach((group, g) => {
    const children = new Float64Array(horizon);
    const cost = new Float64Array(horizon);
    for (const c of [g * 2, g * 2 + 1]) {
      const weekly = unitCosts[c]!.weekly * weeksPerMonth;
      for (let t = 0; t < horizon; t++) {
        children[t]! += byCombo[c]![t]!;
        cost[t]! += byCombo[c]![t]! * weekly * prices[t]!;
      }
    }
    for (let t = 0; t < horizon; t++) claCost[t]! += cost[t]!;
    byGroup[group] = children;
    costByGroup[group] = cost;
  });
  const years = annualSpend(startMonth, claCost).map((y) => ({ ...y, byGroup: {} as Record<PlacementGroup, number> }));
  for (const group of groups) annualSpend(startMonth, costByGroup[group]).forEach((y, i) => (years[i]!.byGroup[group] = y.total));
  return { byCombo, byGroup, costByGroup, claCost, unitCosts, priceIndex: prices, annualCostByGroup: years.map(({ total: _, ...y }) => y), bands: null };
}

/** Each draw's children in care and plans' spend, month-major ([t * draws + d]), noted as the draws run: what placementBands shares out. */
export interface DrawTotals {
  claOpen: Float64Array;
  cppCost: Float64Array;
  note: (d: number, out: ProjectionSeries) => void;
}

export function drawTotals(draws: number, horizon: number, cppMonthly: number): DrawTotals {
  const claOpen = new Float64Array(draws * horizon);
  const cppCost = new Float64Array(draws * horizon);
  const note = (d: number, out: ProjectionSeries) => {
    for (let t = 0; t < horizon; t++) {
      claOpen[t * draws + d] = out.claOpen[t]!;
      cppCost[t * draws + d] = out.cppOpen[t]! * cppMonthly;
    }
  };
  return { claOpen, cppCost, note };
}

/**
 * Likely ranges by group and for spend, from the Monte Carlo draws of the total (children in care and on
 * plans, month-major: [t * draws + d]). Each draw shares its total out as the central projection does, with
 * the drift of each combo's share from today's scaled by a draw of how well the flows into it are known
 * (more children seen moving or entering there, less uncertain), and with the chance variation of which
 * children are where.
 */
export function placementBands(central: PlacementProjection, setup: PlacementSetup, claOpen: Float64Array, cppMonthlyCost: Float64Array, draws: number, seed: number, keepCost?: Float64Array, noise?: PlacementNoise): PlacementBands {
  const H = central.claCost.length;
  const { groupSamples, costSamples } = placementDrawSamples(central, setup, claOpen, cppMonthlyCost, draws, seed, true, noise);
  // Each draw's spend, month-major, before the percentiles reorder it: what an intervention's saving is drawn from.
  keepCost?.set(costSamples);
  const byGroup = {} as Record<PlacementGroup, Band>;
  groups.forEach((group, g) => (byGroup[group] = bandOfSamples(groupSamples[g]!, draws, H)));
  return { byGroup, cost: bandOfSamples(costSamples, draws, H) };
}

/**
 * The chance variations placementDrawSamples draws for a seed, as standard normal values in the order it
 * takes them: for each draw, each combo's drift and then each month's share of each combo. They depend on
 * nothing else, so a scenario and the same scenario without each intervention can share one set.
 */
export interface PlacementNoise {
  seed: number;
  draws: number;
  horizon: number;
  values: Float64Array;
}

// Bound once: code run through a CommonJS transform (tsx, the command) reads an imported binding through a
// getter on every use, here millions of times.
const normalAt = inverseNormal;

export function placementNoise(draws: number, horizon: number, seed: number): PlacementNoise {
  const rng = createRandom(seed ^ 0x5eed);
  const values = new Float64Array(draws * comboCount * (horizon + 1));
  for (let i = 0; i < values.length; i++) values[i] = normalAt(rng.next());
  return { seed, draws, horizon, values };
}

/**
 * Each draw's children by group and spend (month-major: [t * draws + d]), as placementBands shares them
 * out; without `byGroup`, spend only (what weighing an intervention needs). Each chance variation is drawn
 * from one uniform number, whether or not it is used, so two scenarios' draws stay in step (common random
 * numbers).
 */
export function placementDrawSamples(central: PlacementProjection, setup: PlacementSetup, claOpen: Float64Array, cppMonthlyCost: Float64Array, draws: number, seed: number, byGroup = true, noise?: PlacementNoise): { groupSamples: Float64Array[]; costSamples: Float64Array } {
  const H = central.claCost.length;
  const C = comboCount;
  // Each draw's chance variations: from the shared set where given, else drawn here a draw at a time.
  const perDraw = C * (H + 1);
  const shared = noise && noise.seed === seed && noise.draws === draws && noise.horizon === H ? noise.values : null;
  const rng = shared ? null : createRandom(seed ^ 0x5eed);
  const own = shared ? null : new Float64Array(perDraw);
  // What the loops below read and write for every draw, month and combo, in one array (V8 reloads a typed
  // array's storage after any store into another): central shares by combo and month ([c * H + t]), each
  // combo's drift multiplier and share in the draw, and its cost a month.
  const MULTIPLIER = C * H;
  const SHARES = MULTIPLIER + C;
  const WEEKLY = SHARES + C;
  const W = new Float64Array(WEEKLY + C);
  for (let t = 0; t < H; t++) {
    let total = 0;
    for (let c = 0; c < C; c++) total += central.byCombo[c]![t]!;
    for (let c = 0; c < C; c++) W[c * H + t] = total > 0 ? central.byCombo[c]![t]! / total : 0;
  }
  for (let c = 0; c < C; c++) W[WEEKLY + c] = central.unitCosts[c]!.weekly * weeksPerMonth;
  const groupSamples = byGroup ? Array.from({ length: G }, () => new Float64Array(draws * H)) : [];
  const costSamples = new Float64Array(draws * H);
  const sigma = Array.from({ length: C }, (_, c) => 1 / Math.sqrt(Math.max(1, setup.model.inflows[c]!)));
  for (let d = 0; d < draws; d++) {
    if (own) for (let i = 0; i < perDraw; i++) own[i] = normalAt(rng!.next());
    const z = shared ?? own!;
    let next = shared ? d * perDraw : 0;
    for (let c = 0; c < C; c++) W[MULTIPLIER + c] = Math.exp(sigma[c]! * z[next++]! - (sigma[c]! * sigma[c]!) / 2);
    for (let t = 0; t < H; t++) {
      const i = t * draws + d;
      const n = claOpen[i]!;
      const spread = n > 0 ? 1 / Math.sqrt(n) : 0;
      let sum = 0;
      for (let c = 0; c < C; c++) {
        const s0 = W[c * H]!;
        const s = s0 + (W[c * H + t]! - s0) * W[MULTIPLIER + c]!;
        const share = s + Math.sqrt(Math.max(0, s * (1 - s))) * spread * z[next++]!;
        const kept = share > 0 ? share : 0;
        W[SHARES + c] = kept;
        sum += kept;
      }
      const perShare = sum > 0 ? n / sum : 0;
      const price = central.priceIndex[t]!;
      let cost = cppMonthlyCost[i]!;
      // A group's two combos (in-house, private) side by side: its children are added to 0 in that order,
      // and the spend combo by combo, as ever.
      for (let g = 0; g < G; g++) {
        const inHouse = W[SHARES + 2 * g]! * perShare;
        const external = W[SHARES + 2 * g + 1]! * perShare;
        if (byGroup) groupSamples[g]![i] = 0 + inHouse + external;
        cost += inHouse * W[WEEKLY + 2 * g]! * price;
        cost += external * W[WEEKLY + 2 * g + 1]! * price;
      }
      costSamples[i] = cost;
    }
  }
  return { groupSamples, costSamples };
}
