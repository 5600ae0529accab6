// The backend's import on real workbook files with a generated authority's lists: one list pasted or
// imported replaces that list only, after the person confirms where the workbook has rows; Undo brings it
// back after a restart; an import that reads nothing usable changes nothing.
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../electron/backend/backend.ts';
import { savePathChooser } from '../../electron/common/export-folder.ts';
import { annexASnapshot, type AnnexASnapshot } from '../../shared/synthetic/annex-a-snapshot.ts';
import { clipboardText, csvFiles } from '../../shared/synthetic/write-annex-a.ts';
import { generated } from '../support/generated-extracts.ts';

const backendIn = (dataFolder: string) =>
  createBackend({ productName: 'Demand Workbook', version: '1.0.0', transport: 'loopback', dataFolder, chooseSavePath: savePathChooser(dataFolder), now: () => new Date('2026-12-02T03:00:00Z') });

let snapshot: AnnexASnapshot;
beforeAll(() => {
  snapshot = annexASnapshot(generated(77, { to: '2024-09-30' }), '2024-09-30');
}, 120_000);

type ImportRequest = Parameters<Backend['importLists']>[0];

const paste = (list: 'referrals' | 'cpp' | 'cla', rows = snapshot[list], extra: Partial<ImportRequest> = {}): ImportRequest => ({
  sources: [{ kind: 'pasted', list, name: `Pasted ${list}`, text: clipboardText({ ...snapshot, [list]: rows }, list, true) }],
  extractDate: null,
  replaceWithoutAsking: [],
  ...extra,
});
const file = (name: string, bytes: Uint8Array): ImportRequest => ({ sources: [{ kind: 'file', name, base64: Buffer.from(bytes).toString('base64') }], extractDate: null, replaceWithoutAsking: [] });

describe('importing one list into a workbook that holds three', () => {
  it('replaces only that list, after asking in words, and Undo after a restart brings the old one back', async () => {
    const dataFolder = mkdtempSync(path.join(os.tmpdir(), 'list-import-'));
    const first = backendIn(dataFolder);
    await first.newWorkbook();
    // Into empty lists: nothing to ask.
    for (const list of ['referrals', 'cpp', 'cla'] as const) expect((await first.importLists(paste(list))).outcome.kind).toBe('replaced');
    const full = (await first.getWorkbook()).rows;
    expect(full.referrals).toBeGreaterThan(500);
    expect(full.cpp).toBeGreaterThan(100);
    expect(full.cla).toBeGreaterThan(100);
    first.shutdown();

    // A reload, then a corrected List 7.
    const second = backendIn(dataFolder);
    const corrected = snapshot.cpp.slice(0, 60);
    const asked = (await second.importLists(paste('cpp', corrected)));
    expect(asked.outcome).toMatchObject({
      kind: 'confirm',
      replacing: [{ list: 'cpp', inWorkbook: full.cpp, incoming: 60 }],
      question: `Replace the ${full.cpp.toLocaleString('en-GB')} child protection plans in this workbook with the 60 rows you pasted?`,
    });
    expect((await second.getWorkbook()).rows).toEqual(full);
    if (asked.outcome.kind !== 'confirm') throw new Error('not asked');
    const done = (await second.confirmImport({ token: asked.outcome.token }));
    expect(done.outcome).toMatchObject({ kind: 'replaced', lists: ['cpp'] });
    expect(done.workbook.rows).toEqual({ ...full, cpp: 60 });
    expect(done.workbook.undo).toBe('the paste into Child protection plans (List 7)');
    // The workbook's report still accounts for the lists it kept.
    expect(done.workbookReport?.referrals.rowsAccepted).toBe(snapshot.referrals.length);
    expect(done.workbookReport?.cpp.rowsRead).toBe(60);
    // A token is good once.
    const token = asked.outcome.token;
    expect(() => second.confirmImport({ token })).toThrow('no longer waiting');
    second.shutdown();

    const third = backendIn(dataFolder);
    expect((await third.getWorkbook())).toMatchObject({ rows: { ...full, cpp: 60 }, undo: 'the paste into Child protection plans (List 7)', redo: null });
    const undone = (await third.undoListChange());
    expect(undone.message).toMatch(/^Undone: the paste into Child protection plans \(List 7\)\. The workbook holds [\d,]+ referrals, [\d,]+ child protection plans and [\d,]+ periods of care\.$/);
    expect(undone.workbook.rows).toEqual(full);
    expect(undone.change).toMatchObject({ lists: ['cpp'] });
    expect((await third.redoListChange()).workbook.rows).toEqual({ ...full, cpp: 60 });
    third.shutdown();
  });

  it('a file holding one list (list8.csv) replaces List 8 only', async () => {
    const backend = backendIn(mkdtempSync(path.join(os.tmpdir(), 'list-import-')));
    await backend.newWorkbook();
    for (const list of ['referrals', 'cpp', 'cla'] as const) (await backend.importLists(paste(list)));
    const full = (await backend.getWorkbook()).rows;
    const cla = csvFiles({ ...snapshot, cla: snapshot.cla.slice(0, 40) }).find((f) => f.name.includes('care'))!;
    const asked = (await backend.importLists(file('list8.csv', cla.bytes)));
    expect(asked.outcome).toMatchObject({ kind: 'confirm', question: `Replace the ${full.cla.toLocaleString('en-GB')} periods of care in this workbook with the 40 periods of care read from list8.csv?` });
    if (asked.outcome.kind !== 'confirm') throw new Error('not asked');
    expect((await backend.confirmImport({ token: asked.outcome.token })).workbook.rows).toEqual({ ...full, cla: 40 });
    backend.shutdown();
  });

  it('does not ask again for a list the same grid has just put there', async () => {
    const backend = backendIn(mkdtempSync(path.join(os.tmpdir(), 'list-import-')));
    await backend.newWorkbook();
    (await backend.importLists(paste('cpp')));
    const edited = (await backend.importLists(paste('cpp', snapshot.cpp.slice(1), { replaceWithoutAsking: ['cpp'] })));
    expect(edited.outcome.kind).toBe('replaced');
    expect(edited.workbook.rows.cpp).toBe(snapshot.cpp.length - 1);
    backend.shutdown();
  });

  it('over the demo, replaces the made-up lists without asking, so they never mix with the analyst’s own', async () => {
    const backend = backendIn(mkdtempSync(path.join(os.tmpdir(), 'list-import-')));
    expect((await backend.getWorkbook()).isDemo).toBe(true);
    const done = (await backend.importLists(paste('cpp')));
    expect(done.outcome.kind).toBe('replaced');
    expect(done.workbook).toMatchObject({ isDemo: false, title: 'Untitled workbook', rows: { referrals: 0, cpp: snapshot.cpp.length, cla: 0 } });
    expect((await backend.undoListChange()).workbook).toMatchObject({ isDemo: true, title: 'Demo authority (synthetic data)' });
    backend.shutdown();
  }, 120_000);
});

