import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseModelOptions } from '../../shared/cli/model-options.ts';
import { runModelCommand } from '../../electron/cli/run-model-command.ts';

const run = async (...argv: string[]) => {
  let out = '';
  let err = '';
  const code = await runModelCommand(argv, { stdout: (t) => void (out += t), stderr: (t) => void (err += t) });
  return { code, out, err };
};

describe('npm run model options', () => {
  it('reads every option of the contract', () => {
    expect(
      parseModelOptions(['--input', 'a.xlsx', '--input=b.csv', '--history', 'h.csv', '--extract-date', '2024-09-30', '--scenario', 's.json', '--horizon', '60', '--backtest-from', '2023-04', '--json', '-', '--xlsx', 'out.xlsx']),
    ).toEqual({
      kind: 'run',
      options: { inputs: ['a.xlsx', 'b.csv'], history: 'h.csv', extractDate: '2024-09-30', scenario: 's.json', horizonMonths: 60, backtestFrom: '2023-04', demo: false, json: '-', xlsx: 'out.xlsx' },
    });
  });

  it('defaults the horizon to 24 months', () => {
    expect(parseModelOptions(['--demo'])).toMatchObject({ kind: 'run', options: { demo: true, horizonMonths: 24, inputs: [] } });
  });

  it.each([
    [['--demo', '--horizon', '121'], '--horizon must be a whole number of months from 1 to 120 (got "121")'],
    [['--demo', '--horizon', '2.5'], '--horizon must be a whole number'],
    [['--demo', '--horizon', '0'], '--horizon must be a whole number'],
    [['--demo', '--extract-date', '31/09/2024'], '--extract-date must be a real date written YYYY-MM-DD'],
    [['--demo', '--extract-date', '2024-02-30'], '--extract-date must be a real date'],
    [['--demo', '--backtest-from', '2023-13'], '--backtest-from must be a month written YYYY-MM'],
    [['--demo', '--json'], '--json needs a value.'],
    [['--demo', '--xlsx', '-'], 'an Excel file cannot be written to the screen'],
    [['--demo', '--frobnicate'], 'Unknown option --frobnicate'],
    [['--demo', 'results.xlsx'], 'Unexpected "results.xlsx"'],
    [['--demo', '--input', 'a.xlsx'], '--demo replaces --input'],
    [['--json', '-'], 'Say which data to use'],
    [['--demo', '--scenario', 'a.json', '--scenario', 'b.json'], '--scenario is given more than once'],
  ])('rejects %j: %s', (argv, message) => {
    const outcome = parseModelOptions(argv);
    expect(outcome.kind).toBe('usage-error');
    if (outcome.kind === 'usage-error') expect(outcome.messages.join('\n')).toContain(message);
  });

  it('prints usage with --help and exits 0', async () => {
    const { code, out } = await run('--help');
    expect(code).toBe(0);
    expect(out).toContain('Usage: npm run model -- [options]');
    expect(out).toContain('--backtest-from MONTH');
  });

  it('exits 2 on a usage error and says how to get help', async () => {
    const { code, err } = await run('--horizon', 'forever');
    expect(code).toBe(2);
    expect(err).toContain('Error: --horizon must be a whole number');
    expect(err).toContain('--help');
  });

  it('exits 1 naming an input file that does not exist', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'model-cli-'));
    writeFileSync(path.join(dir, 'present.csv'), 'x');
    const missing = path.join(dir, 'annex-a-sept.xlsx');
    const { code, err } = await run('--input', path.join(dir, 'present.csv'), '--input', missing);
    expect(code).toBe(1);
    expect(err).toContain(`cannot read "${missing}"`);
    expect(err).not.toContain('present.csv');
  });
});

describe('npm run model -- --input FILE --json -', () => {
  const fixtures = path.resolve(import.meta.dirname, '../../../shared/fixtures/annex-a');
  const files = readdirSync(fixtures).filter((f) => /\.(xlsx|xls)$/.test(f));
  it.each(files)('%s: prints the import result with every row accounted for', async (file) => {
    const { code, out, err } = await run('--input', path.join(fixtures, file), '--json', '-');
    expect(err).toContain('Imported');
    const result = JSON.parse(out);
    expect(result.schemaVersion).toBe(1);
    const rows = result.import.referrals.rowsAccepted + result.import.cpp.rowsAccepted + result.import.cla.rowsAccepted;
    // Inferred from the data when there is any; an empty template has nothing to infer it from.
    if (rows > 0) {
      expect(code).toBe(0);
      expect(result.extractDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(result.projection.baseline.cppOpen.length).toBe(24);
    } else {
      // An empty template: the import is reported, and the command says there is nothing to project.
      expect(code).toBe(1);
      expect(result.extractDate).toBeNull();
      expect(err).toContain('there is nothing to project from');
    }
    for (const list of ['referrals', 'cpp', 'cla']) {
      const c = result.import[list];
      expect(c.rowsRead).toBe(c.rowsAccepted + c.rowsRejected + c.rowsBlank);
    }
    expect(out).not.toMatch(/Allocated Worker|Dustin Hazlett/);
  });

  it('writes the JSON to a file atomically and leaves no temporary file', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'model-json-'));
    const target = path.join(dir, 'result.json');
    const { code } = await run('--input', path.join(fixtures, 'liia-tools__Annex_A.xlsx'), '--json', target);
    expect(code).toBe(0);
    expect(JSON.parse(readFileSync(target, 'utf8')).import.cla.rowsRejected).toBe(1);
    expect(readdirSync(dir)).toEqual(['result.json']);
  });

  it('exits 1 when no list 3, 7 or 8 is found', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'model-cli-'));
    writeFileSync(path.join(dir, 'notes.csv'), 'Name,Comment\nA,B\n');
    const { code, err } = await run('--input', path.join(dir, 'notes.csv'), '--json', '-');
    expect(code).toBe(1);
    expect(err).toContain('no referrals (List 3), child protection (List 7) or children in care (List 8) list was found');
  });
});
