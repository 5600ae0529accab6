// Weekly costs by placement group and provider, and their rise each April. The defaults say where each
// figure comes from and the year of its prices; every one is to be replaced with the authority's own.
import type { PlacementGroup } from '../../../import/values/codes.ts';
import type { Scenario } from '../../scenario.ts';
import { combos, comboCount, groups, type ComboKey } from './groups.ts';

export interface CostDefault {
  weekly: number;
  source: string;
}

// Where no published national figure was found the default says so ("Illustrative") and why.
const pssru = 'PSSRU Unit Costs of Health and Social Care 2017: foster care, cost per child per week including allowances, administration and social work support (£646, 2016-17 prices). Replace with yours.';
const cmaFostering = 'CMA children’s social care market study, interim report (October 2021): average weekly price of independent fostering agencies, about £820 (2020 prices). Replace with yours.';
const cmaHomes = 'CMA children’s social care market study, interim report (October 2021): average weekly price charged by the largest private children’s home providers, £3,830 (2020 prices). Replace with yours.';
const homesInHouse = 'NCERCC and Revolution Consulting, prices paid by local authorities for children’s homes places (February 2020): the authority’s own homes, priced as private places are, about £4,750 a week (year to March 2019). Replace with yours.';
const secureHomes = 'Children’s Commissioner for England, “Who are they? Where are they? Children locked up” (May 2019): a secure children’s home costs about £210,000 a child a year (2018), about £4,040 a week; young offender institutions £76,000 a year. Replace with yours.';
const adoption = 'Illustrative: no published weekly cost of a child placed for adoption was found. The inter-agency fee (£27,000 between authorities, agreed 2011) is a one-off payment for finding and supporting adopters, not a weekly cost. Replace with yours.';
const parents = 'Illustrative: no published weekly cost of a child in care placed with parents was found. Replace with yours.';
const independent = 'Illustrative: no published national average price of independent and semi-independent (supported) accommodation was found, only single authorities’ answers to information requests, which vary widely. Replace with yours.';
const other = 'Illustrative: other and temporary placements (codes Z1 and T0-T4) have no single published cost. Replace with yours.';

/** Default weekly costs, each with its source and the year of its prices. */
export const defaultPlacementCosts: Record<PlacementGroup, { inHouse: CostDefault; private: CostDefault }> = {
  foster: { inHouse: { weekly: 646, source: pssru }, private: { weekly: 820, source: cmaFostering } },
  adoption: { inHouse: { weekly: 300, source: adoption }, private: { weekly: 300, source: adoption } },
  parents: { inHouse: { weekly: 250, source: parents }, private: { weekly: 250, source: parents } },
  independent: { inHouse: { weekly: 1_500, source: independent }, private: { weekly: 1_500, source: independent } },
  residential: { inHouse: { weekly: 4_750, source: homesInHouse }, private: { weekly: 3_830, source: cmaHomes } },
  secure: { inHouse: { weekly: 4_040, source: secureHomes }, private: { weekly: 4_040, source: secureHomes } },
  other: { inHouse: { weekly: 1_200, source: other }, private: { weekly: 1_200, source: other } },
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

export const placementComboCount = comboCount;
