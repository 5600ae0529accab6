// A process that keeps changing a workbook and says "saved N" after each change is committed, for the
// crash test to kill at random moments.
import { existsSync } from 'node:fs';
import { WorkbookStore } from '../../electron/backend/storage/workbook-store.ts';
import type { Dataset } from '../../shared/dataset/types.ts';

const file = process.argv[2]!;
const store = existsSync(file) ? WorkbookStore.open(file) : WorkbookStore.create(file, { title: 'Crash test', createdAt: new Date().toISOString(), isDemo: false, pseudonymKey: new Uint8Array(32).fill(1) });

function dataset(n: number): Dataset {
  // n rows in every list, so a half-written replacement would show as unequal counts.
  const size = 50 + (n % 200);
  return {
    extracts: [{ id: 1, label: `extract ${n}`, extractDate: '2024-09-30', extractDateSource: 'given' }],
    referrals: Array.from({ length: size }, (_, i) => ({ child: `C${i}`, birthMonth: '2015-01', extract: 1, referralDate: '2024-06-01', ageYears: 9, source: '6', nfa: false, referralsInLast12Months: n })),
    cpp: Array.from({ length: size }, (_, i) => ({ child: `C${i}`, birthMonth: null, extract: 1, startDate: '2024-01-01', endDate: null, initialCategory: 'neglect', latestCategory: 'neglect', previousPlans: n })),
    cla: Array.from({ length: size }, (_, i) => ({ child: `C${i}`, birthMonth: '2010-03', extract: 1, startDate: '2023-01-01', endDate: null, uasc: false, reasonCeased: null, legalStatus: 'C2', categoryOfNeed: 'N1', placementType: 'U4', placementGroup: 'foster', placementProvider: 'PR1' })),
  };
}

let n = Number(store.setting('counter') ?? 0);
for (;;) {
  n++;
  store.replaceLists(dataset(n), null);
  store.setSetting('counter', String(n));
  process.stdout.write(`saved ${n}\n`);
}
