// What each intervention of a housing scenario costs and saves, month by month: its running cost, and the
// TA cost the same scenario without it would have, less the TA cost with it (expected paths). The first
// month the cumulative saving covers the cumulative cost is its payback month.
import { monthLabel } from '../core/months.ts';
import { interventionCost, withoutIntervention } from '../core/interventions-running.ts';
import type { Scenario } from '../scenario.ts';
import type { HousingEstimates } from './housing-estimates.ts';
import type { HousingProjected } from './run-housing-model.ts';

export interface HousingInterventionOutcome {
  name: string;
  cost: number[];
  saving: number[];
  net: number[];
  totals: { cost: number; saving: number; net: number; householdsKeptOutOfTa: number };
  paybackMonth: string | null;
}

export function housingInterventions(estimates: HousingEstimates, scenario: Scenario, withAll: HousingProjected, horizon: number, project: (scenario: Scenario) => HousingProjected): HousingInterventionOutcome[] {
  const start = estimates.anchorMonth + 1;
  return scenario.interventions.map((intervention, index) => {
    const without = project(withoutIntervention(scenario, index));
    const cost = [...interventionCost(intervention, start, horizon)];
    const saving = without.cost.map((c, t) => c - withAll.cost[t]!);
    const net = cost.map((c, t) => c - saving[t]!);
    let cumulative = 0;
    let payback: number | null = null;
    net.forEach((n, t) => {
      cumulative += n;
      if (payback === null && cumulative <= 0 && cost.slice(0, t + 1).some((c) => c > 0)) payback = t;
    });
    const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
    return {
      name: intervention.name,
      cost,
      saving,
      net,
      totals: { cost: sum(cost), saving: sum(saving), net: sum(net), householdsKeptOutOfTa: sum(without.taStarts) - sum(withAll.taStarts) },
      paybackMonth: payback === null ? null : monthLabel(start + payback),
    };
  });
}
