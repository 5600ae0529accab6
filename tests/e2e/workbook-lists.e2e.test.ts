// The workbook keeps every list (issue 15, points 1, 2 and 8), in headless Chromium at 1366x768 over the
// loopback bridge with the real backend: three lists pasted survive a reload; pasting or importing one list
// replaces that list only, after the person confirms in words; Undo after a reload brings it back; an
// unreadable or wrong file leaves a full workbook full; issues are counted by row; List 8 rows pasted into
// the List 3 grid are offered to List 8, never moved silently; the extract date stays in the workbook.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importLists } from '../../shared/import/import-lists.ts';
import { annexASnapshot, type AnnexASnapshot } from '../../shared/synthetic/annex-a-snapshot.ts';
import { clipboardText, csvFiles, templateWorkbook } from '../../shared/synthetic/write-annex-a.ts';
import { openAppPage, type AppPage } from '../support/app-page.ts';
import { generated } from '../support/generated-extracts.ts';
import { listGrids } from '../support/list-grids.ts';
import { projectRoot } from '../support/loopback-app.ts';

let opened: AppPage;
let page: Page;
let snapshot: AnnexASnapshot;
const shots = path.join(projectRoot, 'test-results');
const n = (x: number) => x.toLocaleString('en-GB');
const labels = { referrals: 'Referrals (List 3)', cpp: 'Child protection (List 7)', cla: 'Children in care (List 8)' } as const;
type List = keyof typeof labels;

beforeAll(async () => {
  mkdirSync(shots, { recursive: true });
  snapshot = annexASnapshot(generated(77, { to: '2024-09-30' }), '2024-09-30');
  opened = await openAppPage({ width: 1366, height: 768, clipboard: true });
  page = opened.page;
}, 120_000);

afterAll(async () => opened?.close());

const { grid, counts, pasteInto } = listGrids(() => page, labels);
const panel = (list: List) => page.locator('section').filter({ has: page.getByRole('heading', { name: labels[list] }) });

async function pasteList(list: List, rows = snapshot[list], into: List = list): Promise<void> {
  await pasteInto(into, clipboardText({ ...snapshot, [list]: rows }, list, true));
}

/** What the workbook file holds, as the Workbook file panel says it. */
async function workbookHolds(): Promise<string> {
  return page.locator('p').filter({ hasText: /periods? of care in this workbook\.$/ }).innerText();
}

async function expectHolds(referrals: number, cpp: number, cla: number): Promise<void> {
  const wanted = `${n(referrals)} referrals, ${n(cpp)} child protection plans and ${n(cla)} periods of care in this workbook.`;
  await page.locator('p').filter({ hasText: wanted }).waitFor({ timeout: 20_000 }).catch(() => undefined);
  expect(await workbookHolds()).toBe(wanted);
}

async function reload(): Promise<void> {
  await page.reload();
  await page.getByRole('heading', { name: '1. Data' }).waitFor();
  await page.locator('p').filter({ hasText: /in this workbook\.$/ }).waitFor();
}

async function confirmReplace(question: string, shot?: string): Promise<void> {
  const dialog = page.getByRole('alertdialog');
  await dialog.waitFor({ timeout: 20_000 });
  expect(await dialog.innerText()).toContain(question);
  if (shot) await page.screenshot({ path: path.join(shots, shot) });
  await dialog.getByRole('button', { name: 'Replace' }).click();
  await dialog.waitFor({ state: 'detached' });
}

/** An Annex A workbook holding all three lists, one bit of its middle flipped (a checksum no longer matches). */
function flippedWorkbook(): Buffer {
  const bytes = Buffer.from(templateWorkbook(annexASnapshot(generated(77, { to: '2024-09-30' }), '2024-09-30')));
  const middle = Math.floor(bytes.length / 2);
  bytes[middle] = bytes[middle]! ^ 0x10;
  return bytes;
}

