// The demo authority: a synthetic mid-sized English authority (rates in docs/model.md) that lived through
// the 2020-21 lockdowns, seen through the Annex A lists it returned every March and September from
// September 2021 to September 2024. It opens the app on first start and answers `--demo`.
import type { Dataset } from '../dataset/types.ts';
import { importLists, type ImportResult } from '../import/import-lists.ts';
import { englandLockdowns2020 } from '../engine/children/presets.ts';
import { defaultAuthorityParameters, simulateAuthority, type SyntheticAuthority } from './authority.ts';
import { annexASnapshot } from './annex-a-snapshot.ts';
import { clipboardText } from './write-annex-a.ts';
import { dateForPeople } from '../text/people-format.ts';

export const demoExtractDates = ['2021-09-30', '2022-03-31', '2022-09-30', '2023-03-31', '2023-09-30', '2024-03-31', '2024-09-30'] as const;
export const demoSeed = 1_947;

export function demoAuthority(): SyntheticAuthority {
  const parameters = { ...defaultAuthorityParameters(), shocks: englandLockdowns2020.shocks };
  return simulateAuthority({ seed: demoSeed, from: '2000-01-01', to: demoExtractDates.at(-1)!, parameters });
}

let cached: ImportResult | null = null;

/** The demo's lists imported as an analyst would import them (a fixed pseudonym key: nothing is real). */
export function demoImport(): ImportResult {
  // Deterministic, so made once per process; callers treat datasets as read-only.
  cached ??= importDemo(demoAuthority());
  return cached;
}

function importDemo(authority: SyntheticAuthority): ImportResult {
  const sources = demoExtractDates.flatMap((extractDate) => {
    const snapshot = annexASnapshot(authority, extractDate);
    return (['referrals', 'cpp', 'cla'] as const).map((list) => ({
      kind: 'pasted' as const,
      name: `Demo ${list} ${dateForPeople(extractDate)}`,
      list,
      text: clipboardText(snapshot, list, true),
      extract: `Demo extract ${extractDate}`,
      extractDate,
    }));
  });
  return importLists(sources, { pseudonymKey: new Uint8Array(32).fill(42) });
}

export function demoDataset(): Dataset {
  return demoImport().dataset;
}
