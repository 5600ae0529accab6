// The backtest by placement type in words, for the Results screen and the command's summary: each type's
// average error, and where it ended against what happened. A type with only a handful of children is said
// to be too small to judge: one child more or less is 25% of four, and a bare percentage would mislead.
import type { PlacementBacktest } from '../engine/children/placements/placement-backtest.ts';
import { groups } from '../engine/children/placements/groups.ts';
import { placementGroups, type PlacementGroup } from '../import/values/codes.ts';
import { percentForPeople } from './people-format.ts';

/** Below this many children on average over the months compared, a type's percentage error is not shown alone. */
export const fewChildren = 5;

export interface PlacementBacktestRow {
  group: PlacementGroup;
  name: string;
  mape: number | null;
  /** Average children in this type over the months that were observed. */
  averageActual: number;
  /** The last month observed, and the projected and actual children then. */
  endMonth: string | null;
  predictedEnd: number | null;
  actualEnd: number | null;
  few: boolean;
}

/** Whether each month backtested was observed: some placement type has a count then. */
const observedMonths = (b: PlacementBacktest) => b.months.map((_, t) => groups.some((g) => b.actual[g][t] !== null && b.actual[g][t] !== undefined));

/** One row a placement type that had children, in the model's order of types. */
export function placementBacktestRows(b: PlacementBacktest): PlacementBacktestRow[] {
  const observed = observedMonths(b);
  const end = observed.lastIndexOf(true);
  return groups.flatMap((group) => {
    const actual = b.actual[group].filter((v): v is number => v !== null && v !== undefined);
    const averageActual = actual.length ? actual.reduce((s, v) => s + v, 0) / actual.length : 0;
    const predictedMost = Math.max(0, ...b.predicted[group]);
    if (averageActual < 0.5 && predictedMost < 0.5) return [];
    return [
      {
        group,
        name: placementGroups[group],
        mape: b.mape[group],
        averageActual,
        endMonth: end >= 0 ? b.months[end]! : null,
        predictedEnd: end >= 0 ? b.predicted[group][end]! : null,
        actualEnd: end >= 0 ? (b.actual[group][end] ?? null) : null,
        few: averageActual < fewChildren,
      },
    ];
  });
}

export const monthsObserved = (b: PlacementBacktest) => observedMonths(b).filter(Boolean).length;

const errorWords = (v: number) => percentForPeople(v, v < 0.1 ? 1 : 0);

/** "Over the 12 months backtested, fostering was on average 3.1% out, children’s homes and residential settings 3.3%; …" */
export function placementBacktestSentence(b: PlacementBacktest): string | null {
  const rows = placementBacktestRows(b);
  const measured = rows.filter((r) => !r.few && r.mape !== null);
  const few = rows.filter((r) => r.few);
  const months = monthsObserved(b);
  if (months === 0 || rows.length === 0) return null;
  const parts = measured.map((r, i) => `${r.name.toLowerCase()} ${i === 0 ? 'was on average ' : ''}${errorWords(r.mape!)}${i === 0 ? ' out' : ''}`);
  const small = few.length
    ? `${measured.length ? '; ' : ''}too few children to judge in ${few.map((r) => `${r.name.toLowerCase()} (${r.averageActual < 1 ? 'under 1' : `about ${Math.round(r.averageActual)}`} on average)`).join(', ')}`
    : '';
  return `Over the ${months === 1 ? 'month' : `${months} months`} backtested, ${parts.join(', ')}${small}.`;
}