describe('the workbook keeps every list', () => {
  let full: { referrals: number; cpp: number; cla: number };
  const corrected = () => snapshot.cpp.slice(0, snapshot.cpp.length - 25);

  it('keeps Lists 3, 7 and 8 through a reload, and a corrected List 7 pasted after the reload replaces List 7 only, after asking', async () => {
    for (const list of ['referrals', 'cpp', 'cla'] as const) {
      await pasteList(list);
      await counts(list).filter({ hasText: `${n(snapshot[list].length)} rows read` }).waitFor({ timeout: 30_000 });
    }
    full = { referrals: snapshot.referrals.length, cpp: snapshot.cpp.length, cla: snapshot.cla.length };
    await expectHolds(full.referrals, full.cpp, full.cla);
    await reload();
    await expectHolds(full.referrals, full.cpp, full.cla);

    await pasteList('cpp', corrected());
    await counts('cpp').filter({ hasText: `${n(corrected().length)} rows read` }).waitFor({ timeout: 30_000 });
    // Nothing is lost before the person answers...
    await expectHolds(full.referrals, full.cpp, full.cla);
    await confirmReplace(`Replace the ${n(full.cpp)} child protection plans in this workbook with the ${n(corrected().length)} rows you pasted?`, 'data-confirm-replace.png');
    // ...and only List 7 is replaced when they do.
    await expectHolds(full.referrals, corrected().length, full.cla);
    await reload();
    await expectHolds(full.referrals, corrected().length, full.cla);
  }, 180_000);

  it('Undo after a reload brings the replaced List 7 back; Redo replaces it again', async () => {
    await page.getByRole('button', { name: 'Undo', exact: true }).click();
    await page.getByText(/^Undone: the paste into Child protection plans \(List 7\)\./).waitFor({ timeout: 20_000 });
    await expectHolds(full.referrals, full.cpp, full.cla);
    await page.screenshot({ path: path.join(shots, 'data-undo.png') });
    await reload();
    await expectHolds(full.referrals, full.cpp, full.cla);
    await page.getByRole('button', { name: 'Redo', exact: true }).click();
    await expectHolds(full.referrals, corrected().length, full.cla);
    await page.keyboard.press('Control+Z');
    await expectHolds(full.referrals, full.cpp, full.cla);
  }, 120_000);

  it('importing list8.csv alone replaces List 8 only, after asking', async () => {
    const cla = snapshot.cla.slice(0, 40);
    const csv = csvFiles({ ...snapshot, cla }).find((f) => f.name.includes('care'))!;
    await page.getByLabel('Choose Annex A workbooks or CSV files to import').setInputFiles({ name: 'list8.csv', mimeType: 'text/csv', buffer: Buffer.from(csv.bytes) });
    await confirmReplace(`Replace the ${n(full.cla)} periods of care in this workbook with the 40 periods of care read from list8.csv?`, 'data-confirm-file.png');
    await expectHolds(full.referrals, full.cpp, 40);
    await page.getByRole('button', { name: 'Undo', exact: true }).click();
    await expectHolds(full.referrals, full.cpp, full.cla);
  }, 120_000);

  it.each([
    ['an unreadable workbook', 'Annex A.xlsx', Buffer.from([0x50, 0x4b, 3, 4, 9, 9, 9, 9, 1, 2, 3])],
    ['a file that holds no list', 'budget.csv', Buffer.from('Cost centre,Budget\nCS01,120000\n')],
    ['a workbook of all three lists with one byte flipped', 'Annex A damaged.xlsx', flippedWorkbook()],
  ])('an import of %s over a full workbook leaves it full, and says so', async (label, name, buffer) => {
    await page.getByLabel('Choose Annex A workbooks or CSV files to import').setInputFiles({ name, mimeType: 'application/octet-stream', buffer });
    // Named by its file, so that the message left by an earlier import is not taken for this one's.
    const said = page.getByText(new RegExp(`^Nothing was imported: no Annex A list with a usable row was found in .*${name.replace('.', '\\.')}`));
    await said.waitFor({ timeout: 20_000 });
    await expect(said.innerText()).resolves.toMatch(/The workbook is unchanged: it still holds/);
    await expectHolds(full.referrals, full.cpp, full.cla);
    // A damaged file is said to be damaged, by its name, not only found to hold nothing.
    if (name === 'Annex A damaged.xlsx') await page.getByText(/^"Annex A damaged\.xlsx" is damaged/).first().waitFor({ timeout: 20_000 });
    if (label === 'an unreadable workbook') await page.screenshot({ path: path.join(shots, 'data-nothing-imported.png') });
  }, 60_000);
});

