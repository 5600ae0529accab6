// SSDA903 returns alone give no referrals: entries to care drive the projection, and what a person reads
// (the History step's rates, the export's Assumptions) speaks of entries to care, never of "100 in 100
// referrals lead to care" or referrals that were not given.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildHistory } from '../../shared/engine/children/history.ts';
import { runModel } from '../../shared/engine/children/run-model.ts';
import { importSsda903 } from '../../shared/import/ssda903/import-ssda903.ts';
import { withSsda903 } from '../../shared/import/ssda903/combine.ts';
import { readZipFiles } from '../../shared/import/ssda903/zip-entries.ts';
import { estimateRows } from '../../shared/result/estimate-rows.ts';
import { buildResultJson } from '../../shared/result/result-json.ts';
import { resultsWorkbook } from '../../shared/export/results-workbook.ts';
import { demoDataset } from '../../shared/synthetic/demo.ts';
import { utils } from '@e965/xlsx';
import { readWorkbook } from '../support/read-xlsx.ts';

const sampleZip = path.resolve(import.meta.dirname, '../../../shared/fixtures/ssda903/csdmpy-sample-v1.zip');

function returnsAlone() {
  const returns = importSsda903(readZipFiles(new Uint8Array(readFileSync(sampleZip))).map((f) => ({ path: f.path, bytes: f.bytes })), { pseudonymKey: new Uint8Array(32).fill(7) });
  const dataset = withSsda903({ extracts: [], referrals: [], cpp: [], cla: [] }, returns);
  return buildResultJson({ dataset, report: null, ssda903: returns.report, run: runModel(dataset, [], { horizon: 12, scenarios: [] }) });
}

describe('returns without referrals, in words', () => {
  const result = returnsAlone();

  it('are driven by entries to care, and the rates say so', () => {
    expect(result.estimates!.driver).toBe('claStarts');
    const rows = estimateRows(result.estimates!);
    expect(rows.map((r) => r[0])).toEqual(['Entries to care in an ordinary month', 'Trend in entries to care', 'How long a plan lasts (median)', 'How long care lasts (median)']);
    expect(rows.flatMap((r) => r).join(' ')).not.toMatch(/referrals? (lead|arrive)/);
    expect(rows[0]![3]).toMatch(/^About \d+ (child comes|children come) into care in an ordinary month \(no referrals were given\)\.$/);
  });

  it('with referrals, read as before', () => {
    const dataset = demoDataset();
    const demo = buildResultJson({ dataset, report: null, run: runModel(dataset, [], { horizon: 12, scenarios: [] }) });
    expect(demo.estimates!.driver).toBe('referrals');
    const rows = estimateRows(demo.estimates!);
    expect(rows.map((r) => r[0]).slice(0, 4)).toEqual(['Referrals in an ordinary month', 'Referral trend', 'Plans per referral', 'Entries to care per referral']);
    expect(rows[2]![3]).toMatch(/^About \d+ in 100 referrals lead to a child protection plan\.$/);
    expect(buildHistory(dataset, []).series.referrals.some((v) => v !== null)).toBe(true);
  });

  it('in the export, the Assumptions sheet names the returns and never a per-referral rate', () => {
    const book = readWorkbook(resultsWorkbook(result, { workbookTitle: 'Returns alone', appVersion: '0.1.0', createdAt: '2026-12-02T06:00:00Z' }));
    const text = utils.sheet_to_json<unknown[]>(book.Sheets.Assumptions!, { header: 1, raw: true }).map((row) => row.join(' | ')).join('\n');
    expect(text).toMatch(/Entries to care per month \(usual level, before seasons\)/);
    expect(text).not.toMatch(/per referral|referrals lead to|Delay from referral/);
    expect(text).toMatch(/Your SSDA903 returns/);
    expect(text).not.toMatch(/Your List 8 placement types|Your Annex A lists/);
  });
});
