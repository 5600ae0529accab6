// The Results step says, in plain words, how far to trust the projections: rolling-origin backtests over
// the workbook's own history (the demo authority here), with error by months ahead.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAppPage, type AppPage } from '../support/app-page.ts';

const shots = path.resolve(import.meta.dirname, '..', '..', 'test-results');
let opened: AppPage;

beforeAll(async () => {
  mkdirSync(shots, { recursive: true });
  opened = await openAppPage({ width: 1366, height: 768 });
});
afterAll(async () => opened?.close());

describe('calibration on the Results step', () => {
  it('says how far out the backtests were and how often the likely range held, by months ahead', async () => {
    const { page } = opened;
    await page.getByRole('navigation', { name: 'Steps' }).getByRole('button', { name: '4 Results' }).click();
    const panel = page.locator('section.calibration');
    await panel.getByRole('button', { name: 'Measure how far to trust them' }).click();
    await panel.getByText(/In backtests over your own history, children in care 12 months ahead were on average [\d.]+% out, and inside the likely range (\d+ times in 10|every time|almost never)/).waitFor({ timeout: 90_000 });
    await expect(panel.innerText()).resolves.toMatch(/children on plans 12 months ahead were on average/);
    const table = panel.getByRole('table', { name: 'Backtest error by months ahead' });
    await expect(table.innerText()).resolves.toMatch(/Children in care\s+[\d.]+% out, in range \d+ in 10/);
    await panel.scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(shots, 'screen-results-calibration.png') });
    expect(opened.problems).toEqual([]);
  }, 120_000);

  it('on a workbook of six months, says what is missing instead of figures', async () => {
    const { page } = opened;
    await page.getByRole('navigation', { name: 'Steps' }).getByRole('button', { name: '1 Data' }).click();
    await page.getByRole('button', { name: 'New workbook' }).click();
    await page.getByRole('dialog', { name: 'Which service is this workbook for?' }).getByRole('button', { name: /^Children’s services/ }).click();
    await page.waitForFunction(() => document.title.startsWith('Untitled workbook'));
    const fixture = path.resolve(import.meta.dirname, '../../../shared/fixtures/annex-a/liia-tools__Annex_A.xlsx');
    await page.getByLabel('Choose Annex A workbooks or CSV files to import').setInputFiles(fixture);
    await page.locator('p.counts[data-list="referrals"]').filter({ hasText: '6 accepted' }).waitFor({ timeout: 30_000 });
    await page.getByRole('navigation', { name: 'Steps' }).getByRole('button', { name: '4 Results' }).click();
    const panel = page.locator('section.calibration');
    await panel.getByRole('button', { name: 'Measure how far to trust them' }).click();
    await panel.locator('.calibration-missing').waitFor({ timeout: 60_000 });
    await expect(panel.locator('.calibration-missing').innerText()).resolves.toMatch(/^Your lists cover 5 complete months; a backtest needs at least 12: 6 to fit the model and more to compare with what happened. Add the extract from six months earlier \(taken on \d\d\/\d\d\/\d{4}\) and the one before it\.$/);
    await panel.scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(shots, 'screen-results-calibration-short.png') });
    expect(opened.problems).toEqual([]);
  }, 120_000);
});
