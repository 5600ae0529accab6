// The housing history by calendar month from the case list and the TA list: approaches, duties owed,
// households entering TA (a move between types is not an entry), leaving it, in it at the month's end
// (in all and by type), and the nights spent in it.
import { taTypes, type HousingDataset, type TaType } from '../../dataset/housing.ts';
import { dayNumber, isoFromDayNumber } from '../../import/values/dates.ts';
import { firstDayIso, lastCompleteMonth, monthLabel, monthOfIso, type MonthIndex } from '../core/months.ts';
import { exportWindow, placementsOf, type Placement } from './stays.ts';

export type ByType<T> = Record<TaType, T>;
export const byType = <T>(make: (t: TaType) => T): ByType<T> => Object.fromEntries(taTypes.map((t) => [t, make(t)])) as ByType<T>;

export interface HousingHistory {
  /** First and last month, both complete in the lists. */
  firstMonth: MonthIndex;
  lastMonth: MonthIndex;
  months: string[];
  approaches: number[];
  dutiesOwed: number[];
  taStarts: number[];
  taEnds: number[];
  taOpen: number[];
  taByType: ByType<number[]>;
  taNights: number[];
  taNightsByType: ByType<number[]>;
}

export function monthStartDay(month: MonthIndex): number {
  return dayNumber(firstDayIso(month));
}

export function housingHistory(dataset: HousingDataset, placements: readonly Placement[] = placementsOf(dataset.ta)): HousingHistory {
  const window = exportWindow(dataset);
  const fromMonth = monthOfIso(isoFromDayNumber(window.from));
  const firstMonth = monthStartDay(fromMonth) === window.from ? fromMonth : fromMonth + 1;
  const lastMonth = lastCompleteMonth(window.extractDate);
  const n = Math.max(0, lastMonth - firstMonth + 1);
  const zeros = () => new Array<number>(n).fill(0);
  const h: HousingHistory = {
    firstMonth,
    lastMonth,
    months: Array.from({ length: n }, (_, i) => monthLabel(firstMonth + i)),
    approaches: zeros(),
    dutiesOwed: zeros(),
    taStarts: zeros(),
    taEnds: zeros(),
    taOpen: zeros(),
    taByType: byType(zeros),
    taNights: zeros(),
    taNightsByType: byType(zeros),
  };
  const index = (month: MonthIndex) => (month >= firstMonth && month <= lastMonth ? month - firstMonth : -1);
  for (const c of dataset.cases) {
    const i = index(monthOfIso(c.approachDate));
    if (i < 0) continue;
    h.approaches[i]!++;
    if (c.duty === 'prevention' || c.duty === 'relief') h.dutiesOwed[i]!++;
  }
  const monthStarts = Array.from({ length: n + 1 }, (_, i) => monthStartDay(firstMonth + i));
  for (const p of placements) {
    const startMonth = index(monthOfIso(isoFromDayNumber(p.placed)));
    if (p.entry && startMonth >= 0) h.taStarts[startMonth]!++;
    if (p.next === 'out') {
      const endMonth = index(monthOfIso(isoFromDayNumber(p.left!)));
      if (endMonth >= 0) h.taEnds[endMonth]!++;
    }
    // A night is spent on each day from the day placed up to the day before the day left.
    const until = p.left ?? Infinity;
    for (let i = 0; i < n; i++) {
      const first = monthStarts[i]!;
      const next = monthStarts[i + 1]!;
      if (until <= first || p.placed >= next) continue;
      const nights = Math.min(until, next) - Math.max(p.placed, first);
      h.taNights[i]! += nights;
      h.taNightsByType[p.type][i]! += nights;
      if (until >= next) {
        h.taOpen[i]!++;
        h.taByType[p.type][i]!++;
      }
    }
  }
  return h;
}
