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
      parseModelOptions(['--input', 'a.xlsx', '--input=b.csv', '--ssda903', 'returns', '--ssda903', 'r.zip', '--history', 'h.csv', '--extract-date', '2024-09-30', '--scenario', 's.json', '--horizon', '60', '--backtest-from', '2023-04', '--calibrate', '--json', '-', '--xlsx', 'out.xlsx', '--date-order', 'mdy']),
    ).toEqual({
      kind: 'run',
      options: { inputs: ['a.xlsx', 'b.csv'], ssda903: ['returns', 'r.zip'], history: 'h.csv', extractDate: '2024-09-30', scenario: 's.json', horizonMonths: 60, backtestFrom: '2023-04', calibrate: true, demo: false, json: '-', xlsx: 'out.xlsx', dateOrder: 'mdy' },
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

describe('npm run model: the engine through the command', () => {
  const tmp = () => mkdtempSync(path.join(os.tmpdir(), 'model-engine-'));

  it('--demo --json - prints the contract result', async () => {
    const { code, out, err } = await run('--demo', '--json', '-');
    expect(code).toBe(0);
    const result = JSON.parse(out);
    expect(result).toMatchObject({ schemaVersion: 1, extractDate: '2024-09-30' });
    for (const key of ['referrals', 'cpp', 'cla']) expect(Object.keys(result.import[key])).toEqual(expect.arrayContaining(['rowsRead', 'rowsAccepted', 'rowsRejected', 'rowsBlank', 'duplicates']));
    for (const key of ['months', 'referrals', 'cppStarts', 'cppEnds', 'cppOpen', 'claStarts', 'claEnds', 'claOpen']) expect(result.history[key]).toHaveLength(42);
    expect(Object.keys(result.rates)).toEqual(['cppPerReferral', 'claPerReferral', 'cppMedianMonths', 'claMedianMonths']);
    expect(result.projection.months).toHaveLength(24);
    expect(result.projection.months[0]).toBe('2024-10');
    for (const key of ['referrals', 'cppStarts', 'cppOpen', 'claStarts', 'claOpen', 'cost', 'workers']) expect(result.projection.baseline[key]).toHaveLength(24);
    for (const key of ['cppOpen', 'claOpen', 'referrals']) {
      const band = result.projection.bands.baseline[key];
      expect(band.p10).toHaveLength(24);
      band.p10.forEach((low: number, t: number) => expect(low).toBeLessThanOrEqual(band.p90[t]));
    }
    expect(err).toContain('Baseline in 2025-09');
  });

  it('--scenario adds the scenario, costed like the baseline, with its difference', async () => {
    const dir = tmp();
    const file = path.join(dir, 'lockdown.json');
    writeFileSync(file, JSON.stringify({ name: 'Winter lockdown', shocks: [{ from: '2025-01-01', to: '2025-03-31', referralChange: -0.4, returnShare: 0.5, returnMonths: 4, cppExitChange: -0.2, claExitChange: -0.3 }], costs: { claWeekly: 1500, cppMonthly: 400 } }));
    const { code, out } = await run('--demo', '--scenario', file, '--json', '-', '--horizon', '12');
    expect(code).toBe(0);
    const result = JSON.parse(out);
    expect(result.projection.scenario.name).toBe('Winter lockdown');
    expect(result.projection.scenario.unitCosts.claWeekly).toBe(1500);
    expect(result.projection.baseline.unitCosts.claWeekly).toBe(1500);
    expect(result.projection.scenario.referrals[3]).toBeLessThan(result.projection.baseline.referrals[3] * 0.7); // January 2025
    expect(result.projection.scenarios[0].difference.referrals[3]).toBeLessThan(0);
  });

  it('refuses a scenario with a bad field, naming it, and writes nothing', async () => {
    const dir = tmp();
    const file = path.join(dir, 'bad.json');
    writeFileSync(file, JSON.stringify({ shocks: [{ from: '2025-01-01', to: '2025-03-31', returnShare: 2 }], speed: 'fast' }));
    const target = path.join(dir, 'result.json');
    const { code, err } = await run('--demo', '--scenario', file, '--json', target);
    expect(code).toBe(1);
    expect(err).toContain('shocks[0].returnShare: must be at most 1');
    expect(err).toContain('speed: is not a scenario field');
    expect(readdirSync(dir)).toEqual(['bad.json']);
  });

  it('--backtest-from on the demo authority prints errors per series', async () => {
    const { code, out, err } = await run('--demo', '--backtest-from', '2023-10', '--horizon', '12', '--json', '-');
    expect(code).toBe(0);
    const { backtest } = JSON.parse(out);
    expect(backtest.from).toBe('2023-10');
    expect(backtest.monthsCompared).toBe(12);
    for (const series of ['referrals', 'cppStarts', 'cppOpen', 'claStarts', 'claOpen']) expect(backtest.mape[series]).toBeGreaterThan(0);
    // Stocks are the model's strength: within 12% a year ahead on the demo authority.
    expect(backtest.mape.claOpen).toBeLessThan(0.12);
    expect(backtest.mape.cppOpen).toBeLessThan(0.15);
    expect(backtest.mape.referrals).toBeLessThan(0.1);
    expect(err).toMatch(/Backtest from 2023-10 over 12 months: mean absolute percentage error referrals \d+\.\d%/);
  });

  it('--history alone (aggregates only) projects', async () => {
    const dir = tmp();
    const file = path.join(dir, 'england.csv');
    // England's published figures (../shared/docs/annex-a.md), years ending 31 March.
    writeFileSync(file, [
      'from,to,referrals,cppStarts,cppEnds,cppOpen,claStarts,claEnds,claOpen',
      '2018-04,2019-03,650930,66680,,52260,31780,29570,78140',
      '2019-04,2020-03,642980,66380,67130,51510,31010,29710,80000',
      '2020-04,2021-03,597760,63830,65330,50010,28480,28120,80780',
      '2021-04,2022-03,650270,64390,63480,50920,31100,30230,82090',
      '2022-04,2023-03,640430,63870,64010,50780,33090,31840,83760',
      '2023-04,2024-03,621880,62110,62990,49900,33050,33620,83630',
    ].join('\n'));
    const { code, out, err } = await run('--history', file, '--json', '-', '--horizon', '36');
    expect(code, err).toBe(0);
    const result = JSON.parse(out);
    expect(result.import).toBeNull();
    expect(result.projection.months[0]).toBe('2024-04');
    const monthly = 621880 / 12;
    expect(result.projection.baseline.referrals.slice(0, 12).reduce((a: number, b: number) => a + b, 0)).toBeGreaterThan(monthly * 12 * 0.9);
    // Stocks start from the last published count and stay in its neighbourhood.
    expect(result.projection.baseline.claOpen[0]).toBeGreaterThan(83630 * 0.97);
    expect(result.projection.baseline.claOpen[35]).toBeGreaterThan(83630 * 0.8);
    expect(result.projection.baseline.claOpen[35]).toBeLessThan(83630 * 1.2);
    expect(result.estimates.notes.join(' ')).toContain('aggregate');
  });

  it('refuses a broken history file with the line and column', async () => {
    const dir = tmp();
    const file = path.join(dir, 'history.csv');
    writeFileSync(file, 'from,to,referrals,claOpen\n2019-04,2020-03,642980,80000\n2020-04,2021-13,597760,-5\n');
    const { code, err } = await run('--history', file, '--json', '-');
    expect(code).toBe(1);
    expect(err).toContain('line 3, column to: "2021-13" is not a month written YYYY-MM');
  });
});
