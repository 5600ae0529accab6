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

  it('takes a half-typed decimal as it is typed, without rewriting it', async () => {
    const fields = page.locator('fieldset.intervention').first();
    const intoCare = fields.getByLabel('Change in children coming into care while it runs', { exact: true });
    await intoCare.click();
    await intoCare.press('Control+a');
    await page.keyboard.type('-7.5');
    expect(await intoCare.inputValue()).toBe('-7.5');
    await intoCare.press('Enter');
    expect(await intoCare.inputValue()).toBe('-7.5');
    // The slider moves in whole percents; the figure in use is the one typed.
    await page.locator('.in-words').filter({ hasText: '7.5% fewer children come into care' }).waitFor();
  });

  it('refuses a figure out of range naming the field, keeping the last good one', async () => {
    const fields = page.locator('fieldset.intervention').first();
    const cost = fields.getByLabel('Running cost', { exact: true });
    await cost.click();
    await cost.press('Control+a');
    await page.keyboard.type('-5000');
    await cost.press('Tab');
    expect(await cost.inputValue()).toBe('-5000');
    await expect(cost.getAttribute('aria-invalid')).resolves.toBe('true');
    await fields.getByRole('alert').filter({ hasText: 'Edge of care team, running cost: must be between 0 and 5,000,000 £ a year; 400,000 £ a year is kept until then.' }).waitFor();
    await expect(fields.getByLabel('Running cost (slider)').inputValue()).resolves.toBe('400000');

    const referrals = fields.getByLabel('Change in referrals while it runs', { exact: true });
    await referrals.click();
    await referrals.press('Control+a');
    await page.keyboard.type('-150');
    await referrals.press('Tab');
    expect(await referrals.inputValue()).toBe('-150');
    await fields.getByRole('alert').filter({ hasText: 'Edge of care team, change in referrals while it runs: must be between -100 and 100 %; -10 % is kept until then.' }).waitFor();
    await page.locator('fieldset.interventions').screenshot({ path: 'test-results/screen-intervention-refused.png' });

    // Corrected, the message goes and the figure is used.
    await cost.click();
    await cost.press('Control+a');
    await page.keyboard.type('250000');
    await cost.press('Tab');
    await expect(cost.getAttribute('aria-invalid')).resolves.toBe('false');
    await expect(fields.getByLabel('Running cost (slider)').inputValue()).resolves.toBe('250000');
  });

  it('goes back to the figure it had when a box is emptied and left, or on Escape', async () => {
    const fields = page.locator('fieldset.intervention').first();
    const cost = fields.getByLabel('Running cost', { exact: true });
    // Deleting 250000 digit by digit passes through 2500 and 25: neither is kept.
    await cost.click();
    await cost.press('End');
    for (let i = 0; i < 6; i++) await cost.press('Backspace');
    expect(await cost.inputValue()).toBe('');
    await cost.press('Tab');
    expect(await cost.inputValue()).toBe('250000');
    await expect(fields.getByLabel('Running cost (slider)').inputValue()).resolves.toBe('250000');

    const months = page.getByLabel('Plans per social worker', { exact: true });
    const before = await months.inputValue();
    await months.click();
    await months.press('Control+a');
    await page.keyboard.type('4');
    expect(await months.inputValue()).toBe('4');
    await months.press('Escape');
    expect(await months.inputValue()).toBe(before);
    await expect(page.getByLabel('Plans per social worker (slider)').inputValue()).resolves.toBe(before);
  });
});
