// Money is the workbook's, whatever the service: the first scenario's unit costs and caseloads cost the
// baseline and every other scenario, each of which replaces only what it states.
import type { Scenario } from '../scenario.ts';

// The workbook's unit costs and caseloads are the first scenario's: the baseline is costed with them, and
// another scenario's own figures replace only what it states (absent means no change from the baseline, as
// the contract has it), so a scenario that changes nothing spends exactly what the baseline spends.
export function withWorkbookCosts(scenarios: readonly Scenario[]): Scenario[] {
  const first = scenarios[0];
  if (!first) return [];
  const stated = <T extends object>(x: T): Partial<T> => Object.fromEntries(Object.entries(x).filter(([, v]) => v !== undefined)) as Partial<T>;
  return scenarios.map((s, i) => {
    if (i === 0) return s;
    const own = stated(s.costs);
    // Costs by placement or by TA type are merged type by type: stating one keeps the workbook's others.
    const merged = <K extends 'claWeeklyByPlacement' | 'taNightly'>(key: K) =>
      first.costs[key] || own[key] ? { [key]: { ...stated(first.costs[key] ?? {}), ...stated(own[key] ?? {}) } } : {};
    return { ...s, costs: { ...stated(first.costs), ...own, ...merged('claWeeklyByPlacement'), ...merged('taNightly') }, caseloads: { ...stated(first.caseloads), ...stated(s.caseloads) } };
  });
}
