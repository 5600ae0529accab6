// Prices over a projection: unit costs (a week in care, a night in temporary accommodation) rise by the
// scenario's inflation every April, for every service alike.
import type { Scenario } from '../scenario.ts';
import { calendarMonth, type MonthIndex } from './months.ts';

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
