// One generated authority shared by the tests that need realistic lists (simulated once per file).
import { simulateAuthority, type SyntheticAuthority } from '../../shared/synthetic/authority.ts';
import { annexASnapshot, type AnnexASnapshot } from '../../shared/synthetic/annex-a-snapshot.ts';

let cached: { authority: SyntheticAuthority; snapshot: AnnexASnapshot } | null = null;

export function generatedAuthority(): { authority: SyntheticAuthority; snapshot: AnnexASnapshot } {
  if (!cached) {
    const authority = simulateAuthority({ seed: 2024, from: '2006-01-01', to: '2024-09-30' });
    cached = { authority, snapshot: annexASnapshot(authority, '2024-09-30') };
  }
  return cached;
}

export const testKey = new Uint8Array(32).map((_, i) => (i * 37 + 11) & 255);
