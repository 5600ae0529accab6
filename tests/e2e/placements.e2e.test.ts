// Issue 11 point 6 as an analyst meets it in the browser version at 1366x768 on the demo (List 8 alone):
// History shows children in care by placement type, stacked, with the figures beneath and honest words on
// a history List 8 can only look back on; Scenarios has placement shifts and weekly costs by type and
// provider, refuses a figure out of range naming the field and keeps the rest, and keeps the edits in the
// workbook; Results shows children and spend by placement type, baseline against the scenario with likely
// ranges, and changes as the settings do; the Excel export has the very same figures.
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { utils } from '@e965/xlsx';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAppPage, type AppPage } from '../support/app-page.ts';
import { axeViolations } from '../support/axe.ts';
import { projectRoot } from '../support/loopback-app.ts';
import { readWorkbook } from '../support/read-xlsx.ts';

let opened: AppPage;
let page: Page;
const shots = path.join(projectRoot, 'test-results');
const step = (name: string) => page.getByRole('navigation', { name: 'Steps' }).getByRole('button', { name });
const residential = 'Children’s homes and residential settings';
const cell = (months: number, group: string, column: string) => page.locator(`table.placement-table[data-months-ahead="${months}"] tr[data-group="${group}"] td[data-column="${column}"]`);

beforeAll(async () => {
  mkdirSync(shots, { recursive: true });
  opened = await openAppPage({ width: 1366, height: 768, bypassCSP: true });
  page = opened.page;
});
afterAll(async () => opened?.close());

async function rangesWorkedOut(): Promise<void> {
  await page.waitForFunction(() => document.querySelector('.ranges-status')?.textContent === '' && document.querySelectorAll('.range.pending').length === 0, undefined, { timeout: 60_000 });
}

async function figures(months: number, group: string, column: string) {
  const td = cell(months, group, column);
  await td.waitFor();
  return { children: Number(await td.getAttribute('data-value')), low: Number(await td.getAttribute('data-low')), high: Number(await td.getAttribute('data-high')), spend: Number(await td.getAttribute('data-spend')) };
}

