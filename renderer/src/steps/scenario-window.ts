// Where a scenario's shocks fall against the projection: a shock that ended before the projection starts
// changes nothing (the 2020-21 lockdowns in a projection from 2024), one that begins after it ends neither;
// the screen says so in words and can move the shocks into the projection.
import { daysInMonth, firstDayIso, lastDayIso, monthLabel, monthOfIso, type MonthIndex } from '../../../shared/engine/core/months.ts';
import type { ScenarioInput } from '../../../shared/engine/scenario.ts';
import { dateForPeople, monthForPeople } from '../../../shared/text/people-format.ts';

type Shock = NonNullable<ScenarioInput['shocks']>[number];
export type ShockPlace = 'before' | 'after' | 'partly-before' | 'partly-after' | 'inside';

export function shockPlace(shock: Pick<Shock, 'from' | 'to'>, firstMonth: MonthIndex, months: number): ShockPlace {
  const start = firstDayIso(firstMonth);
  const end = lastDayIso(firstMonth + months - 1);
  if (shock.to < start) return 'before';
  if (shock.from > end) return 'after';
  if (shock.from < start) return 'partly-before';
  if (shock.to > end) return 'partly-after';
  return 'inside';
}

/** What a person is told about a shock outside (or partly outside) the projection; null when inside. */
export function shockPlaceInWords(shock: Pick<Shock, 'from' | 'to'>, firstMonth: MonthIndex, months: number): string | null {
  const place = shockPlace(shock, firstMonth, months);
  const span = `${dateForPeople(shock.from)} to ${dateForPeople(shock.to)}`;
  const first = monthForPeople(monthLabel(firstMonth));
  const last = monthForPeople(monthLabel(firstMonth + months - 1));
  switch (place) {
    case 'before':
      return `This shock (${span}) ended before the projection starts in ${first}, so it changes nothing in the projection and is not on the timeline. Its effects are already in your history. To see what the same shock would do now, move it into the projection.`;
    case 'after':
      return `This shock (${span}) begins after the projection ends in ${last}, so it changes nothing in the projection and is not on the timeline.`;
    case 'partly-before':
      return `This shock (${span}) began before the projection starts in ${first}: only the part from ${first} on changes the projection.`;
    case 'partly-after':
      return `This shock (${span}) runs past the end of the projection in ${last}: only the part up to ${last} is projected.`;
    default:
      return null;
  }
}

function shiftIso(iso: string, months: number): string {
  const month = monthOfIso(iso) + months;
  const day = Math.min(Number(iso.slice(8, 10)), daysInMonth(month));
  return `${monthLabel(month)}-${String(day).padStart(2, '0')}`;
}

/**
 * The scenario with every shock moved by the same number of months, so that the first shock starts
 * `monthsIn` months after the projection starts: the gaps between shocks and their lengths are kept.
 */
export function moveShocksInto(scenario: ScenarioInput, firstMonth: MonthIndex, monthsIn = 0): ScenarioInput {
  const shocks = scenario.shocks ?? [];
  if (shocks.length === 0) return scenario;
  const earliest = Math.min(...shocks.map((s) => monthOfIso(s.from)));
  const by = firstMonth + monthsIn - earliest;
  return { ...scenario, shocks: shocks.map((s) => ({ ...s, from: shiftIso(s.from, by), to: shiftIso(s.to, by) })) };
}
