// The Annex A lists a synthetic authority would return on an extract date, following the template's
// rules: List 3 holds the referrals of the six months before; Lists 7 and 8 hold every child open on the
// extract date plus those whose plan or care ended in the six months before, latest episode only.
import type { ListId } from '../import/list-catalogue.ts';
import { templateHeaders } from '../import/template-headers.ts';
import { completedYears, dayNumber } from '../import/values/dates.ts';
import { createRandom } from '../engine/core/random.ts';
import type { SyntheticAuthority, SyntheticEpisode } from './authority.ts';

export type SnapshotValue = string | number | null; // dates are ISO strings
export type SnapshotRow = Record<string, SnapshotValue>;
export type AnnexASnapshot = Record<ListId, SnapshotRow[]> & { extractDate: string };

const templatePlacement: Record<string, string> = {
  U1: 'a) U1: Foster placement - relatives - long term', U2: 'b) U2: Foster placement - relative - FFA', U3: 'c) U3: Foster placement - relative - not FFA',
  U4: 'd) U4: Foster placement - long term', U5: 'e) U5: Foster placement - FFA', U6: 'f) U6: Foster placement - not FFA',
  A3: 'g) A3: Placed for adoption - consent - current foster', A4: 'h) A4: Placed for adoption - consent - not foster', P1: 'k) P1: Placed with parents',
  P2: 'l) P2: Independent living', H5: 'n) H5: Residential accommodation', K1: 'o) K1: Secure Children’s Homes', K2: 'p) K2: Children’s Homes',
  R3: 's) R3: Family Centre or Mother and Baby Unit', S1: 'u) S1: Residential school', Z1: 'v) Z1: Other placements',
};
const templateLegalStatus: Record<string, string> = { C1: 'C1: ICO', C2: 'C2: FCO', E1: 'E1: Placement order', V2: 'V2: Single period under S20' };
const templateReasonCeased: Record<string, string> = {
  E4A: 'e) E4A: Returned home to live with parents or relatives - part of planning', E13: 'g) E13: Parents, relatives or other with no parental responsibility',
  E11: 'a) E11: Adopted - application unopposed', E45: 'i) E45: Special Guardianship Orders - former carer relative/friend',
  E5: 'm) E5: Moved into independent living - supported', E8: 't) E8: Care ceased for any other reason',
};
const templateProvider = ['b) PR1: Own provision', 'e) PR4: Private provision', 'c) PR2: Other LA provision', 'f) PR5: Voluntary/third sector'];
const abuse = ['a) Neglect', 'b) Physical abuse', 'c) Sexual abuse', 'd) Emotional abuse', 'e) Multiple/not recommended'];
const workers = ['Alex Morgan', 'Sam Patel', 'Jo Evans', 'Chris Okafor', 'Pat Lewis'];
const teams = ['Duty and Assessment', 'Locality North', 'Locality South', 'Children in Care Team'];

