// SSDA903 returns and Annex A lists in one dataset: the returns give the long care history and every
// placement; the lists add referrals, plans, and the months since the last return. A period of care in
// both (same child and start date) is kept from the later of the two, and List 8's current placement
// carries each child's placements on from the last return.
import type { ClaRecord, Dataset, ExtractInfo, PlacementEpisode } from '../../dataset/types.ts';
import { dayNumber, isoFromDayNumber } from '../values/dates.ts';
import { providerKindOf, type Ssda903Import } from './import-ssda903.ts';

export function withSsda903(lists: Dataset, returns: Ssda903Import): Dataset {
  const extracts: ExtractInfo[] = [...lists.extracts, ...returns.extracts].sort((a, b) => a.extractDate.localeCompare(b.extractDate) || a.id - b.id);
  const dateOf = new Map(extracts.map((e) => [e.id, e.extractDate]));
  const placements = returns.placements.map((p) => ({ ...p }));
  // The returns show only the episodes of their years: a period of care that began before the first
  // return seems to begin with its first episode seen. List 8 knows when it began: the same child's period
  // overlapping it is the same period, and takes List 8's start.
  const returnsByChild = new Map<string, ClaRecord[]>();
  for (const r of returns.care) returnsByChild.set(r.child, [...(returnsByChild.get(r.child) ?? []), { ...r }]);
  for (const r of lists.cla) {
    const same = returnsByChild.get(r.child)?.find((p) => p.startDate !== r.startDate && r.startDate <= (p.endDate ?? '9999') && p.startDate <= (r.endDate ?? '9999'));
    if (!same || r.startDate > same.startDate) continue;
    for (const p of placements) if (p.child === r.child && p.periodStart === same.startDate) p.periodStart = r.startDate;
    same.startDate = r.startDate;
  }
  const care = new Map<string, ClaRecord>();
  for (const record of [...[...returnsByChild.values()].flat(), ...lists.cla]) {
    const key = `${record.child}|${record.startDate}`;
    const before = care.get(key);
    if (!before || (dateOf.get(record.extract) ?? '') > (dateOf.get(before.extract) ?? '')) care.set(key, record);
  }
  const returnsEnd = returns.extracts.map((e) => e.extractDate).sort().at(-1) ?? '';
  const dayAfter = returnsEnd ? isoFromDayNumber(dayNumber(returnsEnd) + 1) : '';
  const openAtEnd = new Map<string, PlacementEpisode>();
  for (const p of placements) if (p.endDate === null || p.endDate > returnsEnd) openAtEnd.set(`${p.child}|${p.periodStart}`, p);
  const covered = new Set(placements.map((p) => `${p.child}|${p.periodStart}`));
  for (const r of lists.cla) {
    if (care.get(`${r.child}|${r.startDate}`) !== r) continue;
    // A period of care the returns do not hold (a child or a start they do not show) is placed as List 8
    // says, whenever it was extracted: every child looked after is in a placement group.
    if ((dateOf.get(r.extract) ?? '') <= returnsEnd) {
      if (!covered.has(`${r.child}|${r.startDate}`)) {
        placements.push({ child: r.child, birthMonth: r.birthMonth, extract: r.extract, startDate: r.startDate, endDate: r.endDate, periodStart: r.startDate, placementType: r.placementType, placementGroup: r.placementGroup ?? 'other', provider: providerKindOf(r.placementProvider?.slice(0, 3) ?? null) });
        covered.add(`${r.child}|${r.startDate}`);
      }
      continue;
    }
    const group = r.placementGroup ?? 'other';
    const provider = providerKindOf(r.placementProvider?.slice(0, 3) ?? null);
    const last = openAtEnd.get(`${r.child}|${r.startDate}`);
    const fresh = (startDate: string): PlacementEpisode => ({ child: r.child, birthMonth: r.birthMonth, extract: r.extract, startDate, endDate: r.endDate, periodStart: r.startDate, placementType: r.placementType, placementGroup: group, provider });
    if (last) {
      if (last.placementGroup === group && last.provider === provider) {
        last.endDate = r.endDate;
        continue;
      }
      // A new placement since the last return: from its start date if List 8 gives it, else the day after.
      const from = r.placementStartDate && r.placementStartDate > last.startDate ? r.placementStartDate : dayAfter;
      last.endDate = from;
      placements.push(fresh(from));
    } else if (!covered.has(`${r.child}|${r.startDate}`)) {
      placements.push(fresh(r.startDate));
    }
  }
  return { ...lists, extracts, cla: [...care.values()], placements: [...(lists.placements ?? []), ...placements] };
}
