// Large, realistic inputs for the benchmarks, made from the synthetic authority's row shapes.
import type { AnnexASnapshot, SnapshotRow } from '../../shared/synthetic/annex-a-snapshot.ts';
import { createRandom } from '../../shared/engine/core/random.ts';
import { isoFromDayNumber, dayNumber } from '../../shared/import/values/dates.ts';

const sources = ['a) 1A: Individual', 'e) 2A: Schools', 'g) 3A: Health services', 'q) 6: Police', 's) 8: Other'];
const placements = ['d) U4: Foster placement - long term', 'f) U6: Foster placement - not FFA', 'p) K2: Children’s Homes', 'n) H5: Residential accommodation'];

/** A snapshot with the given numbers of rows per list, dated up to 2024-09-30. */
export function largeSnapshot(referrals: number, cpp: number, cla: number, seed = 7): AnnexASnapshot {
  const rng = createRandom(seed);
  const end = dayNumber('2024-09-30');
  const date = (daysBack: number) => isoFromDayNumber(end - rng.int(0, daysBack));
  const person = (i: number): SnapshotRow => {
    const birth = date(17 * 365);
    return { 'Child Unique ID': 1_000_000 + i, Gender: i % 2 ? 'a) Male' : 'b) Female', Ethnicity: 'a) WBRI', 'Date of Birth': birth, 'Age of Child (Years)': Math.floor((end - dayNumber(birth)) / 365.25) };
  };
  return {
    extractDate: '2024-09-30',
    referrals: Array.from({ length: referrals }, (_, i) => ({
      ...person(i), 'Date of referral': date(182), 'Referral Source': rng.pick(sources), 'Referral NFA?': rng.next() < 0.3 ? 'a) Yes' : 'b) No',
      'Number of Referrals in Last 12 Months': rng.int(0, 3), 'Allocated Team': 'Duty and Assessment', 'Allocated Worker': 'Sam Patel',
    })),
    cpp: Array.from({ length: cpp }, (_, i) => {
      const start = date(900);
      return { ...person(i), 'Child Protection Plan Start Date': start, 'Initial Category of Abuse': 'a) Neglect', 'Latest Category of Abuse': 'a) Neglect', 'Child Protection Plan End Date': rng.next() < 0.3 ? isoFromDayNumber(Math.min(end, dayNumber(start) + rng.int(1, 300))) : null, 'Number of Previous Child Protection Plans': rng.int(0, 2) };
    }),
    cla: Array.from({ length: cla }, (_, i) => {
      const start = date(3000);
      return { ...person(i), 'Date Started to be Looked After': start, "Child's Legal Status": 'C2: FCO', 'Placement Type': rng.pick(placements), 'Placement Provider': 'b) PR1: Own provision', 'Date Ceased to be Looked After ': null };
    }),
  };
}
