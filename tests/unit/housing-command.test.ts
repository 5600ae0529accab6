// `npm run model` with housing lists (cli-contract.md, Housing), run in-process: the case list and the TA
// list from the synthetic housing authority, the contract's housing result, the Excel export read back
// against it, and a usage error for an option of children's services beside housing lists (Annex A and
// housing lists in one run: model-command-housing.test.ts).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { utils } from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import { runModelCommand } from '../../electron/cli/run-model-command.ts';
import { taTypes } from '../../shared/dataset/housing.ts';
import { simulateHousing, writeHousingLists } from '../../shared/synthetic/housing-authority.ts';
import { readWorkbook } from '../support/read-xlsx.ts';

const run = async (...argv: string[]) => {
  let out = '';
  let err = '';
  const code = await runModelCommand(argv, { stdout: (t) => void (out += t), stderr: (t) => void (err += t) });
  return { code, out, err };
};

const dir = mkdtempSync(path.join(os.tmpdir(), 'housing-command-'));
const authority = simulateHousing({ seed: 5, from: '2020-01-01', to: '2024-09-30' });
const lists = writeHousingLists(authority, '2022-04-01', '2024-09-30');
const casesFile = path.join(dir, 'cases.csv');
const taFile = path.join(dir, 'ta.csv');
writeFileSync(casesFile, lists.cases);
writeFileSync(taFile, lists.ta);
const scenarioFile = path.join(dir, 'evictions.json');
writeFileSync(scenarioFile, JSON.stringify({ name: 'Wave of evictions', newNormal: { from: '2024-10-01', approachChange: 0.2 }, costs: { taNightly: { bedAndBreakfast: 95 } } }));
const jsonFile = path.join(dir, 'result.json');
const xlsxFile = path.join(dir, 'result.xlsx');
const outcome = await run('--input', casesFile, '--input', taFile, '--scenario', scenarioFile, '--json', jsonFile, '--xlsx', xlsxFile, '--backtest-from', '2023-10');
const result = JSON.parse(readFileSync(jsonFile, 'utf8'));
const caseRows = lists.cases.trimEnd().split('\n').length - 1;
const taRows = lists.ta.trimEnd().split('\n').length - 1;

describe('npm run model -- --input cases.csv --input ta.csv', () => {
  it('runs the housing model and says what it read and expects', () => {
    expect(outcome.code, outcome.err).toBe(0);
    expect(outcome.out).toContain(`Case list: ${caseRows} rows read, ${caseRows} accepted`);
    expect(outcome.out).toContain(`TA list: ${taRows} rows read, ${taRows} accepted`);
    expect(outcome.out).toMatch(/Baseline in \w{3} 2025: [\d,]+ households in temporary accommodation \(likely [\d,]+ to [\d,]+\)/);
    expect(outcome.out).toMatch(/Backtest from 2023-10: households in TA off by [\d.]+%/);
  });

  it('writes the contract’s housing result', () => {
    expect(result.service).toBe('housing');
    expect(result.import.cases).toMatchObject({ rowsRead: caseRows, rowsAccepted: caseRows, rowsRejected: 0, rowsBlank: 0 });
    expect(result.import.ta).toMatchObject({ rowsRead: taRows, rowsAccepted: taRows });
    for (const key of ['months', 'approaches', 'dutiesOwed', 'taStarts', 'taEnds', 'taOpen', 'taByType', 'taNights']) expect(result.history, key).toHaveProperty(key);
    const p = result.projection;
    expect(p.months).toHaveLength(24);
    for (const who of [p.baseline, p.scenario]) for (const key of ['approaches', 'dutiesOwed', 'taStarts', 'taOpen', 'taByType', 'taNights', 'cost']) expect(who, key).toHaveProperty(key);
    expect(p.scenario.name).toBe('Wave of evictions');
    expect(p.bands.baseline.taOpen.p10).toHaveLength(24);
    expect(p.bands.baseline.cost.p90).toHaveLength(24);
    // 20% more approaches from the projection's first month: more households in TA by its end.
    expect(p.scenario.approaches[12]).toBeGreaterThan(p.baseline.approaches[12] * 1.15);
    expect(p.scenario.taOpen[23]).toBeGreaterThan(p.baseline.taOpen[23]);
    expect(result.backtest.from).toBe('2023-10');
  });

  it('exports the housing workbook with the result’s figures', () => {
    const book = readWorkbook(readFileSync(xlsxFile));
    expect(book.SheetNames).toEqual(['Summary', 'Charts', 'Projections', 'TA by type', 'History', 'Assumptions', 'Backtest', 'Data quality', 'About']);
    const p = result.projection;
    const rows = utils.sheet_to_json<Record<string, number>>(book.Sheets.Projections!, { raw: true });
    expect(rows).toHaveLength(24);
    rows.forEach((row, t) => {
      expect(row['Baseline: Households in temporary accommodation']).toBe(p.baseline.taOpen[t]);
      // A likely range is two numbers in two cells.
      expect(row['Baseline: Households in temporary accommodation p10']).toBe(p.bands.baseline.taOpen.p10[t]);
      expect(row['Baseline: Households in temporary accommodation p90']).toBe(p.bands.baseline.taOpen.p90[t]);
      expect(row['Wave of evictions: Cost of temporary accommodation in the month']).toBe(p.scenario.cost[t]);
      expect(row['Wave of evictions: Cost of temporary accommodation in the month p90']).toBe(p.bands.scenario.cost.p90[t]);
      expect(row['Baseline: Nights in temporary accommodation']).toBe(p.baseline.taNights[t]);
    });
    const byType = utils.sheet_to_json<Record<string, number>>(book.Sheets['TA by type']!, { raw: true });
    expect(byType[11]!['Baseline: Households in private sector leased']).toBe(p.baseline.taByType.privateLeased[11]);
    const history = utils.sheet_to_json<Record<string, number>>(book.Sheets.History!, { raw: true });
    expect(history.map((r) => r['In TA (month end)'])).toEqual(result.history.taOpen);
  });

  it('marks every default nightly cost "replace with yours", and the one given as the analyst’s', () => {
    const book = readWorkbook(readFileSync(xlsxFile));
    const rows = utils.sheet_to_json<string[]>(book.Sheets.Assumptions!, { header: 1, raw: true });
    const nightly = rows.filter((r) => typeof r[0] === 'string' && r[0].startsWith('Nightly cost'));
    expect(nightly).toHaveLength(taTypes.length);
    for (const r of nightly) {
      if (r[0] === 'Nightly cost: bed and breakfast') {
        expect(r[1]).toBe(95);
        expect(r[5]).toBe('Your setting');
      } else expect(r[5]).toMatch(/^Default: replace with yours/);
    }
    const summary = utils.sheet_to_json<string[]>(book.Sheets.Summary!, { header: 1, raw: true }).flat().join(' ');
    expect(summary).toContain('From 1 October 2024 approaches settle 20% above the usual level.');
    expect(summary).toMatch(/Households in temporary accommodation in September 2025: [\d,]+ in the baseline \(likely [\d,]+ to [\d,]+\); Wave of evictions [\d,]+, [\d,]+ more/);
  });
});

describe('the wrong mix of inputs', () => {
  it('stops with a usage error when an option for children’s services comes with housing lists', async () => {
    const history = path.join(dir, 'history.csv');
    writeFileSync(history, 'period_start,period_end,referrals\n2024-01-01,2024-01-31,10\n');
    const answer = await run('--input', casesFile, '--input', taFile, '--history', history);
    expect(answer.code).toBe(2);
    expect(answer.err).toContain("--history is for children's services and cannot be used with housing lists");
  });
});
