// Interventions through the command: the scenario file's interventions come back in the result JSON as
// the contract writes them, the summary says each one's sentence, the Excel export adds their sheet, and
// an out-of-range field stops the run naming the field with nothing written.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { utils } from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import { runModelCommand } from '../../electron/cli/run-model-command.ts';
import { readWorkbook } from '../support/read-xlsx.ts';

async function run(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await runModelCommand(argv, { stdout: (t) => void (out += t), stderr: (t) => void (err += t) });
  return { code, out, err };
}

// The demo authority's projection starts in October 2024.
const scenario = {
  name: 'Edge of care',
  interventions: [
    { name: 'Edge of care team', from: '2025-01-01', to: '2026-09-30', costPerYear: 400_000, effects: { claStartChange: -0.15 } },
    { name: 'Extra panel', from: '2025-01-01', costPerYear: 60_000 },
  ],
};

describe('npm run model with interventions', () => {
  it('weighs each intervention in the result JSON, the summary and the Excel export', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'model-interventions-'));
    const file = path.join(dir, 'scenario.json');
    writeFileSync(file, JSON.stringify(scenario));
    const json = path.join(dir, 'result.json');
    const xlsx = path.join(dir, 'result.xlsx');
    const { code, out, err } = await run('--demo', '--scenario', file, '--json', json, '--xlsx', xlsx, '--horizon', '24');
    expect(err).toBe('');
    expect(code).toBe(0);
    const result = JSON.parse(readFileSync(json, 'utf8'));
    const s = result.projection.scenario;
    expect(result.projection.months[0]).toBe('2024-10');
    const [edge, panel] = s.interventions;
    expect(edge.name).toBe('Edge of care team');
    for (const key of ['cost', 'saving', 'net']) expect(edge[key]).toHaveLength(24);
    expect(edge.cost[2]).toBe(0); // December 2024: not yet running
    expect(edge.cost[3]).toBe(33_333);
    edge.net.forEach((net: number, t: number) => expect(Math.abs(net - (edge.cost[t] - edge.saving[t]))).toBeLessThanOrEqual(1));
    expect(edge.totals.cost).toBe(Math.round((400_000 * 21) / 12));
    for (const q of [edge.totals.saving, edge.totals.net]) {
      expect(q.p10).toBeLessThanOrEqual(q.p50);
      expect(q.p50).toBeLessThanOrEqual(q.p90);
    }
    expect(edge.totals.saving.p10).toBeGreaterThan(0);
    expect(edge.paybackMonth).toMatch(/^20\d\d-\d\d$/);
    expect(edge.outcomes.childrenKeptOutOfCare.expected).toBeGreaterThan(1);
    expect(edge.totals.draws).toBe(500);
    // The panel costs and saves nothing: it never pays back.
    expect(panel.totals.saving).toEqual({ p10: 0, p50: 0, p90: 0 });
    expect(panel.paybackMonth).toBeNull();
    expect(panel.totals.cost).toBe(60_000 * 21 / 12);
    // The scenario's spend includes both running costs.
    s.cost.forEach((c: number, t: number) => expect(Math.abs(c - (s.serviceCost[t] + s.interventionCost[t]))).toBeLessThanOrEqual(1));
    s.interventionCost.forEach((c: number, t: number) => expect(Math.abs(c - (edge.cost[t] + panel.cost[t]))).toBeLessThanOrEqual(1));
    // The summary has each sentence.
    expect(out).toContain(edge.sentence);
    expect(edge.sentence).toMatch(/^Edge of care team: for £400,000 a year, it keeps about \d+ children out of care \(likely \d+ to \d+\) and saves £[\d.,m]+ \(likely £[\d.,m]+ to £[\d.,m]+\) over the two years projected \([A-Z][a-z]+ 20\d\d to [A-Z][a-z]+ 20\d\d\); it pays for itself from [A-Z][a-z]+ 20\d\d\.$/);
    expect(panel.sentence).toBe('Extra panel: for £60,000 a year, it saves nothing on services over the two years projected (October 2024 to September 2026); it does not pay for itself within them.');

    const book = readWorkbook(readFileSync(xlsx));
    expect(book.SheetNames).toContain('Interventions');
    const rows = utils.sheet_to_json<unknown[]>(book.Sheets.Interventions!, { header: 1, raw: true });
    expect(rows[0]![0]).toBe('Interventions in "Edge of care": each weighed against the same scenario without it');
    expect(rows[3]![0]).toBe('Intervention');
    expect(rows[4]![0]).toBe('Edge of care team');
    expect(rows[4]![5]).toBe(edge.totals.expected.saving);
    expect(rows[4]![6]).toBe(edge.totals.saving.p10);
    expect(rows.some((r) => r[0] === 'Edge of care team' && r[1] === edge.sentence)).toBe(true);
    expect(rows[5]![4]).toBe(panel.totals.cost);
  }, 90_000); // four runs of 500 draws and an export: slow on a busy machine

  it('stops on an out-of-range intervention, naming the field, and writes nothing', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'model-interventions-'));
    const file = path.join(dir, 'scenario.json');
    writeFileSync(file, JSON.stringify({ ...scenario, interventions: [{ ...scenario.interventions[0], effects: { claStartChange: -1.5 } }, { ...scenario.interventions[1], costPerYear: -5 }] }));
    const json = path.join(dir, 'result.json');
    const { code, err } = await run('--demo', '--scenario', file, '--json', json);
    expect(code).toBe(1);
    expect(err).toContain('interventions[0].effects.claStartChange: must be at least -1');
    expect(err).toContain('interventions[1].costPerYear: must be at least 0');
    expect(existsSync(json)).toBe(false);
  });
});
