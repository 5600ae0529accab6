// Children in care at each month's end by placement group, over the months the data saw completely: from
// the SSDA903 placements, else from List 8's placement type of each period of care (the current placement
// only, so earlier months count children by the placement they are in now).
import type { Dataset } from '../../../dataset/types.ts';
import type { PlacementGroup } from '../../../import/values/codes.ts';
import type { MonthlyHistory } from '../history.ts';
import { lastDayIso } from '../../core/months.ts';
import { groups } from './groups.ts';
import { hasPlacements } from './placement-setup.ts';

export function placementHistory(dataset: Dataset, history: MonthlyHistory): Record<PlacementGroup, (number | null)[]> | null {
  if (!hasPlacements(dataset)) return null;
  const rows = dataset.placements?.length
    ? dataset.placements.map((p) => ({ start: p.startDate, end: p.endDate, group: p.placementGroup }))
    : dataset.cla.map((c) => ({ start: c.startDate, end: c.endDate, group: c.placementGroup ?? 'other' }));
  const out = Object.fromEntries(groups.map((g) => [g, history.months.map(() => null as number | null)])) as Record<PlacementGroup, (number | null)[]>;
  history.months.forEach((month, i) => {
    if (history.sources.claOpen[i] !== 'lists') return;
    const end = lastDayIso(month);
    for (const g of groups) out[g][i] = 0;
    for (const r of rows) if (r.start <= end && (r.end === null || r.end > end)) out[r.group][i]!++;
  });
  return out;
}
