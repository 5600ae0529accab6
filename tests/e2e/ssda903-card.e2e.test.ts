// The Data step's fourth card, Children in care returns (SSDA903), in headless Chromium at 1366x768 over the
// loopback bridge with the real backend: the public csdmpy sample imported as a zip through the card gives
// its counts and what the workbook holds, which a reload keeps; the same returns as a folder (one subfolder
// a year) replace them after the person confirms; a return with a missing column changes nothing and says
// which file, row and column; the model gets the returns (the History step has children in care); Undo and
// Redo take the returns back and bring them again; a zip dropped on the card is read as returns.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importSsda903 } from '../../shared/import/ssda903/import-ssda903.ts';
import { readZipFiles } from '../../shared/import/ssda903/zip-entries.ts';
import { openAppPage, type AppPage } from '../support/app-page.ts';
import { axeViolations } from '../support/axe.ts';
import { projectRoot } from '../support/loopback-app.ts';

const sampleZip = path.resolve(projectRoot, '../shared/fixtures/ssda903/csdmpy-sample-v1.zip');
const shots = path.join(projectRoot, 'test-results');
const n = (x: number) => x.toLocaleString('en-GB');

let opened: AppPage;
let page: Page;
// What the card must say of the sample, worked out here from the import itself (any key: counts do not depend on it).
let episodes: number;
let children: number;

beforeAll(async () => {
  mkdirSync(shots, { recursive: true });
  const sample = importSsda903([{ path: 'csdmpy-sample-v1.zip', bytes: new Uint8Array(readFileSync(sampleZip)) }], { pseudonymKey: new Uint8Array(32).fill(3) });
  episodes = sample.placements.length;
  children = new Set(sample.placements.map((p) => p.child)).size;
  // bypassCSP lets axe's script in (accessibility checks of the card); the app's own code is unchanged.
  opened = await openAppPage({ width: 1366, height: 768, bypassCSP: true });
  page = opened.page;
}, 120_000);

afterAll(async () => opened?.close());

const card = () => page.locator('section.returns-card');
const held = () => `In this workbook: ${n(episodes)} placement episodes for ${n(children)} children, from the returns for 2017-18 to 2021-22 (5 returns).`;

async function expectCounts(): Promise<void> {
  await card().locator('p.counts[data-list="episodes"]').waitFor({ timeout: 30_000 });
  expect(await card().locator('p.counts[data-list="episodes"]').innerText()).toBe('Episodes: 3,737 accepted, 0 rejected, 0 blank of 3,737 rows read.');
  expect(await card().locator('p.counts[data-list="header"]').innerText()).toMatch(/^Header: [\d,]+ accepted, 0 rejected, 0 blank of [\d,]+ rows read\.$/);
  await card().locator('p.in-workbook').filter({ hasText: held() }).waitFor({ timeout: 20_000 });
  // The rows read and the episodes kept agree: the repeats across years are said, and counted once.
  expect(await card().innerText()).toContain(`${n(3737 - episodes)} of the episodes accepted repeat another (the same child and start date)`);
}

