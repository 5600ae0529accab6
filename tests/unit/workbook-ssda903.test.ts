// SSDA903 returns kept in the workbook file (migration 4): the public csdmpy sample imported through the
// backend, stored pseudonymised (no UPN, postcode or date of birth in the file), read back after a reopen
// to the same dataset and the same projection by placement, replaced only after asking, undone and redone
// like a list; a format-3 file upgrades, a newer one is refused.
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createBackend } from '../../electron/backend/backend.ts';
import { applicationId, latestSchemaVersion } from '../../electron/backend/storage/migrations.ts';
import { migrate, WorkbookStore } from '../../electron/backend/storage/workbook-store.ts';
import { workbookDataset } from '../../electron/backend/workbook-dataset.ts';
import { savePathChooser } from '../../electron/common/export-folder.ts';
import { runModel } from '../../shared/engine/children/run-model.ts';
import { withSsda903 } from '../../shared/import/ssda903/combine.ts';
import { importSsda903 } from '../../shared/import/ssda903/import-ssda903.ts';
import { readZipFiles } from '../../shared/import/ssda903/zip-entries.ts';
import { parseDelimited } from '../../shared/import/text/delimited.ts';
import { utils } from '@e965/xlsx';
import { readWorkbook } from '../support/read-xlsx.ts';

const sampleZip = path.resolve(import.meta.dirname, '../../../shared/fixtures/ssda903/csdmpy-sample-v1.zip');
const zipBytes = new Uint8Array(readFileSync(sampleZip));
const folder = () => mkdtempSync(path.join(os.tmpdir(), 'workbook-903-'));
const info = { title: 'Northshire 2026', createdAt: '2026-11-22T09:00:00.000Z', isDemo: false, pseudonymKey: new Uint8Array(32).fill(7) };
const madeAt = '2026-12-02T06:00:00.000Z';
const noLists = { extracts: [], referrals: [], cpp: [], cla: [] };

const backendIn = (dataFolder: string) =>
  createBackend({ productName: 'Demand Workbook', version: '1.0.0', transport: 'loopback', dataFolder, chooseSavePath: savePathChooser(dataFolder), now: () => new Date(madeAt) });
const zipRequest = (name = 'csdmpy-sample-v1.zip', bytes = zipBytes) => ({ source: { kind: 'files' as const, files: [{ path: name, base64: Buffer.from(bytes).toString('base64') }] } });

/** The sample's personal values: every UPN, postcode district and date of birth, as the CSVs write them. */
function personalValues(): string[] {
  const values = new Set<string>();
  for (const entry of readZipFiles(zipBytes)) {
    const rows = parseDelimited(new TextDecoder().decode(entry.bytes));
    const header = rows[0]?.cells ?? [];
    for (const column of ['UPN', 'HOME_POST', 'PL_POST', 'DOB']) {
      const i = header.indexOf(column);
      if (i < 0) continue;
      for (const r of rows.slice(1)) {
        const v = (r.cells[i] ?? '').trim();
        if (v.length >= 5) values.add(v);
      }
    }
  }
  return [...values];
}

