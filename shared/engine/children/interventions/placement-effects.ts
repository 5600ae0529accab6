// An intervention's placement shifts (placements/placement-shifts.ts), held only while it runs: from its
// start (or the shift's own later date) to its end. When it stops, the children it had moved are shared
// out as before: a simplification the screens say in words.
import type { Scenario } from '../../scenario.ts';
import type { WindowedShift } from '../placements/placement-shifts.ts';

export function interventionShifts(scenario: Scenario): WindowedShift[] {
  return scenario.interventions.flatMap((intervention) =>
    intervention.placementShifts.map((shift) => ({ ...shift, fromDate: shift.fromDate ?? intervention.from, until: intervention.to })),
  );
}
