// Issue 15, point 2, in the browser: a List 3 pasted with month-first dates is noticed, the question is
// asked in words with examples from the data, nothing is stored until the person answers, and after they
// confirm every row is read the right way round.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { annexASnapshot } from '../../shared/synthetic/annex-a-snapshot.ts';
import { clipboardText } from '../../shared/synthetic/write-annex-a.ts';
import { openAppPage, type AppPage } from '../support/app-page.ts';
import { axeViolations } from '../support/axe.ts';
import { generated } from '../support/generated-extracts.ts';
import { projectRoot } from '../support/loopback-app.ts';
import { monthFirst } from '../support/month-first.ts';

let opened: AppPage;
let page: Page;
const shots = path.join(projectRoot, 'test-results');

beforeAll(async () => {
  mkdirSync(shots, { recursive: true });
  // axe's script is let in past the Content-Security-Policy to check the question.
  opened = await openAppPage({ width: 1366, height: 768, clipboard: true, bypassCSP: true });
  page = opened.page;
});

afterAll(async () => opened?.close());

// What the workbook holds, through the same bridge the screens use.
const referralDates = () =>
  page.evaluate(async () => {
    const bridge = (window as unknown as { workbook: { getWorkbookData(): Promise<{ dataset: { referrals: Array<{ referralDate: string }> } }> } }).workbook;
    return (await bridge.getWorkbookData()).dataset.referrals.map((r) => r.referralDate).sort();
  });

describe('a List 3 pasted with month-first dates', () => {
  it('is asked about, and after confirming every row is read the right way round', async () => {
    const snapshot = annexASnapshot(generated(77, { to: '2024-09-30' }), '2024-09-30');
    const rows = snapshot.referrals;
    const expected = rows.map((r) => r['Date of referral'] as string).sort();
    const before = await referralDates();

    await page.evaluate((t) => navigator.clipboard.writeText(t), monthFirst(clipboardText(snapshot, 'referrals', true)));
    await page.getByRole('grid', { name: 'Referrals (List 3): paste rows from Excel here with Ctrl+V' }).click();
    await page.keyboard.press('Control+V');

    const question = page.getByRole('region', { name: 'How are the dates written?' });
    await question.waitFor({ timeout: 30_000 });
    const referralQuestion = question.getByRole('group', { name: /^In List 3, Date of referral, dates like/ });
    await expect(referralQuestion.locator('legend').innerText()).resolves.toMatch(
      /^In List 3, Date of referral, dates like \d\d\/\d\d\/2024 and \d\d\/\d\d\/2024 could be \d+ \w+ or \d+ \w+\. Your column also has \d\d\/\d\d\/\d{4}, which only makes sense month first\. How are the dates in this column written\?$/,
    );
    // The column's own dates point to month first, and the choice says what it means with one of them.
    const monthFirstChoice = referralQuestion.getByRole('radio', { name: /^Month first \(mm\/dd\/yyyy\): \d\d\/\d\d\/2024 is \d+ \w+ 2024$/ });
    await expect(monthFirstChoice.isChecked()).resolves.toBe(true);
    await expect(question.getByRole('group').count()).resolves.toBe(2); // Date of referral and Date of Birth
    // Nothing was stored while the question is open.
    await expect(referralDates()).resolves.toEqual(before);
    await page.screenshot({ path: path.join(shots, 'screen-date-question.png') });
    await expect(axeViolations(page, '.date-question')).resolves.toEqual([]);

    await question.getByRole('button', { name: 'Read the dates this way' }).click();
    await page.locator('p.counts[data-list="referrals"]').filter({ hasText: `${rows.length.toLocaleString('en-GB')} accepted, 0 rejected, 0 blank of ${rows.length.toLocaleString('en-GB')} rows read.` }).waitFor({ timeout: 30_000 });
    await expect(question.count()).resolves.toBe(0);
    await expect(referralDates()).resolves.toEqual(expected);

    // Asked once: the next import (here, giving the extract date) carries the answer and asks nothing.
    await page.getByLabel('Date the lists were extracted (optional)').fill('30/09/2024');
    await page.getByLabel('Date the lists were extracted (optional)').blur();
    await page.getByText(/No extract date was given/).waitFor({ state: 'detached', timeout: 30_000 });
    await expect(question.count()).resolves.toBe(0);
    await expect(referralDates()).resolves.toEqual(expected);
    await page.getByText('Dates read as you said: Date of referral in List 3, month first; Date of Birth in List 3, month first.').waitFor();
    await page.screenshot({ path: path.join(shots, 'screen-date-answered.png') });

    // The person can change their mind: asked again, nothing changes until they answer.
    await page.getByRole('button', { name: 'Ask me again' }).click();
    await question.waitFor({ timeout: 30_000 });
    await expect(referralDates()).resolves.toEqual(expected);
    expect(opened.problems).toEqual([]);
  }, 120_000);
});