describe('SSDA903 returns in a workbook file', () => {
  it('are kept pseudonymised and read back after a reopen to the same dataset and the same projection by placement', () => {
    const file = path.join(folder(), 'Northshire.dwb');
    const store = WorkbookStore.create(file, info);
    const returns = importSsda903([{ path: 'csdmpy-sample-v1.zip', bytes: zipBytes }], { pseudonymKey: store.pseudonymKey() });
    expect(returns.placements.length).toBeGreaterThan(2500);
    store.changeLists({ lists: [], dataset: noLists, report: null, returns, description: 'the import of the SSDA903 returns', madeAt });
    store.close();

    const reopened = WorkbookStore.open(file);
    expect(reopened.readReturns()).toEqual(returns);
    expect(reopened.returnsHeld()).toEqual({
      returns: 5,
      episodes: returns.placements.length,
      children: new Set(returns.placements.map((p) => p.child)).size,
      firstYearEnding: '2018-03-31',
      lastYearEnding: '2022-03-31',
    });
    const { dataset } = workbookDataset(reopened);
    expect(dataset).toEqual(withSsda903(noLists, returns));
    // The projection by placement group from the file is the one from the returns read directly.
    const fromFile = runModel(dataset, [], { horizon: 12, scenarios: [] }).baseline.placements;
    const direct = runModel(withSsda903(noLists, returns), [], { horizon: 12, scenarios: [] }).baseline.placements;
    expect(fromFile).toBeTruthy();
    expect(fromFile).toEqual(direct);
    expect(reopened.integrityCheck()).toEqual(['ok']);
    reopened.close();

    // Nothing identifying in the file: no UPN, no postcode, no date of birth (the month alone is kept).
    const bytes = readFileSync(file).toString('latin1');
    const personal = personalValues();
    expect(personal.length).toBeGreaterThan(1000);
    expect(personal.filter((v) => bytes.includes(v))).toEqual([]);
    const db = new Database(file, { readonly: true });
    const birthMonths = db.prepare('SELECT DISTINCT birth_month FROM ssda903_placements').pluck().all() as string[];
    db.close();
    expect(birthMonths.every((m) => /^\d{4}-\d{2}$/.test(m))).toBe(true);
  }, 120_000);

  it('an import of lists keeps the returns, and Undo and Redo swap the returns after a reopen', () => {
    const file = path.join(folder(), 'undo.dwb');
    const store = WorkbookStore.create(file, info);
    const returns = importSsda903([{ path: 'csdmpy-sample-v1.zip', bytes: zipBytes }], { pseudonymKey: store.pseudonymKey() });
    const id = store.changeLists({ lists: [], dataset: noLists, report: null, returns, description: 'the import of the returns', madeAt });
    // A List 7 pasted afterwards: the returns stay.
    const extract = { id: 1, label: 'Pasted lists', extractDate: '2022-03-31', extractDateSource: 'given' as const };
    const plan = { child: 'P1', birthMonth: '2012-01', extract: 1, startDate: '2021-06-01', endDate: null, initialCategory: 'neglect', latestCategory: 'neglect', previousPlans: 0 };
    store.changeLists({ lists: ['cpp'], dataset: { ...noLists, extracts: [extract], cpp: [plan] }, report: null, description: 'the paste into List 7', madeAt });
    expect(store.readReturns()).toEqual(returns);
    // The returns' extracts come after the list's in the dataset, and keep their placements.
    const combined = workbookDataset(store).dataset;
    expect(combined.extracts.map((e) => e.id).sort()).toEqual([1, 2, 3, 4, 5, 6]);
    expect(new Set(combined.placements!.map((p) => p.extract))).toEqual(new Set([2, 3, 4, 5, 6]));
    expect(combined.cpp).toEqual([plan]);
    store.undoListChange(); // the paste
    expect(store.readReturns()).toEqual(returns);
    expect(store.listChanges().undo).toEqual({ id, madeAt, description: 'the import of the returns', lists: [], returns: true });
    store.close();

    const reopened = WorkbookStore.open(file);
    expect(reopened.undoListChange()?.returns).toBe(true);
    expect(reopened.readReturns()).toBeNull();
    expect(reopened.returnsHeld()).toBeNull();
    expect(workbookDataset(reopened).dataset.placements).toBeUndefined();
    reopened.close();
    const again = WorkbookStore.open(file);
    expect(again.redoListChange()?.id).toBe(id);
    expect(again.readReturns()).toEqual(returns);
    expect(again.integrityCheck()).toEqual(['ok']);
    again.close();
  });
});

describe('replacing the returns', () => {
  it('is one transaction: a replacement that fails half way leaves the returns, the lists and the history as they were', () => {
    const store = WorkbookStore.create(path.join(folder(), 'atomic.dwb'), info);
    const returns = importSsda903([{ path: 'csdmpy-sample-v1.zip', bytes: zipBytes }], { pseudonymKey: store.pseudonymKey() });
    store.changeLists({ lists: [], dataset: noLists, report: null, returns, description: 'first', madeAt });
    const before = { returns: store.readReturns(), changes: store.listChanges() };
    // The last placement refers to a return that does not exist: the insert fails after thousands of rows went in.
    const broken = { ...returns, placements: [...returns.placements.slice(0, -1), { ...returns.placements.at(-1)!, extract: 99 }] };
    expect(() => store.changeLists({ lists: [], dataset: noLists, report: null, returns: broken, description: 'broken', madeAt })).toThrow(/FOREIGN KEY/);
    expect(store.readReturns()).toEqual(before.returns);
    expect(store.listChanges()).toEqual(before.changes);
    store.close();
  });
});

