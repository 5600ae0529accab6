// A big import in headless Chromium over the loopback bridge, with the backend in its worker thread:
// the window shows a progress bar with words while the rows are read, Cancel stops the import and
// leaves the workbook as it was, and an import left to run says when it saves (no Cancel then) and ends
// with every row accounted for. The backend's row counts are paced (paced-work.ts) so that the reading
// lasts seconds on any machine: how fast a machine reads 100,000 rows is the bench's business, not this.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvFiles } from '../../shared/synthetic/write-annex-a.ts';
import { largeSnapshot } from '../bench/bench-data.ts';
import { openAppPage, type AppPage } from '../support/app-page.ts';
import { projectRoot } from '../support/loopback-app.ts';

let opened: AppPage;
let page: Page;
const shots = path.join(projectRoot, 'test-results');

// 100,000 rows, 50 row counts of 2,000, each paced at 200 ms: at least 10 s of reading.
const rows = 100_000;
const referralsCsv = csvFiles(largeSnapshot(rows, 0, 0))[0]!;
const csv = Buffer.from(referralsCsv.bytes);

beforeAll(async () => {
  mkdirSync(shots, { recursive: true });
  opened = await openAppPage({ width: 1366, height: 768, pacedImports: true });
  ({ page } = opened);
  // Big files on a shared machine: give each step time.
  page.setDefaultTimeout(60_000);
});
afterAll(async () => opened?.close());

const importCsv = () => page.getByLabel('Choose Annex A workbooks or CSV files to import').setInputFiles({ name: referralsCsv.name, mimeType: 'text/csv', buffer: csv });
const counts = () => page.locator('p.counts[data-list="referrals"]').innerText();

describe('progress of a big import', { timeout: 180_000 }, () => {
  it('shows a bar with words while rows are read, and Cancel leaves the workbook as it was', async () => {
    await page.locator('p.counts[data-list="referrals"]').filter({ hasText: 'rows read' }).waitFor();
    const before = await counts();
    await importCsv();
    const bar = page.getByRole('group', { name: 'Progress' });
    const words = bar.locator('.work-words').filter({ hasText: /^Reading Referrals \(List 3\): [\d,]+ of 100,000 rows$/ });
    await words.waitFor({ timeout: 60_000 });
    // Words and count read together, so a change of count between two reads cannot mix them.
    const shown = await bar.evaluate((group) => ({ words: group.querySelector('.work-words')?.textContent ?? '', max: group.querySelector('progress')?.getAttribute('max') ?? null, value: group.querySelector('progress')?.getAttribute('value') ?? null }));
    expect(shown.max).toBe(String(rows));
    expect(shown.words).toBe(`Reading Referrals (List 3): ${Number(shown.value).toLocaleString('en-GB')} of 100,000 rows`);
    await bar.getByRole('button', { name: 'Cancel' }).click({ timeout: 10_000 });
    await page.getByText('Cancelled: nothing was changed.').waitFor({ timeout: 60_000 });
    await expect(bar.count()).resolves.toBe(0);
    expect(await counts()).toBe(before);
    await expect(page.locator('.problem').count()).resolves.toBe(0);
  });

  it('left to run, ends with every row accounted for and no bar', async () => {
    await importCsv();
    // A picture of the bar for the record, if the import lasts long enough to show it.
    await page
      .getByRole('group', { name: 'Progress' })
      .waitFor({ timeout: 5_000 })
      .then(() => page.screenshot({ path: path.join(shots, 'import-progress.png') }))
      .catch(() => undefined);
    const done = page.locator('p.counts[data-list="referrals"]').filter({ hasText: `of ${rows.toLocaleString('en-GB')} rows read` });
    // Once the lists are being saved, the bar says so and offers no Cancel (it could not be honoured).
    const bar = page.getByRole('group', { name: 'Progress' });
    const saving = bar.locator('.work-words').filter({ hasText: 'Saving the lists to the workbook' });
    const sawSaving = await Promise.race([saving.waitFor({ timeout: 180_000 }).then(() => true), done.waitFor({ timeout: 180_000 }).then(() => false)]);
    if (sawSaving) {
      expect(await bar.getByRole('button', { name: 'Cancel' }).count()).toBe(0);
      await page.screenshot({ path: path.join(shots, 'import-saving.png') });
    }
    await done.waitFor({ timeout: 180_000 });
    expect(await counts()).toBe(`${rows.toLocaleString('en-GB')} accepted, 0 rejected, 0 blank of ${rows.toLocaleString('en-GB')} rows read.`);
    await expect(page.getByRole('group', { name: 'Progress' }).count()).resolves.toBe(0);
    expect(opened.problems).toEqual([]);
  });
});
