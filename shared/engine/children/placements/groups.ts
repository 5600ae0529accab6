// Placement groups and providers as the model counts them: seven groups (../shared/docs/ssda903.md), each
// with an in-house (PR0-PR3) and a private (PR4-PR5) side, and the age and time-in-placement bands the
// rates are measured in.
import type { ProviderKind } from '../../../dataset/types.ts';
import { placementGroups, type PlacementGroup } from '../../../import/values/codes.ts';

export const groups = Object.keys(placementGroups) as PlacementGroup[];
export const providers: readonly ProviderKind[] = ['inHouse', 'private'];
export type ComboKey = `${PlacementGroup}:${ProviderKind}`;
/** Group g, provider p is combo g * 2 + p. */
export const combos: ComboKey[] = groups.flatMap((g) => providers.map((p) => `${g}:${p}` as ComboKey));
export const comboCount = combos.length;

export function comboIndex(group: PlacementGroup, provider: ProviderKind | null): number {
  return groups.indexOf(group) * 2 + (provider === 'private' ? 1 : 0);
}
export const groupOfCombo = (c: number): number => c >> 1;

/** Ages (whole years) at which rates may change: under 5, 5-9, 10-15, 16-17. */
export const ageBandStarts: readonly number[] = [0, 5, 10, 16];
/** Months in the placement at which rates may change: under 6, 6-11, 12-23, 24 and more. */
export const stayBandStarts: readonly number[] = [0, 6, 12, 24];
export const maxAgeMonths = 216;
/** Months in placement are tracked up to this; longer stays share the last band. */
export const maxStayMonths = 24;

export function ageBandOf(ageMonths: number): number {
  const years = ageMonths / 12;
  return years >= 16 ? 3 : years >= 10 ? 2 : years >= 5 ? 1 : 0;
}

export function stayBandOf(months: number): number {
  return months >= 24 ? 3 : months >= 12 ? 2 : months >= 6 ? 1 : 0;
}