describe('issues are counted by row', () => {
  it('says how many rows need a look, and how many more issues there are beyond the 200 listed', async () => {
    // 300 rows with two problems each (a yes/no and a count that cannot be read), among the rest.
    const rows = snapshot.referrals.map((r, i) => (i < 300 ? { ...r, 'Referral NFA?': 'perhaps', 'Number of Referrals in Last 12 Months': 'several' } : r));
    const text = clipboardText({ ...snapshot, referrals: rows }, 'referrals', true);
    const expected = importLists([{ kind: 'pasted', name: 'Pasted', list: 'referrals', text }], { pseudonymKey: new Uint8Array(32).fill(3) }).report.issues.filter((i) => i.list === 'referrals' && i.severity !== 'info');
    const distinctRows = new Set(expected.map((i) => i.row)).size;
    expect(distinctRows).toBeLessThan(expected.length);
    await pasteInto('referrals', text);
    // The workbook holds referrals pasted before the reload: asked first, then replaced.
    await confirmReplace(`Replace the ${n(snapshot.referrals.length)} referrals in this workbook with the ${n(snapshot.referrals.length)} rows you pasted?`);
    await page.getByText(/^Replaced Referrals \(List 3\)\./).waitFor({ timeout: 30_000 });
    const summary = panel('referrals').locator('details.issues summary');
    await summary.filter({ hasText: 'need a look' }).waitFor({ timeout: 30_000 });
    expect(await summary.innerText()).toBe(`${n(distinctRows)} rows need a look (${n(expected.length)} issues)`);
    await summary.click();
    // Each issue names its row and column once, then says what is wrong: no "column: column: ..." anywhere.
    const first = expected[0]!;
    const items = panel('referrals').locator('details.issues li');
    await expect(items.first().innerText()).resolves.toBe(`Show row ${first.row} Kept: row ${first.row}, ${first.column}: a name or other text where yes or no belongs; it was left blank`);
    const count = 'Number of Referrals in Last 12 Months';
    const shown = await items.filter({ hasText: count }).allInnerTexts();
    expect(shown.length).toBe(100); // 200 listed, two to a row
    for (const text of shown) expect(text.split(count).length - 1, text).toBe(1);
    // The grid's mark on the row says the same, with the column (it shows no column of its own).
    const mark = grid('referrals').locator(`[role="row"][aria-rowindex="${first.row}"] .grid-issue`);
    await expect(mark.getAttribute('title')).resolves.toBe(
      ['Referral NFA?: a name or other text where yes or no belongs; it was left blank', `${count}: a name or other text where a number belongs; it was left blank`].join('\n'),
    );
    // The grid's last rows above, the first problems below it.
    await summary.evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await page.screenshot({ path: path.join(shots, 'data-row-problem.png') });
    const more = page.getByText(`and ${n(expected.length - 200)} more`, { exact: true });
    await more.waitFor();
    await more.scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(shots, 'data-issues-counted-by-row.png') });
  }, 120_000);
});

