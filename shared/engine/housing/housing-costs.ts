// Pounds a night by type of temporary accommodation. No national average nightly cost by type is published
// for England: the defaults only keep the order the statistics describe (B&B and nightly-paid annexes the
// most expensive, the council's own stock the least; housing.md), so a result has a cost from the start.
// Every one is to be replaced with the council's own (scenario `costs.taNightly`).
import { taTypes, type TaType } from '../../dataset/housing.ts';
import type { Scenario } from '../scenario.ts';

export interface NightlyCostDefault {
  nightly: number;
  source: string;
}

const illustrative = (what: string) => `Illustrative: no published national nightly cost of ${what} was found; the figure only keeps the order of types the statistics describe. Replace with yours.`;

export const defaultTaNightly: Readonly<Record<TaType, NightlyCostDefault>> = {
  bedAndBreakfast: { nightly: 85, source: illustrative('bed and breakfast') },
  nightlyPaid: { nightly: 62, source: illustrative('nightly paid, privately managed accommodation') },
  hostel: { nightly: 48, source: illustrative('hostels and refuges') },
  privateLeased: { nightly: 38, source: illustrative('private sector leased homes') },
  socialHousing: { nightly: 27, source: illustrative('council or housing association stock used as TA') },
  other: { nightly: 50, source: illustrative('other temporary accommodation') },
};

/** Pounds a night by type: the scenario's where given, else the default; and whether each is the default. */
export function taNightlyCosts(scenario: Scenario | null): { nightly: Float64Array; isDefault: boolean[] } {
  const given = scenario?.costs.taNightly ?? {};
  return {
    nightly: Float64Array.from(taTypes, (t) => given[t] ?? defaultTaNightly[t].nightly),
    isDefault: taTypes.map((t) => given[t] === undefined),
  };
}
