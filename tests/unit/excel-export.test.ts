// The Excel export, read back: sheets, numbers against the result JSON, formats, safety.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { utils, type WorkSheet } from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import { runModelCommand } from '../../electron/cli/run-model-command.ts';
import { writeFileAtomically } from '../../electron/common/atomic-write.ts';
import { needsQuotePrefix } from '../../shared/export/xlsx-writer.ts';
import { crc32 } from '../../shared/export/zip.ts';
import { shownDifference } from '../../shared/text/people-format.ts';
import { readWorkbook } from '../support/read-xlsx.ts';
import { storedZipEntries } from '../support/zip-entries.ts';

const projectRoot = path.resolve(import.meta.dirname, '..', '..');
const run = async (...argv: string[]) => {
  let out = '';
  let err = '';
  const code = await runModelCommand(argv, { stdout: (t) => void (out += t), stderr: (t) => void (err += t) });
  return { code, out, err };
};

const dir = mkdtempSync(path.join(os.tmpdir(), 'export-'));
const scenarioFile = path.join(dir, 'scenario.json');
writeFileSync(scenarioFile, JSON.stringify({ name: '=HYPERLINK("http://evil.example","Winter lockdown")', shocks: [{ from: '2025-01-01', to: '2025-03-31', referralChange: -0.4, returnShare: 0.5, returnMonths: 4, cppExitChange: -0.2, claExitChange: -0.3 }], costs: { claWeekly: 1500 } }));
const xlsxFile = path.join(dir, 'out.xlsx');
const jsonFile = path.join(dir, 'out.json');
const outcome = await run('--demo', '--scenario', scenarioFile, '--xlsx', xlsxFile, '--json', jsonFile);
const result = JSON.parse(readFileSync(jsonFile, 'utf8'));
const book = readWorkbook(readFileSync(xlsxFile));
const parts = storedZipEntries(readFileSync(xlsxFile));

function cells(sheet: WorkSheet) {
  return Object.entries(sheet).filter(([key]) => !key.startsWith('!'));
}