function sixMonthsBefore(iso: string): string {
  const y = +iso.slice(0, 4);
  const m = +iso.slice(5, 7) - 6;
  const year = m <= 0 ? y - 1 : y;
  const month = m <= 0 ? m + 12 : m;
  const day = Math.min(+iso.slice(8, 10), new Date(Date.UTC(year, month, 0)).getUTCDate());
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function latestEpisodes(episodes: readonly SyntheticEpisode[], extractDate: string, windowStart: string): SyntheticEpisode[] {
  const latest = new Map<number, SyntheticEpisode>();
  for (const e of episodes) {
    if (e.start > extractDate) continue;
    const kept = latest.get(e.id);
    if (!kept || e.start > kept.start) latest.set(e.id, e);
  }
  return [...latest.values()].filter((e) => e.end === null || e.end > extractDate || e.end > windowStart);
}

function row(list: ListId, values: Record<string, SnapshotValue>): SnapshotRow {
  const out: SnapshotRow = {};
  for (const header of templateHeaders[list]) out[header] = values[header] ?? null;
  return out;
}

function groupBy<T, V>(items: readonly T[], key: (item: T) => number, value: (item: T) => V): Map<number, V[]> {
  const groups = new Map<number, V[]>();
  for (const item of items) {
    const list = groups.get(key(item));
    if (list) list.push(value(item));
    else groups.set(key(item), [value(item)]);
  }
  return groups;
}

// Sorted dates per child, computed once per authority however many extracts are photographed.
const indexes = new WeakMap<SyntheticAuthority, { referralDates: Map<number, string[]>; planStarts: Map<number, string[]> }>();
function indexesOf(authority: SyntheticAuthority) {
  let index = indexes.get(authority);
  if (!index) {
    index = { referralDates: groupBy(authority.referrals, (r) => r.id, (r) => r.date), planStarts: groupBy(authority.plans, (p) => p.id, (p) => p.start) };
    for (const list of index.referralDates.values()) list.sort();
    indexes.set(authority, index);
  }
  return index;
}

/** Index of the first element not less than `value` in a sorted list. */
function lowerBound(sorted: readonly string[], value: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function sliceByDate<T extends { date: string }>(sorted: readonly T[], afterExclusive: string, toInclusive: string): T[] {
  const first = (value: string, inclusive: boolean) => {
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid]!.date < value || (!inclusive && sorted[mid]!.date === value)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return sorted.slice(first(afterExclusive, false), first(toInclusive, false));
}

export function annexASnapshot(authority: SyntheticAuthority, extractDate: string): AnnexASnapshot {
  const rng = createRandom(authority.seed ^ dayNumber(extractDate));
  const windowStart = sixMonthsBefore(extractDate);
  const person = (id: number, birth: string) => ({
    'Child Unique ID': id,
    Gender: id % 2 === 0 ? 'a) Male' : 'b) Female',
    Ethnicity: 'a) WBRI',
    'Date of Birth': birth,
    'Age of Child (Years)': birth > extractDate ? -1 : completedYears(birth, extractDate),
  });
  const { referralDates, planStarts } = indexesOf(authority);
  // Referrals are generated in date order: the window is one slice of them.
  const referralsInWindow = sliceByDate(authority.referrals, windowStart, extractDate);
  const referrals = referralsInWindow.map((r) => {
    const yearBefore = `${+r.date.slice(0, 4) - 1}${r.date.slice(4)}`;
    const dates = referralDates.get(r.id)!;
    const previous = lowerBound(dates, r.date) - lowerBound(dates, yearBefore);
    return row('referrals', {
      ...person(r.id, r.birth),
      'Date of referral': r.date,
      'Referral Source': r.source,
      'Referral NFA?': r.nfa ? 'a) Yes' : 'b) No',
      'Number of Referrals in Last 12 Months': previous,
      'Allocated Team': teams[r.id % teams.length]!,
      'Allocated Worker': workers[r.id % workers.length]!,
    });
  });
  const cpp = latestEpisodes(authority.plans, extractDate, windowStart).map((e) => {
    const previous = planStarts.get(e.id)!.filter((start) => start < e.start).length;
    return row('cpp', {
      ...person(e.id, e.birth),
      'Does the Child have a Disability': 'b) No',
      'Child Protection Plan Start Date': e.start,
      'Initial Category of Abuse': abuse[e.id % abuse.length]!,
      'Latest Category of Abuse': abuse[e.id % abuse.length]!,
      'Child Protection Plan End Date': e.end !== null && e.end <= extractDate ? e.end : null,
      'Number of Previous Child Protection Plans': previous,
      'Allocated Team': teams[e.id % teams.length]!,
      'Allocated Worker': workers[e.id % workers.length]!,
    });
  });
  const cla = latestEpisodes(authority.care, extractDate, windowStart).map((e) => {
    const ended = e.end !== null && e.end <= extractDate;
    return row('cla', {
      ...person(e.id, e.birth),
      'Unaccompanied Asylum Seeking Child (UASC) within the Last 12 Months (Y/N)': 'b) No',
      'Does the Child have a Disability': 'b) No',
      'Date Started to be Looked After': e.start,
      "Child's Category of Need": 'N1 - Abuse or neglect',
      "Child's Legal Status": templateLegalStatus[e.legalStatus ?? 'C2'] ?? null,
      'Date Ceased to be Looked After ': ended ? e.end : null,
      'Reason Ceased to be Looked After': ended ? (templateReasonCeased[e.reasonCeased ?? 'E8'] ?? null) : null,
      'Placement Type': templatePlacement[e.placement ?? 'U4'] ?? null,
      'Placement Provider': templateProvider[rng.int(0, templateProvider.length - 1)]!,
      'Placement postcode': 'ZZ99 9ZZ',
      'Allocated Team': 'Children in Care Team',
      'Allocated Worker': workers[e.id % workers.length]!,
    });
  });
  return { extractDate, referrals, cpp, cla };
}
