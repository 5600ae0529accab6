// Scenario levers on placements: "of the children who would be in residential care, 10% are fostered
// instead, phased in over 12 months from April 2025". Each shift moves a share of one group (or one
// provider's side of it) to another, month by month; the total in care is unchanged.
import { firstDayIso, monthOfIso, monthOverlap, type MonthIndex } from '../../core/months.ts';
import type { PlacementShift } from '../../scenario.ts';
import { comboCount, combos, groups } from './groups.ts';

function targets(spec: string): number[] {
  const [group, provider] = spec.split(':');
  const g = groups.indexOf(group as (typeof groups)[number]);
  if (provider) return [g * 2 + (provider === 'private' ? 1 : 0)];
  return [g * 2, g * 2 + 1];
}

/** A shift with an end: an intervention's shift holds only while the intervention runs (`until`, its last day). */
export type WindowedShift = PlacementShift & { until?: string | undefined };

/** Share of a shift in force in a month: nothing before its first month, all of it after `overMonths`, nothing after `until`. */
export function phaseIn(shift: WindowedShift, month: MonthIndex): number {
  const k = month - monthOfIso(shift.fromDate) + 1;
  if (k <= 0) return 0;
  const phased = shift.overMonths <= 0 ? 1 : Math.min(1, k / shift.overMonths);
  return shift.until === undefined ? phased : phased * monthOverlap(month, firstDayIso(month), shift.until);
}

/** Applies the shifts in order to children by combo, [combo][month], in place. */
export function applyShifts(byCombo: Float64Array[], shifts: readonly WindowedShift[], startMonth: MonthIndex): void {
  if (byCombo.length !== comboCount) throw new Error(`placement shifts: expected ${combos.length} placement series`);
  const horizon = byCombo[0]?.length ?? 0;
  for (const shift of shifts) {
    const from = targets(shift.from);
    const to = targets(shift.to);
    for (let t = 0; t < horizon; t++) {
      const share = shift.share * phaseIn(shift, startMonth + t);
      if (share <= 0) continue;
      let moved = 0;
      for (const c of from) {
        const m = byCombo[c]![t]! * share;
        byCombo[c]![t]! -= m;
        moved += m;
      }
      // Into a group as a whole: split as that group is split this month (in-house if it is empty).
      const sizes = to.map((c) => byCombo[c]![t]!);
      const total = sizes.reduce((a, b) => a + b, 0);
      to.forEach((c, i) => (byCombo[c]![t]! += moved * (total > 0 ? sizes[i]! / total : i === 0 ? 1 : 0)));
    }
  }
}
