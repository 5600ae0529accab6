// A scenario as month-by-month multipliers on the housing projection: approaches (shocks, new normal,
// interventions), entries to TA per approach (prevention keeps households out), and how fast households
// leave TA (move-on). A part month counts in proportion.
import { monthOverlap, type MonthIndex } from '../core/months.ts';
import { runningShare } from '../core/interventions-running.ts';
import type { Scenario } from '../scenario.ts';

export interface HousingVectors {
  approach: Float64Array;
  taStart: Float64Array;
  taExit: Float64Array;
}

export function housingVectors(scenario: Scenario | null, startMonth: MonthIndex, horizon: number): HousingVectors {
  const v: HousingVectors = { approach: new Float64Array(horizon).fill(1), taStart: new Float64Array(horizon).fill(1), taExit: new Float64Array(horizon).fill(1) };
  if (!scenario) return v;
  const apply = (t: number, share: number, change: { approachChange?: number; taStartChange?: number; taExitChange?: number }) => {
    v.approach[t]! *= 1 + (change.approachChange ?? 0) * share;
    v.taStart[t]! *= 1 + (change.taStartChange ?? 0) * share;
    v.taExit[t]! *= 1 + (change.taExitChange ?? 0) * share;
  };
  for (let t = 0; t < horizon; t++) {
    const month = startMonth + t;
    if (scenario.newNormal) apply(t, monthOverlap(month, scenario.newNormal.from, '2999-12-31'), scenario.newNormal);
    for (const shock of scenario.shocks) apply(t, monthOverlap(month, shock.from, shock.to), shock);
    for (const intervention of scenario.interventions) apply(t, runningShare(intervention, month), intervention.effects);
  }
  return v;
}
