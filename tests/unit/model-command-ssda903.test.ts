// `npm run model -- --ssda903 PATH`: a folder of returns, a zip of it, or CSV files, alone or with Annex A.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runModelCommand } from '../../electron/cli/run-model-command.ts';
import { readZipFiles } from '../../shared/import/ssda903/zip-entries.ts';

const sampleZip = path.resolve(import.meta.dirname, '../../../shared/fixtures/ssda903/csdmpy-sample-v1.zip');

const run = async (...argv: string[]) => {
  let out = '';
  let err = '';
  const code = await runModelCommand(argv, { stdout: (t) => void (out += t), stderr: (t) => void (err += t) });
  return { code, out, err };
};

describe('npm run model -- --ssda903', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'dw-903-'));
  const folder = path.join(dir, 'returns');
  for (const f of readZipFiles(new Uint8Array(readFileSync(sampleZip)))) {
    mkdirSync(path.join(folder, path.dirname(f.path)), { recursive: true });
    writeFileSync(path.join(folder, f.path), f.bytes);
  }

  it('projects from the returns alone (zip or folder give the same), with the import counts of the contract', async () => {
    const zipped = await run('--ssda903', sampleZip, '--json', path.join(dir, 'zip.json'), '--horizon', '12');
    expect(zipped.code, zipped.err).toBe(0);
    expect(zipped.out).toContain('SSDA903 returns for 2017-18, 2018-19, 2019-20, 2020-21, 2021-22');
    const fromFolder = await run('--ssda903', folder, '--json', path.join(dir, 'folder.json'), '--horizon', '12');
    expect(fromFolder.code, fromFolder.err).toBe(0);
    const a = JSON.parse(readFileSync(path.join(dir, 'zip.json'), 'utf8'));
    const b = JSON.parse(readFileSync(path.join(dir, 'folder.json'), 'utf8'));
    for (const table of ['episodes', 'header']) {
      const c = a.import[table];
      expect(c.rowsRead).toBe(c.rowsAccepted + c.rowsRejected + c.rowsBlank);
      expect(b.import[table].rowsAccepted).toBe(c.rowsAccepted);
    }
    expect(a.import.episodes.rowsRead).toBe(3737);
    expect(a.extractDate).toBe('2022-03-31');
    expect(a.history.claOpen[a.history.months.indexOf('2021-09')]).toBe(b.history.claOpen[b.history.months.indexOf('2021-09')]);
    expect(a.projection.baseline.claOpen).toHaveLength(12);
    expect(a.estimates.notes.join(' ')).toContain('no referrals');
  });

  it('gives the placements fields of the contract: by group summing to the children in care, by provider, spend, bands, history', async () => {
    const scenario = path.join(dir, 'step-down.json');
    writeFileSync(scenario, JSON.stringify({ name: 'Step down', placementShifts: [{ from: 'residential', to: 'foster:inHouse', share: 0.2, fromDate: '2022-06-01', overMonths: 6 }], costs: { claWeeklyByPlacement: { foster: { inHouse: 450, private: 950 }, residential: 5000 }, inflationPerYear: 0.04 } }));
    const result = await run('--ssda903', sampleZip, '--scenario', scenario, '--json', path.join(dir, 'placements.json'), '--horizon', '12');
    expect(result.code, result.err).toBe(0);
    const r = JSON.parse(readFileSync(path.join(dir, 'placements.json'), 'utf8'));
    const groups = ['foster', 'adoption', 'parents', 'independent', 'residential', 'secure', 'other'];
    for (const which of ['baseline', 'scenario']) {
      const p = r.projection[which];
      expect(Object.keys(p.claByPlacement).sort()).toEqual([...groups].sort());
      expect(Object.keys(p.claByPlacementProvider)).toHaveLength(14);
      p.claOpen.forEach((open: number, t: number) => {
        expect(Math.abs(groups.reduce((s, g) => s + p.claByPlacement[g][t], 0) - open)).toBeLessThan(0.05);
        const providers = Object.values(p.claByPlacementProvider as Record<string, number[]>).reduce((s, v) => s + v[t]!, 0);
        expect(Math.abs(providers - open)).toBeLessThan(0.1);
        // Spend by group is the children in care part of the cost.
        const cpp = p.cppOpen[t] * p.unitCosts.cppMonthly;
        expect(Math.abs(groups.reduce((s, g) => s + p.costByPlacement[g][t], 0) - (p.cost[t] - cpp))).toBeLessThan(5);
      });
    }
    expect(r.projection.scenario.claByPlacement.residential[11]).toBeCloseTo(r.projection.baseline.claByPlacement.residential[11] * 0.8, 1);
    expect(r.projection.scenario.placementUnitCosts.find((u: { placement: string }) => u.placement === 'foster:private').weekly).toBe(950);
    const bands = r.projection.bands.baseline;
    for (const g of groups) expect(bands.claByPlacement[g].p10.length).toBe(12);
    expect(bands.cost.p90[11]).toBeGreaterThan(bands.cost.p10[11]);
    const i = r.history.months.indexOf('2021-09');
    expect(groups.reduce((s, g) => s + r.history.claByPlacement[g][i], 0)).toBe(r.history.claOpen[i]);
  });

  it('stops with a plain message naming the file, row and column when no episode can be used', async () => {
    const bad = path.join(dir, 'bad');
    mkdirSync(path.join(bad, '2024'), { recursive: true });
    writeFileSync(path.join(bad, '2024', 'header.csv'), 'CHILD,SEX,DOB\n1,1,01/01/2010\n');
    writeFileSync(path.join(bad, '2024', 'episodes.csv'), 'CHILD,DECOM,RNE,LS,PLACE,REC\n1,01/05/2023,S,C2,U4,\n');
    const result = await run('--ssda903', bad, '--json', '-');
    expect(result.code).toBe(1);
    expect(result.err).toContain('bad/2024/episodes.csv, row 1: The episodes table has no "DEC" column');
    expect(result.err).toContain('Nothing was written.');
  });
});
