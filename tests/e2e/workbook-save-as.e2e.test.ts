// Save as in the browser version (issue 15, point 8): the page asks for a name, saves into the app data
// folder's workbooks folder, says where it went, and never replaces an earlier file.
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAppPage, type AppPage } from '../support/app-page.ts';
import { projectRoot } from '../support/loopback-app.ts';

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
    await expect(form.getByText(path.join(app.app.dataFolder, 'workbooks')).isVisible()).resolves.toBe(true);
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