describe('the SSDA903 card', () => {
  it('imports the sample zip, shows the counts and what the workbook holds, and keeps them through a reload', async () => {
    await card().getByLabel('Choose SSDA903 zip or CSV files').setInputFiles(sampleZip);
    // Into the demo: the made-up lists make way without a question.
    await card().getByRole('status').filter({ hasText: 'Imported the SSDA903 returns' }).waitFor({ timeout: 60_000 });
    await expectCounts();
    expect(await card().innerText()).toContain('They replace the demo’s made-up lists.');
    expect(await card().innerText()).toContain('Returns read: 2017-18 (csdmpy-sample-v1.zip/2017)');
    // The other tables of the return were seen and left aside.
    await card().getByText(/^What was found in the files \(\d+\)$/).click();
    expect(await card().innerText()).toContain('csdmpy-sample-v1.zip/2018/uasc.csv: UASC table (unaccompanied asylum-seeking children) of the SSDA903 return: the model does not use it, so it was left aside.');
    await card().scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(shots, 'ssda903-card-imported.png') });

    await page.reload();
    await page.getByRole('heading', { name: '1. Data' }).waitFor();
    await expectCounts();
    await card().scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(shots, 'ssda903-card-after-reload.png') });
    // The rows kept with a warning are listed with their file, row and column.
    await card().getByText(/^[\d,]+ rows need a look \([\d,]+ issues\)$/).click();
    const first = await card().locator('.issues li.warning').first().innerText();
    expect(first).toMatch(/^Kept: csdmpy-sample-v1\.zip\/\d{4}\/episodes\.csv, row \d+, [A-Z_]+: ./);
    await card().locator('.issues li.warning').first().scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(shots, 'ssda903-card-warnings.png') });
  });

  it('gives the returns to the model: the History step shows children in care', async () => {
    await page.getByRole('navigation', { name: 'Steps' }).getByRole('button', { name: /History/ }).click();
    await page.getByRole('heading', { name: /^2\. / }).waitFor();
    await page.locator('canvas').first().waitFor({ timeout: 60_000 });
    expect(await page.locator('main').innerText()).not.toContain('There are no lists in this workbook yet');
    await page.getByRole('navigation', { name: 'Steps' }).getByRole('button', { name: /Data/ }).click();
    await page.getByRole('heading', { name: '1. Data' }).waitFor();
  });

  it('reads the same returns from a folder with a subfolder a year, after asking before replacing', async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'returns-folder-'));
    const folder = path.join(root, 'returns');
    for (const entry of readZipFiles(new Uint8Array(readFileSync(sampleZip)))) {
      mkdirSync(path.join(folder, path.dirname(entry.path)), { recursive: true });
      writeFileSync(path.join(folder, entry.path), entry.bytes);
    }
    await card().getByLabel('Choose a folder of SSDA903 returns').setInputFiles(folder);
    const dialog = page.getByRole('alertdialog');
    await dialog.waitFor({ timeout: 60_000 });
    expect(await dialog.innerText()).toContain(`This workbook already holds SSDA903 returns: ${n(episodes)} placement episodes for ${n(children)} children, from the returns for 2017-18 to 2021-22 (5 returns). Replace them with the ${n(episodes)} placement episodes`);
    expect(await dialog.innerText()).toContain('read from returns?');
    await page.screenshot({ path: path.join(shots, 'ssda903-card-replace-question.png') });
    expect(await axeViolations(page, 'section.returns-card')).toEqual([]);
    await dialog.getByRole('button', { name: 'Replace' }).click();
    await card().getByRole('status').filter({ hasText: 'Imported the SSDA903 returns' }).waitFor({ timeout: 60_000 });
    await expectCounts();
    expect(await card().innerText()).toContain('Returns read: 2017-18 (returns/2017)');
  });

  it('changes nothing for a return with a missing column, and names the file, row and column', async () => {
    const episodesCsv = 'CHILD,DECOM,RNE,LS,CIN,PLACE_PROVIDER,DEC,REC\n101,01/04/2020,S,C2,N1,PR1,,\n102,05/06/2020,S,C2,N1,PR4,,\n';
    const headerCsv = 'CHILD,SEX,DOB,ETHNIC,UPN\n101,1,01/01/2010,WBRI,A1\n102,2,02/02/2011,WBRI,A2\n';
    await card().getByLabel('Choose SSDA903 zip or CSV files').setInputFiles([
      { name: 'episodes.csv', mimeType: 'text/csv', buffer: Buffer.from(episodesCsv) },
      { name: 'header.csv', mimeType: 'text/csv', buffer: Buffer.from(headerCsv) },
    ]);
    const said = card().getByRole('status').filter({ hasText: 'Nothing was imported' });
    await said.waitFor({ timeout: 30_000 });
    expect(await said.innerText()).toBe(
      `Nothing was imported: no usable SSDA903 episode was found in episodes.csv and header.csv (what was found is listed below). The workbook is unchanged: it still holds ${n(episodes)} placement episodes for ${n(children)} children, from the returns for 2017-18 to 2021-22 (5 returns).`,
    );
    expect(await card().locator('p.counts[data-list="episodes"]').innerText()).toBe('Episodes: 0 accepted, 2 rejected, 0 blank of 2 rows read.');
    expect(await card().locator('.issues li.error').first().innerText()).toBe(
      'Rejected: episodes.csv, row 1: The episodes table has no "PLACE" column, so none of its 2 rows could be used. Add the column, named as the DfE names it, and import again.',
    );
    expect(await card().locator('p.in-workbook').innerText()).toBe(held());
    await card().scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(shots, 'ssda903-card-missing-column.png') });
    expect(await axeViolations(page, 'section.returns-card')).toEqual([]);
  });

  it('Undo takes the returns back as it takes back a list, and Redo brings them again', async () => {
    const undo = page.getByRole('button', { name: 'Undo', exact: true });
    await page.getByText('Undo takes back the import of the SSDA903 returns from returns.').waitFor();
    await undo.click();
    await page.getByText('Undo takes back the import of the SSDA903 returns from csdmpy-sample-v1.zip.').waitFor({ timeout: 20_000 });
    expect(await card().locator('p.in-workbook').innerText()).toBe(held());
    await undo.click();
    // Back to the demo, which held no returns: the card says so, and shows no counts of returns it no longer holds.
    await card().locator('p.in-workbook').filter({ hasText: 'In this workbook: no SSDA903 returns.' }).waitFor({ timeout: 20_000 });
    await expect.poll(() => card().locator('p.counts').count(), { timeout: 20_000 }).toBe(0);
    // What was said of an import the workbook no longer holds is said no more.
    expect(await card().innerText()).not.toContain('Nothing was imported');
    await page.getByRole('button', { name: 'Redo', exact: true }).click();
    await card().locator('p.in-workbook').filter({ hasText: held() }).waitFor({ timeout: 20_000 });
    await card().locator('p.counts[data-list="episodes"]').filter({ hasText: 'Episodes: 3,737 accepted' }).waitFor({ timeout: 20_000 });
  }, 60_000);

  it('takes returns dropped on the card (not as Annex A lists), and keeps the workbook as it is when the person says so', async () => {
    const bytes = [...readFileSync(sampleZip)];
    await card().evaluate((section, zip) => {
      const data = new DataTransfer();
      data.items.add(new File([new Uint8Array(zip)], 'dropped returns.zip', { type: 'application/zip' }));
      section.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
    }, bytes);
    const dialog = page.getByRole('alertdialog');
    await dialog.waitFor({ timeout: 60_000 });
    expect(await dialog.innerText()).toContain('read from dropped returns.zip?');
    await dialog.getByRole('button', { name: 'Keep the workbook as it is' }).click();
    const said = card().getByRole('status').filter({ hasText: 'Nothing was replaced' });
    await said.waitFor();
    expect(await said.innerText()).toBe(`Nothing was replaced: the workbook keeps its ${n(episodes)} placement episodes for ${n(children)} children, from the returns for 2017-18 to 2021-22 (5 returns).`);
    // The Annex A lists were not touched by the drop: nothing was said of them.
    expect(await page.locator('p.problem').filter({ hasText: 'no Annex A list' }).count()).toBe(0);
    expect(await page.getByText('Undo takes back the import of the SSDA903 returns from csdmpy-sample-v1.zip.').count()).toBe(1);
    expect(opened.problems).toEqual([]);
  }, 60_000);
});
