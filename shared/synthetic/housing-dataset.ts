// A simulated housing authority as the housing dataset its two lists would import to: the case list holds
// approaches from `exportFrom` to `extractDate`; the TA list every placement open on or after `exportFrom`,
// including those of households placed before it, whose case is not in the case list (writeHousingLists).
import type { DutyKind, HouseholdKind, HousingCaseRecord, HousingDataset, TaPlacementRecord } from '../dataset/housing.ts';
import { dayNumber, isoFromDayNumber } from '../import/values/dates.ts';
import type { HousingAuthority, HouseholdType } from './housing-authority.ts';

const kindOf: Readonly<Record<HouseholdType, HouseholdKind>> = {
  'Single adult': 'singleAdult',
  'Couple or single parent with dependent children': 'withChildren',
  'Couple or other adults without children': 'adultsWithoutChildren',
};
const dutyOf: Readonly<Record<'Prevention' | 'Relief' | 'None', DutyKind>> = { Prevention: 'prevention', Relief: 'relief', None: 'none' };

export function housingDatasetOf(authority: HousingAuthority, exportFrom: string, extractDate: string): HousingDataset {
  const from = dayNumber(exportFrom);
  const extract = dayNumber(extractDate);
  const cases: HousingCaseRecord[] = [];
  const ta: TaPlacementRecord[] = [];
  for (const c of authority.cases) {
    if (c.approach > extract) continue;
    if (c.approach >= from) {
      const iso = isoFromDayNumber(c.approach);
      cases.push({ caseId: `H${c.id}`, approachDate: iso, household: kindOf[c.household], children: c.children, duty: dutyOf[c.duty], dutyStart: c.duty === 'None' ? null : iso, dutyEnd: null, extract: 1 });
    }
    for (const p of c.placements) {
      if (p.start > extract || (p.end !== null && p.end < from)) continue;
      ta.push({ caseId: `H${c.id}`, placed: isoFromDayNumber(p.start), left: p.end !== null && p.end <= extract ? isoFromDayNumber(p.end) : null, taType: p.type, outOfArea: c.id % 5 === 0, nightlyCost: null, extract: 1 });
    }
  }
  return { service: 'housing', extracts: [{ id: 1, label: 'Synthetic housing lists', extractDate, extractDateSource: 'given', windowStart: isoFromDayNumber(from - 1) }], cases, ta };
}
