// A housing workbook in headless Chromium at 1366x768 over the loopback bridge with the real backend: New
// workbook asks which service; the case list and the TA list pasted from the synthetic housing authority's
// CSV are counted; a reload keeps them; an issue in a pasted list shows its row.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDelimitedRows, formatDelimited } from '../../shared/import/text/delimited.ts';
import { simulateHousing, writeHousingLists } from '../../shared/synthetic/housing-authority.ts';
import { openAppPage, type AppPage } from '../support/app-page.ts';
import { listGrids } from '../support/list-grids.ts';
import { projectRoot } from '../support/loopback-app.ts';

let opened: AppPage;
let page: Page;
const shots = path.join(projectRoot, 'test-results');
const n = (x: number) => x.toLocaleString('en-GB');
const labels = { cases: 'Case list', ta: 'Temporary accommodation list' } as const;
type List = keyof typeof labels;
const lists = writeHousingLists(simulateHousing({ seed: 5, from: '2021-01-01', to: '2024-09-30' }), '2023-04-01', '2024-09-30');
// Excel puts tab-separated rows on the clipboard.
const clipboard = (csv: string) => formatDelimited(parseDelimitedRows(csv).rows.map((r) => r.map((c) => String(c ?? ''))));
const rowsOf = (csv: string) => csv.trimEnd().split('\n').length - 1;

beforeAll(async () => {
  mkdirSync(shots, { recursive: true });
  opened = await openAppPage({ width: 1366, height: 768, clipboard: true });
  page = opened.page;
}, 120_000);

afterAll(async () => opened?.close());

const { counts, pasteInto } = listGrids(() => page, labels);
const inWorkbook = (list: List) => page.locator(`p.in-workbook[data-list="${list}"]`);

describe('a housing workbook', () => {
  it('is started by choosing the service when a new workbook starts', async () => {
    await page.getByRole('button', { name: 'New workbook' }).click();
    const dialog = page.getByRole('dialog', { name: 'Which service is this workbook for?' });
    await dialog.waitFor();
    await page.screenshot({ path: path.join(shots, 'housing-service-choice.png') });
    await dialog.getByRole('button', { name: /^Housing: homelessness and temporary accommodation/ }).click();
    await page.waitForFunction(() => document.title.startsWith('Untitled housing workbook'));
    await page.getByRole('heading', { name: labels.cases }).waitFor();
    await page.getByRole('heading', { name: labels.ta }).waitFor();
    expect(await page.getByRole('heading', { name: 'Referrals (List 3)' }).count()).toBe(0);
    expect(await inWorkbook('cases').innerText()).toBe('In this workbook: 0 cases.');
  }, 60_000);

  it('counts both lists pasted from the generator’s CSV, and keeps them through a reload', async () => {
    const cases = rowsOf(lists.cases);
    const ta = rowsOf(lists.ta);
    await pasteInto('cases', clipboard(lists.cases));
    await counts('cases').filter({ hasText: `${n(cases)} accepted, 0 rejected, 0 blank of ${n(cases)} rows read.` }).waitFor({ timeout: 60_000 });
    await pasteInto('ta', clipboard(lists.ta));
    await counts('ta').filter({ hasText: `${n(ta)} accepted, 0 rejected, 0 blank of ${n(ta)} rows read.` }).waitFor({ timeout: 60_000 });
    await inWorkbook('ta').filter({ hasText: `In this workbook: ${n(ta)} TA placements.` }).waitFor({ timeout: 20_000 });
    // Households placed before the export's start are kept, and the TA list says how many.
    await page.getByText(/placements \(.* households\) in the TA list have no case in the case list: they were kept/).waitFor();
    await page.screenshot({ path: path.join(shots, 'housing-data-step.png') });

    await page.reload();
    await page.getByRole('heading', { name: '1. Data' }).waitFor();
    await inWorkbook('cases').filter({ hasText: `In this workbook: ${n(cases)} cases.` }).waitFor({ timeout: 30_000 });
    await inWorkbook('ta').filter({ hasText: `In this workbook: ${n(ta)} TA placements.` }).waitFor();
    await counts('ta').filter({ hasText: `${n(ta)} accepted` }).waitFor();
    await page.getByText(`A housing workbook: ${n(cases)} cases and ${n(ta)} TA placements in this workbook.`).waitFor();
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: path.join(shots, 'housing-data-top.png') });
  }, 180_000);

  it('shows the row of a TA placement that ends before it starts', async () => {
    const bad = 'Case ID\tDate placed\tDate left\tType of temporary accommodation\nH1\t10/01/2024\t05/01/2024\tBed and breakfast\nH2\t12/01/2024\t\tHostel\n';
    await pasteInto('ta', bad);
    const dialog = page.getByRole('alertdialog');
    await dialog.waitFor({ timeout: 30_000 });
    expect(await dialog.innerText()).toContain(`Replace the ${n(rowsOf(lists.ta))} TA placements in this workbook with the 1 TA placement you pasted?`);
    await dialog.getByRole('button', { name: 'Replace' }).click();
    await counts('ta').filter({ hasText: '1 accepted, 1 rejected, 0 blank of 2 rows read.' }).waitFor({ timeout: 30_000 });
    const panel = page.locator('section').filter({ has: page.getByRole('heading', { name: labels.ta }) });
    await panel.getByText('Rejected: row 2, Date left: ends (05/01/2024) before it starts (10/01/2024); check both dates').waitFor();
    await panel.getByRole('button', { name: 'Show row 2' }).click();
    await page.getByRole('button', { name: 'Undo', exact: true }).click();
    await inWorkbook('ta').filter({ hasText: `In this workbook: ${n(rowsOf(lists.ta))} TA placements.` }).waitFor({ timeout: 30_000 });
    expect(opened.problems).toEqual([]);
  }, 120_000);
});
