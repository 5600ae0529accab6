// The whole app in headless Chromium: the real renderer build, the real backend, over the loopback
// transport of the bridge.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser.ts';
import { readWorkbook } from '../support/read-xlsx.ts';
import { projectRoot, requireRendererBuild, startLoopbackApp, type RunningApp } from '../support/loopback-app.ts';

let app: RunningApp;
let browser: Browser;
let page: Page;
const pageProblems: string[] = [];

// A server the page must not be able to reach: on this machine, so only the app's own rules can stop it.
let bystander: Server;
let bystanderHits = 0;

beforeAll(async () => {
  requireRendererBuild();
  app = await startLoopbackApp();
  bystander = createServer((_req, res) => {
    bystanderHits++;
    res.writeHead(200, { 'Access-Control-Allow-Origin': '*' }).end('reached');
  });
  await new Promise<void>((resolve) => bystander.listen(0, '127.0.0.1', resolve));
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  page.on('console', (msg) => {
    if (msg.type() === 'error') pageProblems.push(msg.text());
  });
  page.on('pageerror', (err) => pageProblems.push(err.message));
  await page.goto(app.server.launchUrl);
  await page.getByRole('heading', { name: '1. Data' }).waitFor();
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
  await new Promise<void>((resolve) => (bystander ? bystander.close(() => resolve()) : resolve()));
});

describe('the app in a browser over the loopback bridge', () => {
  it('opens on the demo workbook with the five steps visible, without errors', async () => {
    await page.getByRole('status').filter({ hasText: 'Demo workbook.' }).waitFor();
    const steps = await page.getByRole('navigation', { name: 'Steps' }).getByRole('button').allInnerTexts();
    expect(steps.map((s) => s.replace(/\s+/g, ' ').trim())).toEqual(['1 Data', '2 History', '3 Scenarios', '4 Results', '5 Export']);
    await page.getByText('Your data stays on this computer').waitFor();
    await page.waitForFunction(() => document.title === 'Demo authority (synthetic data) - Demand Workbook');
    mkdirSync(path.join(projectRoot, 'test-results'), { recursive: true });
    await page.screenshot({ path: path.join(projectRoot, 'test-results', 'first-screen.png') });
    expect(pageProblems).toEqual([]);
  });

  it('calls the backend end to end: a rename survives a reload', async () => {
    await page.getByLabel('Workbook name').fill('Northshire children 2026');
    await page.getByRole('button', { name: 'Rename' }).click();
    await page.waitForFunction(() => document.title.startsWith('Northshire children 2026'));
    await page.reload();
    await expect(page.getByLabel('Workbook name').inputValue()).resolves.toBe('Northshire children 2026');
  });

  it('saves the workbook as a file, starts another, and reopens the first with everything in it', async () => {
    await page.getByRole('button', { name: '1 Data' }).click();
    await page.getByRole('button', { name: 'Save as…' }).click();
    // The browser version asks for the name in the page.
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    const saved = page.getByText('Saved in');
    await saved.waitFor();
    const savedPath = (await saved.locator('code').innerText()).trim();
    expect(savedPath).toBe(path.join(app.dataFolder, 'workbooks', 'Northshire children 2026.dwb'));
    const rows = await page.getByText(/referrals, .* child protection plans and .* periods of care/).innerText();
    await page.getByRole('button', { name: 'New workbook' }).click();
    await page.getByRole('dialog', { name: 'Which service is this workbook for?' }).getByRole('button', { name: /^Children’s services/ }).click();
    await page.waitForFunction(() => document.title.startsWith('Untitled workbook'));
    await expect(page.getByLabel('Workbook name').inputValue()).resolves.toBe('Untitled workbook');
    await page.getByText('0 referrals, 0 child protection plans and 0 periods of care').waitFor();
    await page.getByRole('button', { name: 'Open Northshire children 2026' }).click();
    await page.waitForFunction(() => document.title.startsWith('Northshire'));
    await page.waitForFunction(() => document.title.startsWith('Northshire children 2026'));
    await expect(page.getByText(/referrals, .* child protection plans and .* periods of care/).innerText()).resolves.toBe(rows);
    await expect(page.getByText('Saved in').locator('code').innerText()).resolves.toBe(savedPath);
    await page.screenshot({ path: path.join(projectRoot, 'test-results', 'workbook-file.png') });
  });

  it('shows the data folder under Help, Where is my data', async () => {
    await page.getByRole('button', { name: 'Where is my data?' }).click();
    const dialog = page.getByRole('dialog', { name: 'Where is my data?' });
    await dialog.getByText(app.dataFolder).waitFor();
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect(dialog.isVisible()).resolves.toBe(false);
  });

  it('rejects a malformed payload sent through window.workbook with a clear error', async () => {
    const message = await page.evaluate(async () => {
      try {
        await (window as unknown as { workbook: { renameWorkbook(arg: unknown): Promise<unknown> } }).workbook.renameWorkbook({ title: '' });
        return 'accepted';
      } catch (err) {
        return (err as Error).message;
      }
    });
    expect(message).toBe('renameWorkbook argument 1, title: must not be empty');
    const unknown = await page.evaluate(async () => {
      const res = await fetch('./bridge/__proto__', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"args":[]}' });
      return res.status;
    });
    expect(unknown).toBe(404);
  });

  it('exports the demo workbook to Excel through the bridge, and the file reads back', async () => {
    await page.getByRole('button', { name: '5 Export' }).click();
    await page.getByRole('button', { name: 'Export to Excel' }).click();
    const status = page.getByRole('status').filter({ hasText: 'A copy is kept in' }); // the browser version downloads it, and keeps a copy
    await status.waitFor({ timeout: 60_000 });
    const savedPath = (await status.locator('code').innerText()).trim();
    expect(savedPath.startsWith(path.join(app.dataFolder, 'exports'))).toBe(true);
    const book = readWorkbook(readFileSync(savedPath));
    expect(book.SheetNames).toEqual(['Summary', 'Charts', 'Projections', 'Placement summary', 'Placements', 'Placement costs', 'History', 'Assumptions', 'Calibration', 'Data quality', 'About']);
    expect(book.Sheets.Summary!.A1!.v).toBe('Demand projections: Northshire children 2026');
    await page.screenshot({ path: path.join(projectRoot, 'test-results', 'export-step.png') });
  }, 60_000);

  it('cannot reach any address outside the app', async () => {
    const bystanderUrl = `http://127.0.0.1:${(bystander.address() as AddressInfo).port}/`;
    const outcomes = await page.evaluate(async (urls) => {
      const results: string[] = [];
      for (const url of urls) {
        try {
          await fetch(url, { mode: 'no-cors' });
          results.push(`reached ${url}`);
        } catch {
          results.push('blocked');
        }
      }
      return results;
    }, [bystanderUrl, 'https://example.org/', 'http://localhost:1/']);
    expect(outcomes).toEqual(['blocked', 'blocked', 'blocked']);
    // An image or script tag is the other way out: the CSP must stop those too.
    await page.evaluate((url) => {
      const img = document.createElement('img');
      img.src = `${url}pixel.png`;
      document.body.append(img);
      const script = document.createElement('script');
      script.src = `${url}tracker.js`;
      document.body.append(script);
    }, bystanderUrl);
    await page.waitForTimeout(300);
    expect(bystanderHits).toBe(0);
  });
});
