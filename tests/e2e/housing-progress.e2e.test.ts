// A big housing import in headless Chromium over the loopback bridge, with the backend in its worker
// thread: a new housing workbook takes the large synthetic authority's case list (about 60,000
// approaches) and TA list as CSV files; the window shows the progress bar in the housing service's words,
// Cancel stops the import and leaves the workbook as it was, and the import left to run reads every row.
// The backend's row counts are paced (paced-work.ts), so the reading lasts seconds on any machine.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { largeHousingLists } from '../../shared/synthetic/housing-bench.ts';
import { openAppPage, type AppPage } from '../support/app-page.ts';
import { projectRoot } from '../support/loopback-app.ts';

let opened: AppPage;
let page: Page;
const shots = path.join(projectRoot, 'test-results');
const n = (x: number) => x.toLocaleString('en-GB');

const lists = largeHousingLists();
const rowsOf = (csv: string) => csv.trimEnd().split('\n').length - 1;
const cases = rowsOf(lists.cases);
const ta = rowsOf(lists.ta);
const files = [
  { name: 'Cases.csv', mimeType: 'text/csv', buffer: Buffer.from(lists.cases) },
  { name: 'TA placements.csv', mimeType: 'text/csv', buffer: Buffer.from(lists.ta) },
];

beforeAll(async () => {
  mkdirSync(shots, { recursive: true });
  opened = await openAppPage({ width: 1366, height: 768, pacedImports: true });
  ({ page } = opened);
  page.setDefaultTimeout(60_000);
}, 120_000);
afterAll(async () => opened?.close());

const inWorkbook = (list: 'cases' | 'ta') => page.locator(`p.in-workbook[data-list="${list}"]`);
const importFiles = () => page.getByLabel('Choose the case list and the TA list (a workbook or CSV files) to import').setInputFiles(files);

describe('progress of a big housing import', { timeout: 120_000 }, () => {
  it('shows a bar in the housing service’s words, and Cancel leaves the workbook as it was', async () => {
    await page.getByRole('button', { name: 'New workbook' }).click();
    await page.getByRole('dialog', { name: 'Which service is this workbook for?' }).getByRole('button', { name: /^Housing: homelessness and temporary accommodation/ }).click();
    await page.waitForFunction(() => document.title.startsWith('Untitled housing workbook'));
    await inWorkbook('cases').filter({ hasText: 'In this workbook: 0 cases.' }).waitFor();
    const before = { cases: await inWorkbook('cases').innerText(), ta: await inWorkbook('ta').innerText() };

    await importFiles();
    const bar = page.getByRole('group', { name: 'Progress' });
    const reading = new RegExp(`^(Reading the case list: [\\d,]+ of ${n(cases)} rows|Reading the TA list: [\\d,]+ of ${n(ta)} rows)$`);
    await bar.locator('.work-words').filter({ hasText: reading }).waitFor({ timeout: 60_000 });
    // Words and count read together, so a change of stage between two reads cannot mix them.
    const shown = await bar.evaluate((group) => ({ words: group.querySelector('.work-words')?.textContent ?? '', max: group.querySelector('progress')?.getAttribute('max') ?? null }));
    expect(shown.words).toMatch(reading);
    expect(shown.max).toBe(String(shown.words.includes('case list') ? cases : ta));
    await page.screenshot({ path: path.join(shots, 'housing-import-progress.png') });
    await bar.getByRole('button', { name: 'Cancel' }).click({ timeout: 10_000 });
    await page.getByText('Cancelled: nothing was changed.').waitFor({ timeout: 60_000 });
    await expect(bar.count()).resolves.toBe(0);
    expect({ cases: await inWorkbook('cases').innerText(), ta: await inWorkbook('ta').innerText() }).toEqual(before);
    expect(await page.locator('p.counts[data-list="cases"]').count()).toBe(0);
    await expect(page.locator('.problem').count()).resolves.toBe(0);
  });

  it('left to run, reads every row of both lists and leaves no bar', async () => {
    await importFiles();
    await inWorkbook('cases').filter({ hasText: `In this workbook: ${n(cases)} cases.` }).waitFor({ timeout: 90_000 });
    await inWorkbook('ta').filter({ hasText: `In this workbook: ${n(ta)} TA placements.` }).waitFor();
    await page.locator('p.counts[data-list="cases"]').filter({ hasText: `${n(cases)} accepted, 0 rejected, 0 blank of ${n(cases)} rows read.` }).waitFor();
    await expect(page.getByRole('group', { name: 'Progress' }).count()).resolves.toBe(0);
    expect(opened.problems).toEqual([]);
  });
});
