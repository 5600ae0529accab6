// A housing workbook end to end in headless Chromium at 1366x768, over the loopback bridge with the real
// backend: a new housing workbook, both lists pasted from the synthetic housing authority's CSV, History,
// a scenario moved (approaches 20% higher from the projection's start) and the projection following it,
// Results, and the Excel file exported and read back: the figure on screen is the figure in the file.
// axe finds no violations on any housing step.
import { mkdirSync, writeFileSync } from 'node:fs';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { utils } from '@e965/xlsx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatDelimited, parseDelimitedRows } from '../../shared/import/text/delimited.ts';
import { simulateHousing, writeHousingLists } from '../../shared/synthetic/housing-authority.ts';
import { countForPeople } from '../../shared/text/people-format.ts';
import { openAppPage, type AppPage } from '../support/app-page.ts';
import { axeViolations } from '../support/axe.ts';
import { listGrids } from '../support/list-grids.ts';
import { projectRoot } from '../support/loopback-app.ts';
import { readWorkbook } from '../support/read-xlsx.ts';

let opened: AppPage;
let page: Page;
const shots = path.join(projectRoot, 'test-results');
const lists = writeHousingLists(simulateHousing({ seed: 7, from: '2020-01-01', to: '2024-09-30' }), '2022-04-01', '2024-09-30');
const rowsOf = (csv: string) => csv.trimEnd().split('\n').length - 1;
// Excel puts tab-separated rows on the clipboard.
const clipboard = (csv: string) => formatDelimited(parseDelimitedRows(csv).rows.map((r) => r.map((c) => String(c ?? ''))));
const labels = { cases: 'Case list', ta: 'Temporary accommodation list' } as const;
const step = (name: string) => page.getByRole('navigation', { name: 'Steps' }).getByRole('button', { name });
/** The Results step's row of households in TA in 12 months: [baseline, its range, scenario, its range]. */
const inTaRow = () => page.locator('section', { has: page.getByRole('heading', { name: /\(12 months ahead\)/ }) }).locator('tr[data-measure="taOpen"] td');

const { pasteInto } = listGrids(() => page, labels);

beforeAll(async () => {
  mkdirSync(shots, { recursive: true });
  // bypassCSP lets axe's own script into the page.
  opened = await openAppPage({ width: 1366, height: 768, clipboard: true, bypassCSP: true });
  page = opened.page;
}, 120_000);

afterAll(async () => opened?.close());