describe('an import that reads nothing usable', () => {
  it.each([
    ['an unreadable workbook', file('Annex A.xlsx', new Uint8Array([0x50, 0x4b, 3, 4, 9, 9, 9, 9, 1, 2, 3]))],
    ['a file that holds no list', file('budget.csv', new TextEncoder().encode('Cost centre,Budget\nCS01,120000\n'))],
  ])('leaves a full workbook exactly as it was and says so: %s', async (_label, request) => {
    const backend = backendIn(mkdtempSync(path.join(os.tmpdir(), 'list-import-')));
    await backend.newWorkbook();
    for (const list of ['referrals', 'cpp', 'cla'] as const) (await backend.importLists(paste(list)));
    const before = (await backend.getWorkbookData());
    const summary = (await backend.getWorkbook());
    const answer = (await backend.importLists(request));
    expect(answer.outcome).toMatchObject({ kind: 'unchanged', message: expect.stringMatching(/^Nothing was imported: no Annex A list with a usable row was found in .*\. The workbook is unchanged: it still holds [\d,]+ referrals/) });
    expect((await backend.getWorkbookData())).toEqual(before);
    expect((await backend.getWorkbook())).toEqual(summary);
    backend.shutdown();
  });

  it('a paste whose every row is rejected keeps the list it would have replaced', async () => {
    const backend = backendIn(mkdtempSync(path.join(os.tmpdir(), 'list-import-')));
    await backend.newWorkbook();
    (await backend.importLists(paste('referrals')));
    const rows = (await backend.getWorkbook()).rows;
    const broken = snapshot.referrals.slice(0, 5).map((r) => ({ ...r, 'Date of referral': 'not a date' }));
    const answer = (await backend.importLists(paste('referrals', broken)));
    expect(answer.outcome).toMatchObject({ kind: 'unchanged', message: expect.stringContaining('none of the rows you pasted could be used') });
    expect(answer.report.referrals).toMatchObject({ rowsRead: 5, rowsRejected: 5 });
    expect((await backend.getWorkbook()).rows).toEqual(rows);
    backend.shutdown();
  });
});

describe('the extract date', () => {
  it('is kept in the workbook and applied to a file import', async () => {
    const dataFolder = mkdtempSync(path.join(os.tmpdir(), 'list-import-'));
    const backend = backendIn(dataFolder);
    await backend.newWorkbook();
    expect((await backend.setExtractDate({ extractDate: '2024-09-30' })).extractDate).toBe('2024-09-30');
    backend.shutdown();
    const again = backendIn(dataFolder);
    expect((await again.getWorkbook()).extractDate).toBe('2024-09-30');
    const cla = csvFiles(snapshot).find((f) => f.name.includes('care'))!;
    await again.importLists({ ...file('list8.csv', cla.bytes), extractDate: (await again.getWorkbook()).extractDate });
    expect((await again.getWorkbookData()).dataset.extracts).toEqual([{ id: 1, label: 'list8.csv', extractDate: '2024-09-30', extractDateSource: 'given' }]);
    again.shutdown();
  });
});
