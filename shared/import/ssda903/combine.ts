// SSDA903 returns and Annex A lists in one dataset: the returns give the long care history and every
// placement; the lists add referrals, plans, and the months since the last return. A period of care in
// both (same child and start date) is kept from the later of the two.
import type { ClaRecord, Dataset, ExtractInfo } from '../../dataset/types.ts';
import type { Ssda903Import } from './import-ssda903.ts';

export function withSsda903(lists: Dataset, returns: Ssda903Import): Dataset {
  const extracts: ExtractInfo[] = [...lists.extracts, ...returns.extracts].sort((a, b) => a.extractDate.localeCompare(b.extractDate) || a.id - b.id);
  const dateOf = new Map(extracts.map((e) => [e.id, e.extractDate]));
  const care = new Map<string, ClaRecord>();
  for (const record of [...returns.care, ...lists.cla]) {
    const key = `${record.child}|${record.startDate}`;
    const before = care.get(key);
    if (!before || (dateOf.get(record.extract) ?? '') > (dateOf.get(before.extract) ?? '')) care.set(key, record);
  }
  return { ...lists, extracts, cla: [...care.values()], placements: [...(lists.placements ?? []), ...returns.placements] };
}