describe('the backend importing returns', () => {
  it('imports into an empty workbook, asks before replacing them, and gives the placements to the window', async () => {
    const dataFolder = folder();
    const backend = backendIn(dataFolder);
    await backend.newWorkbook();
    const first = await backend.importSsda903(zipRequest());
    expect(first.report?.episodes).toMatchObject({ rowsRead: 3737, rowsAccepted: 3737, rowsRejected: 0, rowsBlank: 0 });
    expect(first.outcome.kind).toBe('replaced');
    const held = first.workbook.returns!;
    expect(held).toMatchObject({ returns: 5, firstYearEnding: '2018-03-31', lastYearEnding: '2022-03-31' });
    expect(first.outcome).toMatchObject({ message: `Imported the SSDA903 returns: ${held.episodes.toLocaleString('en-GB')} placement episodes for ${held.children.toLocaleString('en-GB')} children, from the returns for 2017-18 to 2021-22 (5 returns). Undo takes it back.` });
    expect(first.workbook.undo).toBe('the import of the SSDA903 returns from csdmpy-sample-v1.zip');

    const data = await backend.getWorkbookData();
    expect(data.dataset.placements).toHaveLength(held.episodes);
    expect(data.returnsReport?.episodes.rowsAccepted).toBe(3737);
    expect(data.dataset.cla.length).toBeGreaterThan(100);
    // The Excel export projects the same combined dataset: its placements sheets are there.
    const exported = await backend.exportToExcel();
    expect(exported.saved).toBe(true);
    expect(exported.sheets).toEqual(expect.arrayContaining(['Placements', 'Placement costs']));
    // Its Data quality sheet accounts for the returns' rows as it does for the lists'.
    const quality = utils.sheet_to_json<unknown[]>(readWorkbook(readFileSync(exported.filePath!)).Sheets['Data quality']!, { header: 1, raw: true });
    expect(quality.find((r) => r[0] === 'SSDA903 episodes')?.slice(0, 6)).toEqual(['SSDA903 episodes', 'Yes', 3737, 3737, 0, 0]);
    expect(quality.find((r) => r[0] === 'SSDA903 header')?.slice(0, 2)).toEqual(['SSDA903 header', 'Yes']);
    backend.shutdown();

    // After a restart: a second import asks first, and changes nothing until confirmed.
    const second = backendIn(dataFolder);
    const asked = await second.importSsda903(zipRequest('returns again.zip'));
    expect(asked.outcome).toMatchObject({ kind: 'confirm', question: expect.stringMatching(/^This workbook already holds SSDA903 returns: .* Replace them with the .* read from returns again\.zip\?$/) });
    if (asked.outcome.kind !== 'confirm') throw new Error('not asked');
    expect(asked.workbook.undo).toBe('the import of the SSDA903 returns from csdmpy-sample-v1.zip');
    const done = await second.confirmSsda903Import({ token: asked.outcome.token });
    expect(done.outcome.kind).toBe('replaced');
    expect(done.workbook.undo).toBe('the import of the SSDA903 returns from returns again.zip');
    const undone = await second.undoListChange();
    expect(undone.change).toMatchObject({ lists: [], returns: true });
    expect(undone.workbook.returns).toEqual(held);
    second.shutdown();
  }, 120_000);

  it('changes nothing for a return with a missing column, and says where', async () => {
    const backend = backendIn(folder());
    await backend.newWorkbook();
    const episodes = 'CHILD,DECOM,RNE,LS,CIN,PLACE_PROVIDER,DEC,REC\n1,01/04/2020,S,C2,N1,PR1,,\n';
    const header = 'CHILD,SEX,DOB,ETHNIC,UPN\n1,1,01/01/2010,WBRI,A123\n';
    const answer = await backend.importSsda903({
      source: { kind: 'files', files: [{ path: 'returns/2021/episodes.csv', base64: Buffer.from(episodes).toString('base64') }, { path: 'returns/2021/header.csv', base64: Buffer.from(header).toString('base64') }] },
    });
    expect(answer.outcome).toEqual({ kind: 'unchanged', message: 'Nothing was imported: no usable SSDA903 episode was found in returns (what was found is listed below). The workbook is unchanged: it holds no SSDA903 returns.' });
    expect(answer.report?.issues).toContainEqual(expect.objectContaining({ file: 'returns/2021/episodes.csv', row: 1, column: 'PLACE', severity: 'error' }));
    expect(answer.workbook.returns).toBeNull();
    backend.shutdown();
  });

  it('into the demo, replaces the made-up lists too, which Undo brings back', async () => {
    const backend = backendIn(folder());
    await backend.openDemoWorkbook();
    const demoRows = (await backend.getWorkbook()).rows;
    const done = await backend.importSsda903(zipRequest());
    expect(done.outcome.kind).toBe('replaced');
    expect(done.workbook).toMatchObject({ isDemo: false, title: 'Untitled workbook', rows: { referrals: 0, cpp: 0, cla: 0 } });
    const undone = await backend.undoListChange();
    expect(undone.workbook).toMatchObject({ isDemo: true, rows: demoRows, returns: null });
    backend.shutdown();
  }, 120_000);
});

