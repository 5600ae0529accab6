// Shocks against the projection's months: before, after, partly or inside, in words, and moved in.
import { describe, expect, it } from 'vitest';
import { monthOfIso } from '../../shared/engine/core/months.ts';
import { englandLockdowns2020 } from '../../shared/engine/children/presets.ts';
import { moveShocksInto, shockPlace, shockPlaceInWords } from '../../renderer/src/steps/scenario-window.ts';

const oct2024 = monthOfIso('2024-10-01');

describe('where a shock falls against the projection', () => {
  it('places the 2020-21 lockdowns before a projection from Oct 2024, and says so', () => {
    for (const shock of englandLockdowns2020.shocks) expect(shockPlace(shock, oct2024, 24)).toBe('before');
    expect(shockPlaceInWords(englandLockdowns2020.shocks[0]!, oct2024, 24)).toBe(
      'This shock (23/03/2020 to 04/07/2020) ended before the projection starts in Oct 2024, so it changes nothing in the projection and is not on the timeline. Its effects are already in your history. To see what the same shock would do now, move it into the projection.',
    );
    expect(shockPlace({ from: '2024-09-15', to: '2024-10-15' }, oct2024, 24)).toBe('partly-before');
    expect(shockPlace({ from: '2026-09-15', to: '2026-10-15' }, oct2024, 24)).toBe('partly-after');
    expect(shockPlace({ from: '2026-10-01', to: '2026-12-31' }, oct2024, 24)).toBe('after');
    expect(shockPlaceInWords({ from: '2025-01-01', to: '2025-03-31' }, oct2024, 24)).toBeNull();
  });

  it('moves every shock by the same months, keeping lengths and gaps, days clamped to the month', () => {
    const moved = moveShocksInto({ ...englandLockdowns2020 }, oct2024, 3);
    expect(moved.shocks!.map((s) => [s.from, s.to])).toEqual([
      ['2025-01-23', '2025-05-04'],
      ['2025-09-05', '2025-10-02'],
      ['2025-11-06', '2026-01-08'],
    ]);
    for (const shock of moved.shocks!) expect(shockPlace(shock, oct2024, 24)).toBe('inside');
    expect(moveShocksInto({ shocks: [{ from: '2020-01-31', to: '2020-03-31' }] }, oct2024, 4).shocks).toEqual([{ from: '2025-02-28', to: '2025-04-30' }]);
  });
});
