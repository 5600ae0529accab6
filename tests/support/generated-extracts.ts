// Generated authorities seen through stacked Annex A extracts, as the engine tests need them.
import type { Dataset } from '../../shared/dataset/types.ts';
import { importLists } from '../../shared/import/import-lists.ts';
import { annexASnapshot } from '../../shared/synthetic/annex-a-snapshot.ts';
import { defaultAuthorityParameters, simulateAuthority, type AuthorityParameters, type SyntheticAuthority } from '../../shared/synthetic/authority.ts';
import { clipboardText } from '../../shared/synthetic/write-annex-a.ts';
import { lastDayIso, type MonthIndex } from '../../shared/engine/core/months.ts';

export const sixMonthlyExtracts = ['2021-09-30', '2022-03-31', '2022-09-30', '2023-03-31', '2023-09-30', '2024-03-31', '2024-09-30'];

export function extractsOf(authority: SyntheticAuthority, extractDates: readonly string[]): Dataset {
  const sources = extractDates.flatMap((extractDate) => {
    const snapshot = annexASnapshot(authority, extractDate);
    return (['referrals', 'cpp', 'cla'] as const).map((list) => ({ kind: 'pasted' as const, name: `${list} ${extractDate}`, list, text: clipboardText(snapshot, list, true), extract: extractDate, extractDate }));
  });
  return importLists(sources, { pseudonymKey: new Uint8Array(32).fill(5) }).dataset;
}

export function generated(seed: number, options: { to?: string; parameters?: Partial<AuthorityParameters> } = {}) {
  const parameters = { ...defaultAuthorityParameters(), ...options.parameters };
  return simulateAuthority({ seed, from: '2004-01-01', to: options.to ?? '2024-09-30', parameters });
}

/** What actually happened in the synthetic authority at the end of a month. */
export function trueOpen(authority: SyntheticAuthority, list: 'plans' | 'care', month: MonthIndex): number {
  const end = lastDayIso(month);
  return authority[list].filter((e) => e.start <= end && (e.end === null || e.end > end)).length;
}