describe('smaller things on the Data step', () => {
  it('List 8 rows pasted into the List 3 grid are offered to List 8, never moved silently or counted twice', async () => {
    const before = await workbookHolds();
    const beforeReferrals = await counts('referrals').innerText();
    await pasteList('cla', snapshot.cla.slice(0, 30), 'referrals');
    const offer = page.getByText('These rows look like Children in care (List 8)', { exact: false });
    await offer.waitFor({ timeout: 20_000 });
    await page.screenshot({ path: path.join(shots, 'data-misplaced-paste.png') });
    expect(await workbookHolds()).toBe(before);
    expect(await counts('referrals').innerText()).toBe(beforeReferrals);
    await page.getByRole('button', { name: 'Put them in Children in care (List 8)' }).click();
    await confirmReplace(`Replace the ${n(snapshot.cla.length)} periods of care in this workbook with the 30 rows you pasted?`);
    await counts('cla').filter({ hasText: '30 accepted, 0 rejected, 0 blank of 30 rows read.' }).waitFor({ timeout: 20_000 });
    await page.locator('p').filter({ hasText: / and 30 periods of care in this workbook\.$/ }).waitFor({ timeout: 20_000 });
    expect(await grid('cla').getAttribute('aria-rowcount')).toBe('31');
  }, 120_000);

  it('"Show row" selects the cell the issue is about', async () => {
    // One period of care that ends before it starts: the issue is about its end date.
    const cla = snapshot.cla.slice(0, 30).map((r, i) => (i === 3 ? { ...r, 'Date Ceased to be Looked After ': '2001-01-01' } : r));
    await pasteList('cla', cla);
    await panel('cla').getByRole('button', { name: 'Show row 5' }).click();
    const selected = grid('cla').locator('[role="gridcell"][aria-selected="true"]');
    const endColumn = snapshot.cla[0] ? Object.keys(snapshot.cla[0]).indexOf('Date Ceased to be Looked After ') + 1 : -1;
    await expect(selected.getAttribute('aria-colindex')).resolves.toBe(String(endColumn));
    await expect(selected.locator('xpath=..').getAttribute('aria-rowindex')).resolves.toBe('5');
    await grid('cla').scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(shots, 'data-show-row.png') });
  }, 60_000);

  it('an empty paste says so', async () => {
    await pasteInto('cpp', '');
    await page.getByText(/^Nothing to paste: the clipboard holds no rows\./).waitFor({ timeout: 10_000 });
    await page.getByText(/^Nothing to paste/).scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(shots, 'data-empty-paste.png') });
  }, 30_000);

  it('the extract date, written day first whatever the browser’s language, stays in the workbook after a reload, and applies to a file import', async () => {
    const box = page.getByLabel('Date the lists were extracted (optional)');
    // This Chromium speaks US English: a browser's own date box would show and take 09/30/2024.
    await expect(page.evaluate(() => navigator.language)).resolves.toBe('en-US');
    await box.fill('30/09/2024');
    await box.blur();
    await page.waitForTimeout(300);
    await reload();
    await expect(box.inputValue()).resolves.toBe('30/09/2024');
    await expect(box.getAttribute('placeholder')).resolves.toBe('dd/mm/yyyy');
    const csv = csvFiles(snapshot).find((f) => f.name.includes('protection'))!;
    await page.getByLabel('Choose Annex A workbooks or CSV files to import').setInputFiles({ name: 'list7.csv', mimeType: 'text/csv', buffer: Buffer.from(csv.bytes) });
    await confirmReplace(`read from list7.csv?`);
    await counts('cpp').filter({ hasText: `of ${n(snapshot.cpp.length)} rows read` }).waitFor({ timeout: 20_000 });
    // The date given was used: nothing was inferred.
    expect(await page.getByText(/No extract date was given for "list7.csv"/).count()).toBe(0);
    const extractOfList7 = () =>
      page.evaluate(async () => {
        const bridge = (window as unknown as { workbook: { getWorkbookData(): Promise<{ dataset: { extracts: Array<{ id: number; label: string; extractDate: string }>; cpp: Array<{ extract: number }> } }> } }).workbook;
        const { dataset } = await bridge.getWorkbookData();
        return dataset.extracts.find((e) => e.id === dataset.cpp[0]?.extract)?.extractDate;
      });
    await expect(extractOfList7()).resolves.toBe('2024-09-30');
    // A new date applies to the file just imported too, without asking again.
    await box.fill('31/10/2024');
    await box.blur();
    await expect.poll(extractOfList7, { timeout: 20_000 }).toBe('2024-10-31');
    await page.getByText(/^Replaced Child protection plans \(List 7\)/).waitFor({ timeout: 20_000 });
    expect(await page.getByRole('alertdialog').count()).toBe(0);
    // Emptied, the date is forgotten: the file is read again and its date inferred, as before any was given.
    await box.fill('');
    await box.blur();
    await page.getByText(/No extract date was given for "list7\.csv"/).waitFor({ timeout: 20_000 });
    await reload();
    await expect(box.inputValue()).resolves.toBe('');
    expect(opened.problems).toEqual([]);
  }, 120_000);
});