describe('npm run model -- --demo --xlsx out.xlsx', () => {
  it('writes the workbook', () => {
    expect(outcome.code, outcome.err).toBe(0);
    expect(book.SheetNames).toEqual(['Summary', 'Charts', 'Projections', 'Placement summary', 'Placements', 'Placement costs', 'History', 'Assumptions', 'Calibration', 'Data quality', 'About']);
  });

  it('gives the same numbers on the Projections sheet as the result JSON', () => {
    const rows = utils.sheet_to_json<Record<string, number>>(book.Sheets.Projections!, { raw: true });
    const p = result.projection;
    expect(rows).toHaveLength(p.months.length);
    rows.forEach((row, t) => {
      expect(row['Baseline: referrals']).toBe(p.baseline.referrals[t]);
      expect(row['Baseline: children on plans']).toBe(p.baseline.cppOpen[t]);
      expect(row['Baseline: children looked after']).toBe(p.baseline.claOpen[t]);
      expect(row['Baseline: children looked after p10']).toBe(p.bands.baseline.claOpen.p10[t]);
      expect(row['Baseline: children looked after p90']).toBe(p.bands.baseline.claOpen.p90[t]);
      expect(row['Baseline: referrals p10']).toBe(p.bands.baseline.referrals.p10[t]);
      expect(row['Baseline: spend in month (£) p90']).toBe(p.bands.baseline.cost.p90[t]);
      // The scenario's likely ranges too.
      expect(row[`${p.scenario.name}: children looked after p10`]).toBe(p.scenario.bands.claOpen.p10[t]);
      expect(row[`${p.scenario.name}: spend in month (£) p90`]).toBe(p.scenario.bands.cost.p90[t]);
      expect(row['Baseline: spend in month (£)']).toBe(p.baseline.cost[t]);
      expect(row['Baseline: social workers']).toBe(p.baseline.workers[t]);
      expect(row[`${p.scenario.name}: children looked after`]).toBe(p.scenario.claOpen[t]);
    });
  });

  it('writes real Excel dates and the formats an analyst expects', () => {
    const projections = book.Sheets.Projections!;
    const a2 = projections.A2!;
    expect(a2.t).toBe('n');
    expect(a2.z).toBe('mmm yyyy');
    expect(utils.format_cell(a2)).toBe('Oct 2024');
    expect(projections.B2!.z).toBe('#,##0');
    const cost = cells(projections).find(([, c]) => (c as { z?: string }).z === '"£"#,##0');
    expect(cost).toBeDefined();
    expect(utils.format_cell(cost![1] as never)).toMatch(/^£[\d,]+$/);
    const percent = cells(book.Sheets.Assumptions!).find(([, c]) => (c as { z?: string }).z === '0.0%');
    expect(percent).toBeDefined();
    expect(book.Sheets.Summary!.B2!.z).toBe('dd/mm/yyyy');
    expect(utils.format_cell(book.Sheets.Summary!.B2!)).toBe('30/09/2024');
  });

  it('freezes the header rows, filters and prints data sheets as a director would want', () => {
    const xml = parts.get('xl/worksheets/sheet3.xml')!;
    expect(xml).toContain('state="frozen"');
    expect(xml).toMatch(/<autoFilter ref="A1:[A-Z]+25"\/>/);
    expect(xml).toMatch(/<col min="1" max="1" width="\d+"/);
    const styles = parts.get('xl/styles.xml')!;
    expect(styles).toContain('<b/>');
    const workbookXml = parts.get('xl/workbook.xml')!;
    expect(workbookXml).toContain('_xlnm.Print_Titles');
  });

  it('prints wide sheets across pages at a readable size, the first column and the header row on every page', () => {
    // Projections holds dozens of columns: squeezed onto one page wide, its figures printed too small to read.
    const xml = parts.get('xl/worksheets/sheet3.xml')!;
    const widths = [...xml.matchAll(/<col min="\d+" max="\d+" width="([\d.]+)"/g)].reduce((sum, m) => sum + Number(m[1]), 0);
    const pages = Number(/orientation="landscape" fitToWidth="(\d+)" fitToHeight="0"/.exec(xml)?.[1]);
    expect(widths).toBeGreaterThan(300);
    expect(pages).toBeGreaterThanOrEqual(2);
    expect(widths / pages).toBeLessThanOrEqual(215);
    expect(parts.get('xl/workbook.xml')!).toContain(`'Projections'!$A:$A,'Projections'!$1:$1`);
    // A narrow sheet still prints one page wide.
    expect(parts.get('xl/worksheets/sheet4.xml')!).toContain('fitToWidth="1"');
  });

  it('gives every row of wrapped text longer than its column the height of its lines, so nothing prints over the next row', () => {
    const wrapStyles = new Set(['1', '10', '12', '14']);
    let checked = 0;
    for (const [name, xml] of parts) {
      if (!name.startsWith('xl/worksheets/sheet')) continue;
      const widths = [...xml.matchAll(/<col min="(\d+)" max="\d+" width="([\d.]+)"/g)].map((m) => Number(m[2]));
      const merged = [...xml.matchAll(/<mergeCell ref="([A-Z]+)(\d+):([A-Z]+)\d+"\/>/g)].map((m) => ({ row: Number(m[2]), from: m[1]!, to: m[3]! }));
      const col = (letters: string) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
      for (const row of xml.matchAll(/<row r="(\d+)"( ht="([\d.]+)")?[^>]*>(.*?)<\/row>/g)) {
        const r = Number(row[1]);
        const height = row[3] ? Number(row[3]) : 15;
        for (const cell of row[4]!.matchAll(/<c r="([A-Z]+)\d+" s="(\d+)" t="inlineStr"><is><t xml:space="preserve">([^<]*)<\/t>/g)) {
          if (!wrapStyles.has(cell[2]!)) continue;
          const m = merged.find((x) => x.row === r && x.from === cell[1]);
          const width = m ? widths.slice(col(m.from), col(m.to) + 1).reduce((a, b) => a + b, 0) : (widths[col(cell[1]!)] ?? 8.43);
          const text = cell[3]!.replace(/&amp;/g, '&');
          // Generous to the sheet: a line holds 1.3 characters per unit of width even in bold.
          if (text.length <= width * 1.3) continue;
          checked++;
          expect(height, `${name} row ${r}: "${text.slice(0, 40)}…" in ${width} wide`).toBeGreaterThanOrEqual(15 * Math.ceil(text.length / (width * 1.3)));
        }
      }
    }
    expect(checked).toBeGreaterThan(20);
  });

  it('has native charts that reference the exported cells', () => {
    const charts = [...parts.keys()].filter((f) => f.startsWith('xl/charts/'));
    expect(charts).toEqual(['xl/charts/chart1.xml', 'xl/charts/chart2.xml', 'xl/charts/chart3.xml']);
    const chart = parts.get('xl/charts/chart3.xml')!;
    expect(chart).toContain('<c:lineChart>');
    expect(chart).toContain("<c:f>'Projections'!$A$2:$A$25</c:f>");
    expect(chart).toMatch(/<c:f>'Projections'!\$[A-Z]+\$2:\$[A-Z]+\$25<\/c:f>/);
  });

  it('holds no formula, and text that could start one keeps Excel\'s quote prefix instead of a visible apostrophe', () => {
    for (const name of book.SheetNames) {
      for (const [ref, cell] of cells(book.Sheets[name]!)) {
        const c = cell as { f?: string; t?: string; v?: unknown };
        expect(c.f, `${name}!${ref}`).toBeUndefined();
      }
    }
    // The scenario's name tried to be a formula: it is there, as text, with no visible apostrophe, and
    // every text cell that starts like a formula carries Excel's quote prefix in its style.
    expect(utils.sheet_to_csv(book.Sheets.Summary!)).toContain(`=HYPERLINK(""http://evil.example"",""Winter lockdown"")`);
    expect(utils.sheet_to_csv(book.Sheets.Summary!)).not.toContain(`'=HYPERLINK`);
    const xfs = [...parts.get('xl/styles.xml')!.split('<cellXfs')[1]!.split('</cellXfs>')[0]!.matchAll(/<xf [^>]*>/g)].map((m) => m[0]);
    let risky = 0;
    for (const [name, xml] of parts) {
      if (!name.startsWith('xl/worksheets/sheet')) continue;
      for (const m of xml.matchAll(/<c r="([A-Z]+\d+)" s="(\d+)" t="inlineStr"><is><t xml:space="preserve">([^<]*)<\/t>/g)) {
        if (!needsQuotePrefix(m[3]!.replace(/&amp;/g, '&'))) continue;
        risky++;
        expect(xfs[Number(m[2])], `${name} ${m[1]}`).toContain('quotePrefix="1"');
      }
    }
    expect(risky).toBeGreaterThan(0);
    expect(needsQuotePrefix('-5% referrals')).toBe(true);
    expect(needsQuotePrefix('Winter')).toBe(false);
  });

  it('gives each likely range on the Summary as two numbers and each difference as the screen shows it', () => {
    const rows = utils.sheet_to_json<unknown[]>(book.Sheets.Summary!, { header: 1, raw: true });
    const p = result.projection;
    const at = rows.findIndex((r) => String(r[0]).match(/^In [A-Z][a-z]{2} \d{4} \(12 months ahead\)$/));
    expect(at).toBeGreaterThan(0);
    expect(rows[at + 1]).toEqual(['Measure', 'Baseline', 'Baseline: likely from (p10)', 'to (p90)', p.scenario.name, `${p.scenario.name} minus baseline`, `${p.scenario.name}: likely from (p10)`, 'to (p90)']);
    const looked = rows[at + 4]!;
    expect(looked[0]).toBe('Children looked after');
    expect(looked.slice(1)).toEqual([p.baseline.claOpen[11], p.bands.baseline.claOpen.p10[11], p.bands.baseline.claOpen.p90[11], p.scenario.claOpen[11], shownDifference('count', p.scenario.claOpen[11], p.baseline.claOpen[11]), p.scenario.bands.claOpen.p10[11], p.scenario.bands.claOpen.p90[11]]);
    const workers = rows[at + 7]!;
    expect(workers[0]).toBe('Social workers needed');
    expect(workers[5]).toBe(shownDifference('workers', p.scenario.workers[11], p.baseline.workers[11]));
    // Spend differs by what the two shown figures differ by (to the £1,000 above £1m), never by -£8,329.
    const spend = rows[at + 5]!;
    expect(spend[0]).toBe('Spend in the month');
    expect(spend[5]).toBe(shownDifference('pounds', p.scenario.cost[11], p.baseline.cost[11]));
    expect(Math.abs(spend[5] as number) % 1000).toBe(0);
    expect(rows.flat().filter((c) => typeof c === 'string' && /^[£\d,]+ to [£\d,]+$/.test(c))).toEqual([]);
  });

  it('draws the likely range on every chart, referrals too', () => {
    for (const n of [1, 2, 3]) expect(parts.get(`xl/charts/chart${n}.xml`)!.match(/prstDash/g)?.length, `chart${n}`).toBe(2);
  });

  it('never puts a raw child ID in the export of a real fixture', async () => {
    const fixture = path.resolve(projectRoot, '../shared/fixtures/annex-a/liia-tools__Annex_A.xlsx');
    const target = path.join(dir, 'liia.xlsx');
    const { code } = await run('--input', fixture, '--xlsx', target);
    expect(code).toBe(0);
    const exported = readWorkbook(readFileSync(target));
    const text = exported.SheetNames.map((n) => utils.sheet_to_csv(exported.Sheets[n]!)).join('\n');
    for (const id of ['6537810', '4653765', '1761444', '2529037']) expect(text).not.toContain(id);
    expect(text).toContain('before the child');
  });
});

