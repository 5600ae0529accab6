// When an intervention runs and what it costs month by month: its cost a year, spread over the months it
// runs (a part month by its days), at the price given: it does not rise with inflation unless the analyst
// says so in the figure itself.
import { monthOverlap, type MonthIndex } from './months.ts';
import type { Intervention, Scenario } from '../scenario.ts';

/** The last day an intervention with no end might run: it runs to the end of any projection. */
const openEnded = '2999-12-31';

/** Share of month `month` in which the intervention runs (0 to 1). */
export function runningShare(intervention: Intervention, month: MonthIndex): number {
  return monthOverlap(month, intervention.from, intervention.to ?? openEnded);
}

/** Pounds a month: a twelfth of the cost a year for each whole month it runs. */
export function interventionCost(intervention: Intervention, startMonth: MonthIndex, horizon: number): Float64Array {
  const cost = new Float64Array(horizon);
  for (let t = 0; t < horizon; t++) cost[t] = (intervention.costPerYear / 12) * runningShare(intervention, startMonth + t);
  return cost;
}

/** Pounds a month of all the scenario's interventions together. */
export function interventionsCost(scenario: Scenario, startMonth: MonthIndex, horizon: number): Float64Array {
  const total = new Float64Array(horizon);
  for (const intervention of scenario.interventions) {
    const cost = interventionCost(intervention, startMonth, horizon);
    for (let t = 0; t < horizon; t++) total[t]! += cost[t]!;
  }
  return total;
}

/** The same scenario without its `index`th intervention (its other interventions kept): what it is weighed against. */
export function withoutIntervention(scenario: Scenario, index: number): Scenario {
  return { ...scenario, interventions: scenario.interventions.filter((_, i) => i !== index) };
}
