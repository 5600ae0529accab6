// The backtest by placement type as the app's engine worker and the command both run it, and in words.
import { describe, expect, it } from 'vitest';
import { runModelCommand } from '../../electron/cli/run-model-command.ts';
import { monthOfIso } from '../../shared/engine/core/months.ts';
import type { PlacementBacktest } from '../../shared/engine/children/placements/placement-backtest.ts';
import { backtestWithPlacements } from '../../shared/engine/children/placements/backtest-with-placements.ts';
import { runModel } from '../../shared/engine/children/run-model.ts';
import { demoImport } from '../../shared/synthetic/demo.ts';
import { placementBacktestRows, placementBacktestSentence } from '../../shared/text/placement-backtest-words.ts';

describe('backtest by placement type', () => {
  const { dataset } = demoImport();
  const run = runModel(dataset, [], { horizon: 12, draws: 0 });
  const backtest = backtestWithPlacements(dataset, [], monthOfIso('2023-10-01'), 12, run.history, null, run.baseline.placements !== null);

  it('on the demo, compares each placement type with what the lists showed, within a few percent for the large ones', () => {
    const b = backtest.byPlacement!;
    expect(b.months).toHaveLength(12);
    const rows = placementBacktestRows(b);
    const foster = rows.find((r) => r.group === 'foster')!;
    console.info(rows.map((r) => `${r.group} ${r.mape === null ? 'n/a' : (100 * r.mape).toFixed(1)}% (about ${r.averageActual.toFixed(1)} children; ${r.predictedEnd} projected, ${r.actualEnd} actual in ${r.endMonth})`).join('; '));
    expect(foster.few).toBe(false);
    // The demo's secure units hold about 4 children: 15% out is one child, said as too few to judge.
    expect(rows.find((r) => r.group === 'secure')!.few).toBe(true);
    expect(foster.mape!).toBeGreaterThan(0);
    expect(foster.mape!).toBeLessThan(0.1);
    expect(foster.actualEnd).toBe(b.actual.foster[b.months.indexOf(foster.endMonth!)]);
    // Predicted by type adds up to the children in care the demand backtest projected.
    const end = b.months.indexOf(foster.endMonth!);
    const sum = Object.values(b.predicted).reduce((s, v) => s + v[end]!, 0);
    expect(sum).toBeCloseTo(backtest.predicted.claOpen[end]!, 0);
    const sentence = placementBacktestSentence(b)!;
    expect(sentence).toMatch(/^Over the 12 months backtested, fostering was on average \d+(\.\d)?% out, .*; too few children to judge in .*secure units and custody \(about 4 on average\)/);
  });

  it('says a type with only a handful of children is too small to judge, rather than a percentage alone', () => {
    const months = Array.from({ length: 6 }, (_, i) => `2024-0${i + 1}`);
    const flat = (v: number) => months.map(() => v);
    const zero = flat(0);
    const b: PlacementBacktest = {
      months,
      actual: { foster: flat(200), adoption: zero, parents: zero, independent: zero, residential: flat(30), secure: [2, 2, 1, 2, 2, 3], other: zero },
      predicted: { foster: flat(206), adoption: zero, parents: zero, independent: zero, residential: flat(27), secure: flat(1), other: zero },
      mape: { foster: 0.03, adoption: null, parents: null, independent: null, residential: 0.1, secure: 0.45, other: null },
    };
    const rows = placementBacktestRows(b);
    expect(rows.map((r) => r.group)).toEqual(['foster', 'residential', 'secure']);
    expect(rows.find((r) => r.group === 'secure')!.few).toBe(true);
    expect(rows.find((r) => r.group === 'residential')!.few).toBe(false);
    expect(placementBacktestSentence(b)).toBe(
      'Over the 6 months backtested, fostering was on average 3.0% out, children’s homes and residential settings 10%; too few children to judge in secure units and custody (about 2 on average).',
    );
  });

  it('the command prints the error by placement type when the backtest ran with placements', async () => {
    let err = '';
    const code = await runModelCommand(['--demo', '--backtest-from', '2023-10', '--horizon', '12', '--json', '-'], { stdout: () => undefined, stderr: (t) => void (err += t) });
    expect(code).toBe(0);
    expect(err).toMatch(/By placement type: over the 12 months backtested, fostering was on average \d+(\.\d)?% out, /);
  });
});