describe('writing files safely', () => {
  it('writes atomically and leaves nothing behind when it fails', () => {
    const target = path.join(dir, 'atomic', 'result.xlsx');
    expect(() => writeFileAtomically(target, new Uint8Array([1, 2, 3]))).toThrow();
    expect(existsSync(path.join(dir, 'atomic'))).toBe(false);
    mkdirSync(path.join(dir, 'atomic'));
    writeFileAtomically(target, new Uint8Array([1, 2, 3]));
    writeFileAtomically(target, new Uint8Array([4, 5]));
    expect([...readFileSync(target)]).toEqual([4, 5]);
    expect(readdirSync(path.join(dir, 'atomic'))).toEqual(['result.xlsx']);
  });

  it('fails with a clear message when the folder does not exist, writing no file', async () => {
    const { code, err } = await run('--demo', '--xlsx', path.join(dir, 'missing-folder', 'out.xlsx'));
    expect(code).toBe(1);
    expect(err).toMatch(/Error: .*(ENOENT|no such file)/);
    expect(existsSync(path.join(dir, 'missing-folder'))).toBe(false);
  });

  it('computes ZIP checksums correctly', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
  });
});

// Rendering by LibreOffice: required in CI (which installs it), run where it is installed.
const soffice = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((p) => existsSync(p));
const pdftoppm = existsSync('/usr/bin/pdftoppm');
describe.runIf((soffice && pdftoppm) || process.env.CI)('the export rendered by LibreOffice', () => {
  it('converts to PDF with the charts drawn, and saves pictures of the Summary and a chart page', () => {
    expect(soffice, 'LibreOffice (Debian libreoffice-calc) must be installed in CI').toBeDefined();
    const out = path.join(dir, 'pdf');
    mkdirSync(out, { recursive: true });
    execFileSync(soffice!, ['--headless', '-env:UserInstallation=file://' + path.join(dir, 'lo-profile'), '--convert-to', 'pdf', '--outdir', out, xlsxFile], { stdio: 'ignore', timeout: 120_000 });
    const pdf = path.join(out, 'out.pdf');
    expect(existsSync(pdf)).toBe(true);
    const results = path.join(projectRoot, 'test-results');
    mkdirSync(results, { recursive: true });
    execFileSync('pdftoppm', ['-png', '-r', '70', '-f', '1', '-l', '1', '-singlefile', pdf, path.join(results, 'export-summary')]);
    // The first page of the Charts sheet (its footer names it), after however many pages the Summary takes.
    const chartPage = String([1, 2, 3, 4].find((n) => /^Charts$/m.test(execFileSync('pdftotext', ['-f', String(n), '-l', String(n), pdf, '-'], { encoding: 'utf8' }))));
    execFileSync('pdftoppm', ['-png', '-r', '70', '-f', chartPage, '-l', chartPage, '-singlefile', pdf, path.join(results, 'export-charts')]);
    // The chart page, as raw pixels: the baseline series is drawn in the export's blue (1D4F91).
    const ppm = spawnSync('pdftoppm', ['-r', '60', '-f', chartPage, '-l', chartPage, '-singlefile', pdf], { maxBuffer: 64 * 1024 * 1024 }).stdout as Buffer;
    const headerEnd = ppm.indexOf('\n255\n') + 5;
    let blue = 0;
    let red = 0;
    for (let i = headerEnd; i + 2 < ppm.length; i += 3) {
      const [r, g, b] = [ppm[i]!, ppm[i + 1]!, ppm[i + 2]!];
      if (r < 70 && g > 50 && g < 110 && b > 110 && b < 180) blue++;
      if (r > 170 && g < 90 && b < 80) red++;
    }
    expect(blue, 'baseline lines drawn').toBeGreaterThan(150);
    expect(red, 'scenario lines drawn').toBeGreaterThan(150);
  }, 180_000);
});
