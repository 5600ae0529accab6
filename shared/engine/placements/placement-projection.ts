// One scenario's children in care by placement and what they cost: the placement projection inside the
// scenario's total, its placement shifts, weekly costs by group and provider rising each April, and the
// likely ranges (p10-p90) by group and for spend.
import type { PlacementGroup } from '../../import/values/codes.ts';
import { annualSpend } from '../money.ts';
import { weeksPerMonth, type MonthIndex } from '../months.ts';
import type { ProjectionSeries } from '../project.ts';
import { bandOfSamples } from '../percentiles.ts';
import { createRandom } from '../random.ts';
import type { Scenario } from '../scenario.ts';
import type { Band } from '../uncertainty.ts';
import { comboCount, groups } from './groups.ts';
import { applyShifts } from './placement-shifts.ts';
import type { PlacementSetup } from './placement-setup.ts';
import { projectPlacements } from './project-placements.ts';
import { placementUnitCosts, priceIndex, type PlacementUnitCost } from './unit-costs.ts';

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

export function projectScenarioPlacements(setup: PlacementSetup, series: ProjectionSeries, scenario: Scenario, startMonth: MonthIndex, horizon: number): PlacementProjection {
  const byCombo = projectPlacements(setup.model, setup.stock, series, horizon);
  applyShifts(byCombo, scenario.placementShifts, startMonth);
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

/**
 * Likely ranges by group and for spend, from the Monte Carlo draws of the total (children in care and on
 * plans, month-major: [t * draws + d]). Each draw shares its total out as the central projection does, with
 * the drift of each combo's share from today's scaled by a draw of how well the flows into it are known
 * (more children seen moving or entering there, less uncertain), and with the chance variation of which
 * children are where.
 */
export function placementBands(central: PlacementProjection, setup: PlacementSetup, claOpen: Float64Array, cppMonthlyCost: Float64Array, draws: number, seed: number): PlacementBands {
  const H = central.claCost.length;
  const rng = createRandom(seed ^ 0x5eed);
  const total = new Float64Array(H);
  for (let t = 0; t < H; t++) for (let c = 0; c < comboCount; c++) total[t]! += central.byCombo[c]![t]!;
  // Each combo's share of the central total by month ([t][c]), and its drift from today's share: worked
  // out once, not in every draw.
  const drift = new Float64Array(H * comboCount);
  const start = new Float64Array(comboCount);
  for (let c = 0; c < comboCount; c++) start[c] = total[0]! > 0 ? central.byCombo[c]![0]! / total[0]! : 0;
  for (let t = 0; t < H; t++) for (let c = 0; c < comboCount; c++) drift[t * comboCount + c] = (total[t]! > 0 ? central.byCombo[c]![t]! / total[t]! : 0) - start[c]!;
  const groupSamples = Array.from({ length: G }, () => new Float64Array(draws * H));
  const costSamples = new Float64Array(draws * H);
  const sigma = Array.from({ length: comboCount }, (_, c) => 1 / Math.sqrt(Math.max(1, setup.model.inflows[c]!)));
  const shares = new Float64Array(comboCount);
  const multiplier = new Float64Array(comboCount);
  const weekly = Float64Array.from(central.unitCosts, (u) => u.weekly * weeksPerMonth);
  const prices = central.priceIndex;
  const byGroup = new Float64Array(G);
  for (let d = 0; d < draws; d++) {
    for (let c = 0; c < comboCount; c++) multiplier[c] = Math.exp(sigma[c]! * rng.normal() - (sigma[c]! * sigma[c]!) / 2);
    for (let t = 0; t < H; t++) {
      const at = t * draws + d;
      const n = claOpen[at]!;
      const row = t * comboCount;
      let sum = 0;
      for (let c = 0; c < comboCount; c++) {
        const s = start[c]! + drift[row + c]! * multiplier[c]!;
        const chance = n > 0 ? Math.sqrt(Math.max(0, s * (1 - s)) / n) * rng.normal() : 0;
        const share = Math.max(0, s + chance);
        shares[c] = share;
        sum += share;
      }
      let cost = cppMonthlyCost[at]!;
      byGroup.fill(0);
      const price = prices[t]!;
      for (let c = 0; c < comboCount; c++) {
        const children = sum > 0 ? (n * shares[c]!) / sum : 0;
        byGroup[c >> 1]! += children;
        cost += children * weekly[c]! * price;
      }
      for (let g = 0; g < G; g++) groupSamples[g]![at] = byGroup[g]!;
      costSamples[at] = cost;
    }
  }
  const bands = {} as Record<PlacementGroup, Band>;
  groups.forEach((group, g) => (bands[group] = bandOfSamples(groupSamples[g]!, draws, H)));
  return { byGroup: bands, cost: bandOfSamples(costSamples, draws, H) };
}
