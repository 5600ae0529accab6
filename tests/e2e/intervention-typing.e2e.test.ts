// An analyst types an intervention's figures key by key, as people do, not pasted in one go: a minus sign
// typed first must give a negative effect, never the opposite sign or a figure far out of range.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAppPage, type AppPage } from '../support/app-page.ts';

let opened: AppPage;
let page: Page;

beforeAll(async () => {
  opened = await openAppPage({ width: 1366, height: 768 });
  ({ page } = opened);
});

afterAll(async () => opened?.close());

const step = (name: string) => page.getByRole('navigation', { name: 'Steps' }).getByRole('button', { name });

describe('typing an intervention figure key by key', () => {
  it('keeps the minus sign of an effect typed over the old one', async () => {
    await step('3 Scenarios').click();
    await page.getByRole('button', { name: 'New: a new normal' }).click();
    await page.getByLabel('Start from').selectOption({ label: 'Edge of care team' });
    await page.getByRole('button', { name: 'Add this intervention' }).click();
    const fields = page.locator('fieldset.intervention').first();
    const intoCare = fields.getByLabel('Change in children coming into care while it runs', { exact: true });
    await intoCare.click();
    await intoCare.press('Control+a');
    await page.keyboard.type('-20');
    await intoCare.press('Tab');
    expect(await intoCare.inputValue()).toBe('-20');

    const referrals = fields.getByLabel('Change in referrals while it runs', { exact: true });
    await referrals.click();
    await referrals.press('Control+a');
    await page.keyboard.type('-10');
    await referrals.press('Tab');
    expect(await referrals.inputValue()).toBe('-10');
  });
});
