// Money and staff from the projected caseload: weekly cost per child looked after (blended over the
// placement mix where unit costs by placement group are given), monthly cost per child protection plan,
// and the workers needed at a given caseload.
import type { PlacementGroup } from '../../import/values/codes.ts';
import type { Estimates } from './estimates.ts';
import { calendarMonth, weeksPerMonth, type MonthIndex } from '../core/months.ts';
import { defaultPlacementCosts } from './placements/unit-costs.ts';
import { defaultCaseloads, defaultCosts, type Scenario } from '../scenario.ts';

export interface UnitCosts {
  /** Pounds per child looked after per week, blended over the placement mix. */
  claWeekly: number;
  cppMonthly: number;
  cppPerWorker: number;
  claPerWorker: number;
  basis: string;
}

export function unitCosts(scenario: Scenario, mix: Estimates['placementMix']): UnitCosts {
  const flat = scenario.costs.claWeekly ?? defaultCosts.claWeekly;
  const byPlacement = scenario.costs.claWeeklyByPlacement;
  let claWeekly = flat;
  let basis = scenario.costs.claWeekly !== undefined || scenario.costs.cppMonthly !== undefined ? 'your unit costs' : 'illustrative default unit costs (replace them with your own)';
  const groups = Object.entries(mix) as Array<[PlacementGroup | 'unknown', number]>;
  if (byPlacement && groups.length) {
    claWeekly = groups.reduce((sum, [group, share]) => sum + share * (group === 'unknown' ? flat : groupWeekly(byPlacement[group], (defaultPlacementCosts[group].inHouse.weekly + defaultPlacementCosts[group].private.weekly) / 2)), 0);
    basis = 'your weekly costs by placement type, weighted by the placements of children in care now';
  }
  return {
    claWeekly,
    cppMonthly: scenario.costs.cppMonthly ?? defaultCosts.cppMonthly,
    cppPerWorker: scenario.caseloads.cppPerWorker ?? defaultCaseloads.cppPerWorker,
    claPerWorker: scenario.caseloads.claPerWorker ?? defaultCaseloads.claPerWorker,
    basis,
  };
}

/** One weekly figure for a group given as a number or by provider (the mean of the sides given). */
function groupWeekly(given: number | { inHouse?: number | undefined; private?: number | undefined } | undefined, fallback: number): number {
  if (given === undefined) return fallback;
  if (typeof given === 'number') return given;
  const sides = [given.inHouse, given.private].filter((v): v is number => v !== undefined);
  return sides.length ? sides.reduce((a, b) => a + b, 0) / sides.length : fallback;
}

export function monthlyCost(costs: UnitCosts, cppOpen: number, claOpen: number): number {
  return claOpen * costs.claWeekly * weeksPerMonth + cppOpen * costs.cppMonthly;
}

export function workersNeeded(costs: UnitCosts, cppOpen: number, claOpen: number): number {
  return cppOpen / costs.cppPerWorker + claOpen / costs.claPerWorker;
}

/** Spend by financial year (April to March), part years marked as such. */
export function annualSpend(startMonth: MonthIndex, monthly: ArrayLike<number>): Array<{ year: string; months: number; total: number }> {
  const years = new Map<string, { months: number; total: number }>();
  for (let t = 0; t < monthly.length; t++) {
    const month = startMonth + t;
    const yearStart = Math.floor(month / 12) - (calendarMonth(month) < 3 ? 1 : 0);
    const label = `${yearStart}-${String((yearStart + 1) % 100).padStart(2, '0')}`;
    const entry = years.get(label) ?? { months: 0, total: 0 };
    entry.months++;
    entry.total += monthly[t]!;
    years.set(label, entry);
  }
  return [...years].map(([year, v]) => ({ year, ...v }));
}
