// Two defects found reviewing issue 11 (placements), each first reproduced here by a failing test: a no-change
// scenario spent differently from the baseline when an earlier scenario had its own unit costs; with Annex A
// and SSDA903 together, the placement groups did not add up to the children looked after.
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runModelCommand } from '../../electron/cli/run-model-command.ts';
import { runModel } from '../../shared/engine/children/run-model.ts';
import { parseScenario } from '../../shared/engine/scenario.ts';
import { importSsda903 } from '../../shared/import/ssda903/import-ssda903.ts';
import { withSsda903 } from '../../shared/import/ssda903/combine.ts';
import { simulatePlacements, write903Returns } from '../../shared/synthetic/placement-authority.ts';
import { testKey } from '../support/synthetic.ts';

const fixtures = path.resolve(import.meta.dirname, '../../../shared/fixtures');
const encode = (text: string) => new TextEncoder().encode(text);
const scenario = (input: unknown) => {
  const parsed = parseScenario(input);
  if (!parsed.ok) throw new Error(parsed.messages.join('; '));
  return parsed.scenario;
};

describe('a scenario that changes nothing spends what the baseline spends', () => {
  it('even when an earlier scenario in the workbook has its own weekly costs and yearly rise', () => {
    // On the Scenarios step each scenario has its own weekly cost table; the baseline borrows the first
    // scenario's. A second scenario, which the app words "No change from the baseline", then shows spend
    // millions off the baseline on the Results step and in the export, from unit costs alone.
    const authority = simulatePlacements({ seed: 3, from: '2016-04-01', to: '2024-03-31' });
    const returns = importSsda903(write903Returns(authority, [2022, 2023, 2024]).map((f) => ({ path: f.path, bytes: encode(f.text) })), { pseudonymKey: testKey });
    const dataset = withSsda903({ extracts: [], referrals: [], cpp: [], cla: [] }, returns);
    const ownCosts = scenario({ name: 'New normal', referralTrendPerYear: 0.02, costs: { claWeeklyByPlacement: { residential: { private: 5200 }, foster: { inHouse: 700 } }, inflationPerYear: 0.035 } });
    const noChange = scenario({ name: 'New normal 2' });
    const run = runModel(dataset, [], { horizon: 24, draws: 0, scenarios: [ownCosts, noChange] });
    const second = run.scenarios[1]!;
    expect(second.series.claOpen[23]).toBeCloseTo(run.baseline.series.claOpen[23]!, 6);
    const spend = (xs: ArrayLike<number>) => Array.from(xs).reduce((a, b) => a + b, 0);
    expect(spend(second.cost)).toBeCloseTo(spend(run.baseline.cost), 0);
  });
});

describe('SSDA903 returns with Annex A lists', () => {
  it('history: the children in care by placement type add up to the children looked after every month', async () => {
    // liia-tools' Annex A (List 8 children not in the returns, extracted before the last return) with the
    // csdmpy sample: History's placement table says 62 children in care in Mar 2022, its chart 65.
    const dir = mkdtempSync(path.join(os.tmpdir(), 'dw-review11-'));
    const json = path.join(dir, 'both.json');
    const code = await runModelCommand(
      ['--input', path.join(fixtures, 'annex-a/liia-tools__Annex_A.xlsx'), '--ssda903', path.join(fixtures, 'ssda903/csdmpy-sample-v1.zip'), '--json', json, '--horizon', '12'],
      { stdout: () => {}, stderr: () => {} },
    );
    expect(code).toBe(0);
    const { history } = JSON.parse(readFileSync(json, 'utf8'));
    const off: string[] = [];
    history.months.forEach((month: string, i: number) => {
      if (history.claOpen[i] === null) return;
      const groups = Object.values(history.claByPlacement as Record<string, Array<number | null>>).reduce((s, xs) => s + (xs[i] ?? 0), 0);
      if (groups !== history.claOpen[i]) off.push(`${month}: ${groups} by placement, ${history.claOpen[i]} looked after`);
    });
    expect(off).toEqual([]);
  }, 120_000);
});
