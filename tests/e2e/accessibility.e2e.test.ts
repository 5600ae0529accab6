// axe-core on every main screen, at the size of a council laptop and at 200% zoom.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAppPage, type AppPage } from '../support/app-page.ts';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
let opened: AppPage;
let page: Page;

beforeAll(async () => {
  // Only this test's page lets axe's own script in past the app's Content-Security-Policy.
  opened = await openAppPage({ bypassCSP: true });
  page = opened.page;
});

afterAll(async () => opened?.close());

async function violations(): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: axeSource });
  const result = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: Array<{ id: string; nodes: Array<{ target: string[] }> }> }> } }).axe;
    return axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] } });
  });
  return result.violations.map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
}

describe('accessibility', () => {
  for (const [name, ready] of [
    ['1 Data', 'Referrals (List 3)'],
    ['2 History', 'What the model estimates from your lists'],
    ['3 Scenarios', 'Your scenarios'],
    ['4 Results', 'How well would the model have done? (backtest)'],
    ['5 Export', 'Excel workbook'],
  ] as const) {
    it(`axe finds no violations on ${name}`, async () => {
      await page.getByRole('navigation', { name: 'Steps' }).getByRole('button', { name }).click();
      await page.getByRole('heading', { name: ready, exact: true }).waitFor({ timeout: 30_000 });
      if (name === '3 Scenarios' && (await page.getByRole('button', { name: 'New: another lockdown' }).count())) {
        await page.getByRole('button', { name: 'New: another lockdown' }).click();
        await page.getByRole('heading', { name: /Settings of/ }).waitFor();
      }
      expect(await violations()).toEqual([]);
    });
  }

  it('stays usable at 200% zoom: no sideways scrolling of the page at 640 CSS pixels wide', async () => {
    await page.setViewportSize({ width: 640, height: 360 }); // 1280 x 720 at 200%
    for (const name of ['1 Data', '3 Scenarios', '4 Results']) {
      await page.getByRole('navigation', { name: 'Steps' }).getByRole('button', { name }).click();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, name).toBeLessThanOrEqual(1);
    }
  });
});
