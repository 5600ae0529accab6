// Weekly costs by placement group and provider, and their rise each April. The defaults say where each
// figure comes from and the year of its prices; every one is to be replaced with the authority's own.
import type { PlacementGroup } from '../../import/values/codes.ts';
import { calendarMonth, type MonthIndex } from '../months.ts';
import type { Scenario } from '../scenario.ts';
import { combos, comboCount, groups, type ComboKey } from './groups.ts';

export interface CostDefault {
  weekly: number;
  source: string;
}

const illustrative = 'Illustrative only, of the order of published unit costs; replace with yours.';
const pssru = 'PSSRU Unit Costs of Health and Social Care 2017: foster care, cost per child per week including allowances, administration and social work support (£646, 2016-17 prices). Replace with yours.';
const cmaFostering = 'CMA children’s social care market study, interim report (October 2021): average weekly price of independent fostering agencies, about £820 (2020 prices). Replace with yours.';
const cmaHomes = 'CMA children’s social care market study, interim report (October 2021): average weekly price charged by the largest private children’s home providers, £3,830 (2020 prices). Replace with yours.';
const cmaHomesInHouse = 'Illustrative: the CMA’s average private children’s home price (£3,830 a week, 2020) used for the authority’s own homes too, for want of a published figure. Replace with yours.';

/** Default weekly costs, each with its source and the year of its prices. */
export const defaultPlacementCosts: Record<PlacementGroup, { inHouse: CostDefault; private: CostDefault }> = {
  foster: { inHouse: { weekly: 646, source: pssru }, private: { weekly: 820, source: cmaFostering } },
  adoption: { inHouse: { weekly: 300, source: illustrative }, private: { weekly: 300, source: illustrative } },
  parents: { inHouse: { weekly: 250, source: illustrative }, private: { weekly: 250, source: illustrative } },
  independent: { inHouse: { weekly: 1_500, source: illustrative }, private: { weekly: 1_500, source: illustrative } },
  residential: { inHouse: { weekly: 3_830, source: cmaHomesInHouse }, private: { weekly: 3_830, source: cmaHomes } },
  secure: { inHouse: { weekly: 8_000, source: illustrative }, private: { weekly: 8_000, source: illustrative } },
  other: { inHouse: { weekly: 1_200, source: illustrative }, private: { weekly: 1_200, source: illustrative } },
};

export interface PlacementUnitCost {
  combo: ComboKey;
  weekly: number;
  source: string;
  yours: boolean;
}

/** The weekly cost of each combo at today's prices: yours where given, else the flat cost you gave, else the default. */
export function placementUnitCosts(scenario: Scenario): PlacementUnitCost[] {
  const byPlacement = scenario.costs.claWeeklyByPlacement;
  const flat = scenario.costs.claWeekly;
  return combos.map((combo, c) => {
    const group = groups[c >> 1]!;
    const side = c % 2 === 0 ? 'inHouse' : 'private';
    const given = byPlacement?.[group];
    const value = typeof given === 'number' ? given : given?.[side];
    if (value !== undefined) return { combo, weekly: value, source: 'Your weekly cost', yours: true };
    if (flat !== undefined && !byPlacement) return { combo, weekly: flat, source: 'Your weekly cost per child looked after (one figure for every placement)', yours: true };
    return { combo, ...defaultPlacementCosts[group][side], yours: false };
  });
}

/** Price multiplier in each projected month: the inflation rate compounds every April. */
export function priceIndex(scenario: Scenario, startMonth: MonthIndex, horizon: number): Float64Array {
  const rate = scenario.costs.inflationPerYear ?? 0;
  const index = new Float64Array(horizon);
  let level = 1;
  for (let t = 0; t < horizon; t++) {
    if (calendarMonth(startMonth + t) === 3) level *= 1 + rate;
    index[t] = level;
  }
  return index;
}

export const placementComboCount = comboCount;
