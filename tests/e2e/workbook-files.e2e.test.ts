// Workbook files in the browser version (issue 15, points 8 and 13): Save as asks for a name in the page,
// saves into the app data folder's workbooks folder, says where it went, and never replaces an earlier
// file; a workbook damaged while the app was closed is refused in words at the next start.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WorkbookStore } from '../../electron/backend/storage/workbook-store.ts';
import { openAppPage, type AppPage } from '../support/app-page.ts';
import { launchBrowser } from '../support/browser.ts';
import { projectRoot, startLoopbackApp } from '../support/loopback-app.ts';

let app: AppPage;
const shots = path.join(projectRoot, 'test-results');

beforeAll(async () => {
  app = await openAppPage({ width: 1366, height: 768 });
  mkdirSync(shots, { recursive: true });
});

afterAll(async () => {
  await app?.close();
});

describe('Save as in the browser version', () => {
  it('asks for a name, saying which folder the workbook goes to; Cancel saves nothing', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Save as…' }).click();
    const form = page.getByRole('form', { name: 'Save as' });
    await form.waitFor();
    await expect(form.getByLabel('File name').inputValue()).resolves.toBe('Demo authority (synthetic data)');
    await form.getByText(path.join(app.app.dataFolder, 'workbooks')).waitFor();
    await form.getByLabel('File name').fill('Northshire budget 2027');
    await form.scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(shots, 'save-as-name.png') });
    await form.getByRole('button', { name: 'Cancel' }).click();
    await expect(form.count()).resolves.toBe(0);
    expect(existsSync(path.join(app.app.dataFolder, 'workbooks'))).toBe(false);
  });

  it('saves under the name given and says where; the same name again gets a number, replacing nothing', async () => {
    const { page } = app;
    const saveAs = async (name: string) => {
      await page.getByRole('button', { name: 'Save as…' }).click();
      await page.getByLabel('File name').fill(name);
      await page.getByRole('button', { name: 'Save', exact: true }).click();
    };
    await saveAs('Northshire budget 2027');
    const first = path.join(app.app.dataFolder, 'workbooks', 'Northshire budget 2027.dwb');
    const said = page.getByText('Saved as “Northshire budget 2027.dwb” in the app data folder’s workbooks folder:');
    await said.waitFor();
    await expect(said.locator('code').innerText()).resolves.toBe(first);
    await expect(page.getByText('Saved in').locator('code').innerText()).resolves.toBe(first);
    expect(existsSync(first)).toBe(true);
    await said.scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(shots, 'save-as-saved.png') });

    await saveAs('Northshire budget 2027');
    const second = path.join(app.app.dataFolder, 'workbooks', 'Northshire budget 2027 (2).dwb');
    await page.getByText('Saved as “Northshire budget 2027 (2).dwb”').waitFor();
    expect(existsSync(second)).toBe(true);
    expect(app.problems).toEqual([]);
  });
});

describe('a workbook damaged while the app was closed', () => {
  it('is refused in words at the next start, and the demo opens instead', async () => {
    const app = await startLoopbackApp(undefined, (dataFolder) => {
      // The workbook open when the app last closed lost its list of children in care to another program.
      const file = path.join(dataFolder, 'workbooks', 'Northshire.dwb');
      mkdirSync(path.dirname(file), { recursive: true });
      const store = WorkbookStore.create(file, { title: 'Northshire', createdAt: '2026-11-30T09:00:00.000Z', isDemo: false, pseudonymKey: new Uint8Array(32).fill(3) });
      store.close();
      const db = new Database(file);
      db.exec('DROP TABLE cla');
      db.close();
      writeFileSync(path.join(dataFolder, 'last-open.json'), JSON.stringify({ file, chosen: file }));
    });
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
      await page.goto(app.server.launchUrl);
      const notice = page.getByRole('status').filter({ hasText: 'could not be reopened' });
      await notice.waitFor();
      await expect(notice.innerText()).resolves.toBe(
        'The workbook open when the app last closed could not be reopened. "Northshire.dwb" is damaged: it has lost its children in care (List 8), perhaps changed by another program. It was not opened and has not been changed. Open a copy you saved earlier, or start a new workbook and import the lists again.',
      );
      await page.getByText('Demo workbook.').waitFor();
      // Seen at once, above the steps, without scrolling.
      const box = await notice.boundingBox();
      expect(box!.y + box!.height).toBeLessThan(768);
      await page.screenshot({ path: path.join(shots, 'damaged-workbook-notice.png') });
    } finally {
      await browser.close();
      await app.stop();
    }
  }, 90_000);
});

describe('a workbook open in another window', () => {
  it('opens read-only, saying so above the steps, and an edit is refused in words', async () => {
    let otherWindow: WorkbookStore | null = null;
    const app = await startLoopbackApp(undefined, (dataFolder) => {
      const file = path.join(dataFolder, 'workbooks', 'Northshire.dwb');
      mkdirSync(path.dirname(file), { recursive: true });
      otherWindow = WorkbookStore.create(file, { title: 'Northshire', createdAt: '2026-11-30T09:00:00.000Z', isDemo: false, pseudonymKey: new Uint8Array(32).fill(3) });
      writeFileSync(path.join(dataFolder, 'last-open.json'), JSON.stringify({ file, chosen: file }));
    });
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
      await page.goto(app.server.launchUrl);
      const notice = page.getByRole('status').filter({ hasText: 'Read-only.' });
      await notice.waitFor();
      await expect(notice.innerText()).resolves.toMatch(/^Read-only\. "Northshire\.dwb" is open in another window or program \(process \d+ on this computer, since .*\), so it has been opened read-only\. Close it there to make changes here\.$/);
      await page.getByLabel('Workbook name').fill('Northshire 2027');
      await page.getByRole('button', { name: 'Rename' }).click();
      await expect(page.getByRole('alert').innerText()).resolves.toContain('so it has been opened read-only');
      await page.screenshot({ path: path.join(shots, 'read-only-workbook.png') });
    } finally {
      await browser.close();
      (otherWindow as WorkbookStore | null)?.close();
      await app.stop();
    }
  }, 90_000);
});
