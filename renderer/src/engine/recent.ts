// What the engine worker and the window both keep of a slider's recent settings, and the throwaway
// scenarios both run once a workbook is fitted so that the first real moves are not slowed by the browser
// still compiling the engine's code.
import { futureLockdown } from '../../../shared/engine/children/presets.ts';

/** A slider's recent settings: as many answers of each kind are kept. */
const kept = 64;

/** Stores `value` under `key`, forgetting the oldest entry once `kept` are held; gives `value` back. */
export function remember<V>(cache: Map<string, V>, key: string, value: V): V {
  if (cache.size >= kept) cache.delete(cache.keys().next().value!);
  cache.set(key, value);
  return value;
}

/** The `n`th throwaway scenario: a lockdown as the Scenarios step offers it, of a depth that differs with n. */
export function warmUpLockdown(startMonth: number, n: number) {
  const lockdown = futureLockdown(startMonth);
  return { ...lockdown, shocks: lockdown.shocks.map((shock) => ({ ...shock, referralChange: -0.1 - 0.05 * n })) };
}