describe('migration 4', () => {
  it('adds the returns to a format-3 file, keeping its lists, holding no returns yet', () => {
    const dir = folder();
    const file = path.join(dir, 'format-3.dwb');
    const db = new Database(file);
    db.pragma('journal_mode = WAL');
    db.pragma(`application_id = ${applicationId}`);
    migrate(db, 3);
    db.prepare('INSERT INTO workbook (id, title, created_at, is_demo, pseudonym_key) VALUES (1, ?, ?, 0, ?)').run('Format 3', info.createdAt, Buffer.alloc(32, 1));
    db.prepare("INSERT INTO extracts (id, label, extract_date, extract_date_source) VALUES (1, 'x', '2024-09-30', 'given')").run();
    db.prepare("INSERT INTO cla (extract_id, child, start_date, placement_group) VALUES (1, 'C1', '2024-06-01', 'foster')").run();
    db.prepare("INSERT INTO list_changes (made_at, description, lists, other_extracts, other_is_demo, other_title) VALUES (?, 'the paste into List 8', '[\"cla\"]', '[]', 0, 'Format 3')").run(madeAt);
    db.close();

    const store = WorkbookStore.open(file, { now: () => new Date(madeAt) });
    expect(store.schemaVersion).toBe(latestSchemaVersion);
    expect(latestSchemaVersion).toBeGreaterThanOrEqual(4);
    expect(store.rowCounts()).toEqual({ referrals: 0, cpp: 0, cla: 1 });
    expect(store.readReturns()).toBeNull();
    expect(store.returnsHeld()).toBeNull();
    // The change made before the returns existed still undoes, without touching them.
    expect(store.listChanges().undo).toEqual({ id: 1, madeAt, description: 'the paste into List 8', lists: ['cla'] });
    expect(store.undoListChange()?.lists).toEqual(['cla']);
    expect(store.rowCounts().cla).toBe(0);
    store.close();
    expect(readdirSync(dir).filter((f) => f.includes(`before-format-${latestSchemaVersion}`))).toHaveLength(1);
  });

  it('a file from a version after the returns is refused and left unchanged', () => {
    const file = path.join(folder(), 'future.dwb');
    WorkbookStore.create(file, info).close();
    const db = new Database(file);
    db.pragma(`user_version = ${latestSchemaVersion + 1}`);
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    const before = readFileSync(file);
    expect(() => WorkbookStore.open(file)).toThrow(`file format ${latestSchemaVersion + 1}; this version reads up to ${latestSchemaVersion}`);
    expect(readFileSync(file).equals(before)).toBe(true);
  });
});
