// `npm run model -- --input`: Annex A lists and housing lists in one run are a usage error naming both,
// whether they come as separate files or as sheets of one workbook.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { utils, write } from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import { runModelCommand } from '../../electron/cli/run-model-command.ts';
import { parseDelimitedRows } from '../../shared/import/text/delimited.ts';
import { housingDemoLists } from '../../shared/synthetic/housing-demo.ts';

const annexA = path.resolve(import.meta.dirname, '../../../shared/fixtures/annex-a/liia-tools__Annex_A.xlsx');

const run = async (...argv: string[]) => {
  let out = '';
  let err = '';
  const code = await runModelCommand(argv, { stdout: (t) => void (out += t), stderr: (t) => void (err += t) });
  return { code, out, err };
};

describe('Annex A lists and housing lists in one run', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'dw-housing-'));
  const lists = housingDemoLists();
  const ta = path.join(dir, 'ta.csv');
  writeFileSync(ta, lists.ta);

  it('stop with a usage error (exit 2) naming both, and write nothing', async () => {
    const json = path.join(dir, 'result.json');
    const answer = await run('--input', annexA, '--input', ta, '--json', json);
    expect(answer.code).toBe(2);
    expect(answer.err).toMatch(/both Annex A lists \(liia-tools__Annex_A\.xlsx › List 3, .*\) and housing lists \(ta\.csv\)/);
    expect(() => readFileSync(json)).toThrow();
  });

  it('are found as sheets of one workbook too', async () => {
    const book = utils.book_new();
    utils.book_append_sheet(book, utils.aoa_to_sheet(parseDelimitedRows(lists.cases).rows.slice(0, 50).map((r) => r.map((c) => c ?? ''))), 'Cases');
    utils.book_append_sheet(book, utils.aoa_to_sheet([['Child Unique ID', 'Date of referral', 'Referral Source'], ['1', '01/02/2024', '1A']]), 'List 3');
    const file = path.join(dir, 'mixed.xlsx');
    writeFileSync(file, new Uint8Array(write(book, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer));
    const answer = await run('--input', file);
    expect(answer.code).toBe(2);
    expect(answer.err).toContain('both Annex A lists (mixed.xlsx › List 3) and housing lists (mixed.xlsx › Cases)');
  });

  it('leave a run of Annex A lists alone', async () => {
    const answer = await run('--input', annexA, '--horizon', '6');
    expect(answer.code, answer.err).toBe(0);
  }, 60_000);
});
