// Issue 15, points 3 to 8 as an analyst meets them in the browser version at 1366x768 with four
// scenarios: every summary row on the page, the likely ranges on screen equal to the Excel export's to the
// pound (the export downloaded by the browser), every preset setting editable, a preset outside the
// projection explained, the charts beside the settings while a slider moves, the edited scenario always
// drawn, scenario ranges, dates and money as analysts write them; axe on every step.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { utils, type WorkBook } from '@e965/xlsx';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { poundsForPeople } from '../../shared/text/people-format.ts';
import { openAppPage, type AppPage } from '../support/app-page.ts';
import { axeViolations } from '../support/axe.ts';
import { projectRoot } from '../support/loopback-app.ts';
import { readWorkbook } from '../support/read-xlsx.ts';

let opened: AppPage;
let page: Page;
const shots = path.join(projectRoot, 'test-results');
const step = (name: string) => page.getByRole('navigation', { name: 'Steps' }).getByRole('button', { name });
const measures = ['referrals', 'cppOpen', 'claOpen', 'cost', 'costCumulative', 'workers'];

beforeAll(async () => {
  mkdirSync(shots, { recursive: true });
  opened = await openAppPage({ width: 1366, height: 768, bypassCSP: true });
  page = opened.page;
});
afterAll(async () => opened?.close());

async function rangesWorkedOut(): Promise<void> {
  await page.waitForFunction(() => document.querySelector('.ranges-status')?.textContent === '' && document.querySelectorAll('.range.pending').length === 0, undefined, { timeout: 60_000 });
}