describe('a housing workbook, from pasted lists to the Excel file', () => {
  it('Data: a new housing workbook takes both lists pasted', async () => {
    await page.getByRole('button', { name: 'New workbook' }).click();
    await page.getByRole('dialog', { name: 'Which service is this workbook for?' }).getByRole('button', { name: /^Housing: homelessness and temporary accommodation/ }).click();
    await page.waitForFunction(() => document.title.startsWith('Untitled housing workbook'));
    for (const list of ['cases', 'ta'] as const) {
      const text = list === 'cases' ? lists.cases : lists.ta;
      await pasteInto(list, clipboard(text));
      await page.locator(`p.counts[data-list="${list}"]`).filter({ hasText: `${countForPeople(rowsOf(text))} accepted, 0 rejected` }).waitFor({ timeout: 90_000 });
    }
    await page.screenshot({ path: path.join(shots, 'housing-1-data.png'), fullPage: true });
  }, 240_000);

  it('History: approaches, duties, TA households by type and nights, with the rates in words', async () => {
    await step('History').click();
    await page.getByText('Households in temporary accommodation at month end, by type: every month’s figures').or(page.getByText("Households in temporary accommodation at month end, by type: every month's figures")).first().waitFor({ timeout: 90_000 });
    await page.getByRole('rowheader', { name: 'Share owed a prevention or relief duty' }).waitFor();
    await page.getByRole('rowheader', { name: 'Median stay: nightly paid, privately managed' }).waitFor();
    await page.screenshot({ path: path.join(shots, 'housing-2-history.png') });
    await page.screenshot({ path: path.join(shots, 'housing-2-history-full.png'), fullPage: true });
    expect(await axeViolations(page)).toEqual([]);
  }, 120_000);

  let before = 0;
  it('Scenarios: a new normal in approaches, moved to 20%, moves the projection', async () => {
    await step('Scenarios').click();
    await page.getByRole('button', { name: 'New: a new normal in approaches' }).click();
    await page.getByText(/approaches settle 10% above the usual level/).waitFor({ timeout: 30_000 });
    await step('Results').click();
    await inTaRow().nth(2).waitFor({ timeout: 90_000 });
    before = Number((await inTaRow().nth(2).innerText()).replace(/,/g, ''));
    const baseline = Number((await inTaRow().nth(0).innerText()).replace(/,/g, ''));
    expect(before).toBeGreaterThan(baseline);

    await step('Scenarios').click();
    const field = page.getByLabel('Change in approaches', { exact: true });
    await field.fill('20');
    await page.getByText(/approaches settle 20% above the usual level/).waitFor({ timeout: 30_000 });
    await page.getByText('Working out the likely ranges…').waitFor({ state: 'detached', timeout: 90_000 });
    // An intervention of the analyst's own: prevention that places 5% fewer households in TA while it runs.
    await page.getByRole('button', { name: 'Add your own' }).click();
    await page.getByText(/Intervention "New intervention" from 1 October 2024, costing £100,000 a year: while it runs, 5% fewer households are placed in temporary accommodation\./).waitFor({ timeout: 30_000 });
    // A shock: its dates start in the projection's third month, a changed date is said in words, and
    // Remove takes the shock away again (the scenario is as before for what follows).
    await page.getByRole('button', { name: 'Add a shock' }).click();
    const shock = page.getByRole('group', { name: 'Shock 1' });
    await expect(shock.getByLabel('From', { exact: true }).inputValue()).resolves.toBe('01/12/2024');
    await expect(shock.getByLabel('To', { exact: true }).inputValue()).resolves.toBe('31/05/2025');
    await page.getByText(/From 1 December 2024 to 31 May 2025 /).waitFor({ timeout: 30_000 });
    await shock.getByLabel('To', { exact: true }).fill('28/02/2025');
    await shock.getByLabel('To', { exact: true }).press('Tab');
    await page.getByText(/From 1 December 2024 to 28 February 2025 /).waitFor({ timeout: 30_000 });
    await shock.getByRole('button', { name: 'Remove shock 1' }).click();
    await shock.waitFor({ state: 'detached', timeout: 30_000 });
    // Every nightly cost is the illustrative default until the analyst gives theirs.
    expect(await page.getByText('Default: replace with yours', { exact: true }).count()).toBe(6);
    await page.screenshot({ path: path.join(shots, 'housing-3-scenarios.png') });
    await page.screenshot({ path: path.join(shots, 'housing-3-scenarios-full.png'), fullPage: true });
    expect(await axeViolations(page)).toEqual([]);
    await step('Results').click();
    // The projection follows the setting: more households in TA with 20% more approaches than with 10%.
    await page.waitForFunction((was) => {
      const cells = [...document.querySelectorAll('tr[data-measure="taOpen"] td')];
      return cells.length > 2 && Number(cells[2]!.textContent!.replace(/,/g, '')) > was;
    }, before, { timeout: 90_000 });
  }, 240_000);

  let onScreen = { baseline: '', scenario: '', low: '' };
  it('Results: households in TA and cost by type, baseline and scenario, likely ranges and a sentence each', async () => {
    await page.getByText('Working out the likely ranges…').waitFor({ state: 'detached', timeout: 90_000 });
    const cells = inTaRow();
    onScreen = { baseline: await cells.nth(0).innerText(), low: (await cells.nth(1).innerText()).split(' to ')[0]!, scenario: await cells.nth(2).innerText() };
    expect(onScreen.low).toMatch(/^[\d,]+$/);
    await page.getByText(/^Households in temporary accommodation in September 2025: [\d,]+ in the baseline \(likely [\d,]+ to [\d,]+\); More approaches [\d,]+, [\d,]+ more/).waitFor();
    await page.locator('tr[data-measure="costByType:nightlyPaid"]').first().waitFor();
    await page.getByText(/^More approaches: New intervention: over the 24 months it costs £[\d,]+, saves £[\d,]+ in temporary accommodation and keeps [\d,]+ households out of temporary accommodation/).waitFor();
    await page.screenshot({ path: path.join(shots, 'housing-4-results.png') });
    await page.screenshot({ path: path.join(shots, 'housing-4-results-full.png'), fullPage: true });
    expect(await axeViolations(page)).toEqual([]);
  }, 120_000);

  it('Export: the Excel file has the figures on screen', async () => {
    await step('Export').click();
    await page.screenshot({ path: path.join(shots, 'housing-5-export.png') });
    expect(await axeViolations(page)).toEqual([]);
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 120_000 }), page.getByRole('button', { name: 'Export to Excel' }).click()]);
    const bytes = readFileSync((await download.path())!);
    writeFileSync(path.join(shots, 'housing-export.xlsx'), bytes);
    const book = readWorkbook(bytes);
    expect(book.SheetNames).toEqual(['Summary', 'Charts', 'Projections', 'TA by type', 'Interventions', 'History', 'Assumptions', 'Backtest', 'Data quality', 'About']);
    const rows = utils.sheet_to_json<Record<string, number>>(book.Sheets.Projections!, { raw: true });
    const at12 = rows[11]!;
    expect(countForPeople(at12['Baseline: Households in temporary accommodation']!)).toBe(onScreen.baseline);
    expect(countForPeople(at12['More approaches: Households in temporary accommodation']!)).toBe(onScreen.scenario);
    expect(countForPeople(at12['Baseline: Households in temporary accommodation p10']!)).toBe(onScreen.low);
    await page.getByText(/Your browser has downloaded/).waitFor();
    await page.screenshot({ path: path.join(shots, 'housing-5-export-done.png') });
    expect(opened.problems).toEqual([]);
  }, 240_000);
});