describe('placements on the screens and in the export', () => {
  it('History: children in care by placement type, stacked, the figures beneath adding up to the children looked after, and what List 8 cannot tell', async () => {
    await step('2 History').click();
    const section = page.locator('section.placement-history');
    await section.getByRole('heading', { name: 'Children in care by placement type' }).waitFor({ timeout: 60_000 });
    expect(await section.locator('canvas').count()).toBe(1);
    await expect(section.locator('.placement-source').innerText()).resolves.toMatch(/^From List 8 alone, which gives each child’s current placement only.*SSDA903 returns give every placement/);
    const table = section.locator('table.placement-history-table');
    expect(await table.locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-group')))).toEqual(['foster', 'adoption', 'parents', 'independent', 'residential', 'secure', 'other', 'total']);
    expect(await table.locator('thead th').allInnerTexts()).toEqual(['Placement type', 'Sep 2022', 'Mar 2023', 'Sep 2023', 'Mar 2024', 'Sep 2024', 'Share in Sep 2024']);
    // The groups add up to the children looked after at the same month end, as the chart above counts them.
    const lastMonth = await table.locator('td[data-month="2024-09"]').evaluateAll((tds) => tds.map((td) => Number(td.getAttribute('data-value'))));
    const total = Number(await table.locator('tr[data-group="total"] td').nth(4).getAttribute('data-value'));
    expect(lastMonth.reduce((a, b) => a + b, 0)).toBe(total);
    await page.locator('#history-cla-caption summary').click();
    const claOpen = await page.locator('#history-cla-caption tbody tr').last().locator('td').first().getAttribute('data-value');
    expect(Number(claOpen)).toBe(total);
    await page.locator('#history-cla-caption summary').click();
    await section.scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(shots, 'placements-history-1366x768.png') });
    expect(await axeViolations(page)).toEqual([]);
  }, 60_000);

  let before: Awaited<ReturnType<typeof figures>>;
  it('Results before any placement setting: the scenario’s residential figures are the baseline’s, with likely ranges', async () => {
    await step('3 Scenarios').click();
    await page.getByRole('button', { name: 'New: a new normal' }).click();
    await page.getByRole('heading', { name: 'Settings of “New normal”' }).waitFor();
    await step('4 Results').click();
    await rangesWorkedOut();
    before = await figures(24, 'residential', 'New normal');
    const base = await figures(24, 'residential', 'Baseline');
    expect(before.low).toBeLessThan(before.children);
    expect(before.high).toBeGreaterThan(before.children);
    // Only referrals change in a new normal: residential care grows with the rest, no more.
    expect(Math.abs(before.children / base.children - 1)).toBeLessThan(0.08);
  });

  it('Scenarios: a placement shift and a weekly cost, each refused out of range naming the field, the rest kept, and kept in the workbook', async () => {
    await step('3 Scenarios').click();
    await page.getByRole('button', { name: 'Add a placement shift' }).click();
    const shift = page.getByRole('group', { name: 'Placement shift 1' });
    await expect(shift.getByLabel('From the children who would be in').inputValue()).resolves.toBe('residential');
    await expect(shift.getByLabel('Placed instead in').inputValue()).resolves.toBe('foster');
    const share = shift.getByLabel('Share placed elsewhere', { exact: true });
    await share.fill('150');
    await shift.getByRole('alert').filter({ hasText: 'Placement shift 1, share placed elsewhere: must be between 0 and 100 %; 10 % is kept until then.' }).waitFor();
    await share.fill('30');
    await expect(shift.getByRole('alert').count()).resolves.toBe(0);
    await shift.getByLabel('Phased in over', { exact: true }).fill('6');
    await shift.locator('.shift-words').filter({ hasText: 'Of the children who would be in children’s homes and residential settings, 30% are in fostering instead, phased in over 6 months from 1 October 2024.' }).waitFor();
    // The slider moves with the keyboard too.
    const slider = shift.getByRole('slider', { name: 'Share placed elsewhere (slider)' });
    await slider.focus();
    await slider.press('ArrowRight');
    await expect(share.inputValue()).resolves.toBe('31');
    await slider.press('ArrowLeft');
    await expect(share.inputValue()).resolves.toBe('30');

    const privateHomes = page.getByLabel(`${residential}, private (PR4-PR5), £ a week`);
    await expect(privateHomes.inputValue()).resolves.toBe('3830');
    await expect(page.locator('tr[data-group="residential"] td[data-side="private"] .cost-source').innerText()).resolves.toContain('CMA children’s social care market study');
    await privateHomes.fill('60000');
    await page.getByRole('alert').filter({ hasText: `${residential}, private (PR4-PR5): the weekly cost must be between £0 and £50,000; £3,830 is kept until then.` }).waitFor();
    // Nothing else was lost meanwhile.
    await expect(share.inputValue()).resolves.toBe('30');
    await privateHomes.fill('6000');
    await page.locator('tr[data-group="residential"] td[data-side="private"] .cost-source').filter({ hasText: 'Yours.' }).waitFor();
    await expect(page.getByRole('button', { name: `Use the default, £3,830 for ${residential}, private (PR4-PR5)` }).count()).resolves.toBe(1);
    await expect(page.locator('.in-words').first().innerText()).resolves.toContain('Your own weekly costs for children’s homes and residential settings.');
    await shift.scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(shots, 'placements-scenarios-1366x768.png') });
    expect(await axeViolations(page)).toEqual([]);

    // Kept in the workbook: after a reload the same settings come back.
    await page.waitForTimeout(800);
    await page.reload();
    await page.getByRole('heading', { name: '1. Data' }).waitFor({ timeout: 60_000 });
    await step('3 Scenarios').click();
    await page.getByRole('heading', { name: 'Settings of “New normal”' }).waitFor({ timeout: 60_000 });
    await expect(page.getByRole('group', { name: 'Placement shift 1' }).getByLabel('Share placed elsewhere', { exact: true }).inputValue()).resolves.toBe('30');
    await expect(page.getByLabel(`${residential}, private (PR4-PR5), £ a week`).inputValue()).resolves.toBe('6000');
    // Weekly costs are the workbook's: every scenario, and one added now, has them.
    const list = page.locator('section.scenario-list');
    for (const name of await list.locator('li > button[aria-pressed="false"]').allInnerTexts()) {
      if (!name.trim()) continue;
      await list.getByRole('button', { name: name.trim(), exact: true }).click();
      await page.getByRole('heading', { name: `Settings of “${name.trim()}”` }).waitFor();
      await expect(page.getByLabel(`${residential}, private (PR4-PR5), £ a week`).inputValue()).resolves.toBe('6000');
    }
    await list.getByRole('button', { name: 'New normal', exact: true }).click();
    await page.getByRole('heading', { name: 'Settings of “New normal”' }).waitFor();
  }, 60_000);

  let after: Awaited<ReturnType<typeof figures>>;
  it('Results: residential children fall by about the shift, its spend follows the new weekly cost, in figures and in words', async () => {
    await step('4 Results').click();
    await rangesWorkedOut();
    after = await figures(24, 'residential', 'New normal');
    // 30% of residential care moved to fostering by Sep 2026, the total in care unchanged.
    expect(after.children / before.children).toBeGreaterThan(0.66);
    expect(after.children / before.children).toBeLessThan(0.74);
    expect(after.high).toBeLessThan(before.high);
    // The groups still add up to all the children in care.
    const groupsTotal = await page.locator('table.placement-table[data-months-ahead="24"] tbody tr:not(.total) td[data-column="New normal"]').evaluateAll((tds) => tds.reduce((sum, td) => sum + Number(td.getAttribute('data-value')), 0));
    expect(groupsTotal).toBeCloseTo((await figures(24, 'total', 'New normal')).children, 6);
    // Fewer children, but the private ones at £6,000 a week, not £3,830: spend per child rises.
    expect(after.spend / after.children).toBeGreaterThan((before.spend / before.children) * 1.1);
    const sentence = await page.locator('.placement-sentences li[data-group="residential"]').innerText();
    expect(sentence).toMatch(new RegExp(`^${residential}: \\d+ children now \\(Sep 2024\\), about \\d+ in Sep 2026 \\(likely \\d+ to \\d+\\), £[\\d,]+ in the 12 months to Sep 2026\\. Under New normal: about ${Math.round(after.children)} \\(likely ${Math.round(after.low)} to ${Math.round(after.high)}\\)`));
    await page.locator('section.placement-results').scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(shots, 'placements-results-1366x768.png') });
    await page.locator('table.placement-table[data-months-ahead="24"]').scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(shots, 'placements-results-table-1366x768.png') });
    expect(await axeViolations(page)).toEqual([]);
  }, 60_000);

  it('the export has the same placement figures as the screen, to the hundredth of a child and to the pound', async () => {
    await step('5 Export').click();
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.getByRole('button', { name: 'Export to Excel' }).click()]);
    const book = readWorkbook(readFileSync((await download.path())!));
    const rows = utils.sheet_to_json<unknown[]>(book.Sheets['Placement summary']!, { header: 1, raw: true });
    const heading = rows.findIndex((r) => r[0] === 'In Sep 2026 (24 months ahead)');
    expect(heading).toBeGreaterThan(0);
    const header = rows[heading + 1] as string[];
    const row = rows.find((r, i) => i > heading && r[0] === residential)!;
    expect(row[header.indexOf('New normal: children')]).toBe(after.children);
    expect(row[header.indexOf('New normal: likely from (p10)')]).toBe(after.low);
    expect(row[header.indexOf('New normal: £ in the 12 months to Sep 2026')]).toBe(Math.round(after.spend));
    // The baseline month by month on the Placements sheet, as on the Results step.
    await step('4 Results').click();
    const base = await figures(24, 'residential', 'Baseline');
    const monthly = utils.sheet_to_json<unknown[]>(book.Sheets.Placements!, { header: 1, raw: true });
    const columns = monthly[2] as string[];
    expect(monthly[2 + 24]![columns.indexOf(`${residential}: children`)]).toBe(base.children);
    // And the sentence, word for word.
    const words = rows.flat().filter((c): c is string => typeof c === 'string' && c.startsWith(`${residential}:`));
    expect(words).toEqual([await page.locator('.placement-sentences li[data-group="residential"]').innerText()]);
  }, 60_000);
});