describe('Scenarios and Results show what the export shows', () => {
  it('Scenarios: every setting of a preset has a control, and a preset outside the projection is explained, not drawn', async () => {
    await step('3 Scenarios').click();
    await page.getByRole('button', { name: 'New: the 2020-21 lockdowns' }).click();
    await page.getByRole('heading', { name: 'Settings of “Lockdowns of 2020-21”' }).waitFor();
    // The first lockdown's 20% drop in referrals leading to care has its own control.
    await expect(page.getByLabel('Change in referrals leading to care while it lasts', { exact: true }).first().inputValue()).resolves.toBe('-20');
    await expect(page.getByLabel('Change in referrals leading to a plan while it lasts', { exact: true }).first().inputValue()).resolves.toBe('0');
    // It falls before the projection: said in words, and no stub on the timeline.
    await page.getByText(/None of this scenario's shocks falls within the projection \(Oct 2024 to Sep 2026\), so they change nothing in it/).waitFor();
    await page.getByText('This shock (23/03/2020 to 04/07/2020) ended before the projection starts in Oct 2024', { exact: false }).waitFor();
    expect(await page.locator('.timeline-shock').count()).toBe(0);
    await expect(page.getByRole('img', { name: /^Timeline from Oct 2024 to Sep 2026: no shocks within it/ }).count()).resolves.toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    // Moved into the projection, the same three lockdowns are drawn and change the projection.
    await page.getByRole('button', { name: 'Move the shocks into the projection' }).click();
    await page.locator('.timeline-shock').nth(2).waitFor();
    await expect(page.getByRole('img', { name: /shock from 23\/01\/2025 to 04\/05\/2025/ }).count()).resolves.toBe(1);
    await expect(page.getByText(/None of this scenario's shocks/).count()).resolves.toBe(0);
    // Dates are shown and typed as analysts write them, whatever the browser's language.
    const from = page.getByRole('group', { name: 'Shock 1' }).getByLabel('From', { exact: true });
    await expect(from.inputValue()).resolves.toBe('23/01/2025');
    await from.fill('01/02/2025');
    await from.press('Enter');
    await page.locator('.in-words').filter({ hasText: 'From 1 February 2025 to 4 May 2025' }).waitFor();
    await from.fill('02/31/2025');
    await from.press('Enter');
    await page.getByText('Write the date as day/month/year, for example 30/09/2025.').waitFor();
    await from.fill('23/01/2025');
    await from.press('Enter');
    await page.locator('.in-words').filter({ hasText: 'From 23 January 2025 to 4 May 2025' }).waitFor();
  }, 40_000); // axe over the whole Scenarios step, placement costs included, on a busy machine

  it('Scenarios: the charts stay beside the settings while a slider moves; the edited scenario is always drawn, with its range', async () => {
    for (const preset of ['New: another lockdown', 'New: a new normal', 'New: another lockdown', 'New: a new normal']) await page.getByRole('button', { name: preset }).click();
    // Tick four others, then edit a fifth: it is still drawn.
    const boxes = page.getByRole('checkbox', { name: /^Compare/ });
    expect(await boxes.count()).toBe(5);
    for (const i of [1, 2, 3, 4]) await boxes.nth(i).check();
    await expect(boxes.nth(0).isDisabled()).resolves.toBe(true);
    const reason = await boxes.nth(0).getAttribute('aria-describedby');
    expect(reason).toBeTruthy();
    await expect(page.locator(`[id="${reason}"]`).innerText()).resolves.toMatch(/^Four scenarios are ticked to compare.*Untick one to compare another\.$/);
    await page.getByRole('button', { name: 'Lockdowns of 2020-21', exact: true }).click();
    await page.locator('#scenario-referrals-caption summary').click();
    await page.waitForFunction(() => document.querySelectorAll('#scenario-referrals-caption thead th').length >= 7);
    const headers = await page.locator('#scenario-referrals-caption thead th').allInnerTexts();
    expect(headers.filter((h) => !/likely from|^to$/.test(h))).toEqual(['Month', 'Baseline', 'Lockdowns of 2020-21', 'Another lockdown', 'New normal', 'Another lockdown 2', 'New normal 2']);
    await rangesWorkedOut();
    // The edited scenario's likely range is there, beside the baseline's.
    await page.waitForFunction(() => [...document.querySelectorAll('#scenario-referrals-caption thead th')].some((th) => th.textContent === 'Lockdowns of 2020-21: likely from'));
    await page.locator('#scenario-referrals-caption summary').click();
    // The last slider of the settings, scrolled to: the three charts are on screen beside it.
    const last = page.getByRole('slider', { name: 'Children in care per social worker (slider)' });
    await last.scrollIntoViewIfNeeded();
    const viewport = page.viewportSize()!;
    const sliderBox = (await last.boundingBox())!;
    expect(sliderBox.y + sliderBox.height).toBeLessThanOrEqual(viewport.height);
    for (const key of ['referrals', 'cppOpen', 'claOpen']) {
      const box = (await page.locator(`#scenario-${key}-caption`).locator('xpath=..').locator('canvas').boundingBox())!;
      expect(box.y, key).toBeGreaterThanOrEqual(0);
      expect(box.y + box.height, key).toBeLessThanOrEqual(viewport.height);
      expect(box.x, key).toBeGreaterThan(sliderBox.x + sliderBox.width);
    }
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    await page.screenshot({ path: path.join(shots, 'scenarios-1366x768.png') });
    expect(await page.getByText(/Updated in \d+ ms/).count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
  }, 60_000); // waits up to 60 s for the ranges, on a busy machine

  it('Results: every summary row is on the page at 1366x768 with four scenarios, with the scenarios’ likely ranges', async () => {
    await step('4 Results').click();
    await page.getByRole('heading', { name: 'In Sep 2025 (12 months ahead)' }).waitFor();
    await page.getByRole('heading', { name: 'In Sep 2026 (24 months ahead)' }).waitFor();
    await rangesWorkedOut();
    for (const months of [12, 24]) {
      const table = page.locator(`table.summary[data-months-ahead="${months}"]`);
      expect(await table.locator('thead th').allInnerTexts()).toEqual(['Measure', 'Baseline', 'Lockdowns of 2020-21', 'Another lockdown', 'New normal', 'Another lockdown 2']);
      expect(await table.locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-measure')))).toEqual(measures);
      for (const measure of measures) {
        const row = table.locator(`tr[data-measure="${measure}"]`);
        await row.scrollIntoViewIfNeeded();
        // Seen, not clipped: the point at the middle of each cell belongs to that cell.
        const seen = await row.evaluate((tr) =>
          [...tr.children].every((cell) => {
            const r = cell.getBoundingClientRect();
            const hit = document.elementFromPoint(r.left + r.width / 2, r.top + Math.min(r.height / 2, 10));
            return r.right <= window.innerWidth && hit !== null && cell.contains(hit);
          }),
        );
        expect(seen, `${months} months, ${measure}`).toBe(true);
      }
      // Scenario ranges on screen.
      expect(await table.locator('tr[data-measure="claOpen"] td[data-column="Another lockdown"]').innerText()).toMatch(/likely \d+ to \d+/);
    }
    await page.screenshot({ path: path.join(shots, 'results-1366x768.png') });
    await page.screenshot({ path: path.join(shots, 'results-1366-full.png'), fullPage: true });
    const text = await page.locator('main').innerText();
    expect(text).not.toMatch(/\b20\d\d-(0[1-9]|1[0-2])\b/); // ISO months (not "2020-21")
    expect(text).not.toContain('Pounds');
    expect(text).not.toMatch(/[+-]\d+\.0 on the baseline/); // whole workers differ by whole workers
    expect(await axeViolations(page)).toEqual([]);
  }, 90_000); // waits up to 60 s for the ranges, then axe over a long page

  let book: WorkBook;
  it('Export: the browser downloads the Excel file to the person', async () => {
    await step('5 Export').click();
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.getByRole('button', { name: 'Export to Excel' }).click()]);
    expect(download.suggestedFilename()).toBe('Demo authority (synthetic data) projections.xlsx');
    const bytes = readFileSync((await download.path())!);
    book = readWorkbook(bytes);
    expect(book.SheetNames[0]).toBe('Summary');
    await page.getByText(/Your browser has downloaded/).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    writeFileSync(path.join(shots, 'browser-export.xlsx'), bytes);
  }, 90_000); // waits up to 60 s for the download (it took 20 s on two busy cores)

  it('the likely ranges on screen equal the export’s, to the pound, for the baseline and every scenario', async () => {
    await step('4 Results').click();
    await rangesWorkedOut();
    const rows = utils.sheet_to_json<unknown[]>(book.Sheets.Summary!, { header: 1, raw: true });
    let compared = 0;
    for (const months of [12, 24]) {
      const heading = rows.findIndex((r) => typeof r[0] === 'string' && r[0].endsWith(`(${months} months ahead)`));
      expect(heading, `${months} months`).toBeGreaterThan(0);
      const header = rows[heading + 1] as string[];
      const cells = await page.locator(`table.summary[data-months-ahead="${months}"] td`).evaluateAll((tds) =>
        tds.map((td) => ({ measure: td.parentElement!.getAttribute('data-measure')!, column: td.getAttribute('data-column')!, value: td.getAttribute('data-value'), low: td.getAttribute('data-low'), high: td.getAttribute('data-high'), text: (td as HTMLElement).innerText })),
      );
      for (const cell of cells) {
        const excel = rows[heading + 2 + measures.indexOf(cell.measure)]!;
        const at = cell.column === 'Baseline' ? 1 : header.indexOf(cell.column);
        expect(at, cell.column).toBeGreaterThan(0);
        expect(Number(cell.value), `${months} ${cell.measure} ${cell.column}`).toBe(excel[at]);
        const [low, high] = cell.column === 'Baseline' ? [excel[2], excel[3]] : [excel[at + 2], excel[at + 3]];
        if (cell.low !== null) {
          expect([Number(cell.low), Number(cell.high)], `${months} ${cell.measure} ${cell.column} range`).toEqual([low, high]);
          if (cell.measure === 'cost') expect(cell.text).toContain(`likely ${poundsForPeople(low as number)} to ${poundsForPeople(high as number)}`);
          compared++;
        } else {
          expect(low ?? null, `${months} ${cell.measure} ${cell.column}`).toBeNull();
        }
      }
    }
    expect(compared).toBe(2 * 4 * 5); // two horizons, four measures with ranges, baseline and four scenarios
    // Month by month too: the spend chart's figures against the Projections sheet.
    const projections = utils.sheet_to_json<Record<string, number>>(book.Sheets.Projections!, { raw: true });
    const figures = await page.locator('#results-cost-caption tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => Number(td.getAttribute('data-value')))));
    figures.forEach((row, t) => {
      expect(row.slice(0, 3), `month ${t}`).toEqual([projections[t]!['Baseline: spend in month (£)'], projections[t]!['Baseline: spend in month (£) p10'], projections[t]!['Baseline: spend in month (£) p90']]);
    });
  }, 60_000); // waits up to 60 s for the ranges

  it('the downloaded export, rendered by LibreOffice, shows ranges as numbers', async () => {
    const out = path.join(shots, 'browser-export');
    mkdirSync(out, { recursive: true });
    execFileSync('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', out, path.join(shots, 'browser-export.xlsx')], { stdio: 'ignore', timeout: 120_000 });
    execFileSync('pdftoppm', ['-png', '-r', '70', '-f', '1', '-l', '1', '-singlefile', path.join(out, 'browser-export.pdf'), path.join(shots, 'browser-export-summary')]);
    const summary = utils.sheet_to_csv(book.Sheets.Summary!);
    const cells = utils.sheet_to_json<unknown[]>(book.Sheets.Summary!, { header: 1, raw: true }).flat();
    expect(cells.filter((c) => typeof c === 'string' && /^£?[\d,]+ to £?[\d,]+$/.test(c))).toEqual([]);
    expect(summary).toContain('24 months from Oct 2024 to Sep 2026');
  }, 180_000);
});
