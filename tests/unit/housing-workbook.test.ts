// Housing workbooks: the service a workbook records (migration 5), the case and TA lists kept in the file
// and read back, and the bridge methods that start one, import into it (asking first, undoable) and hand
// its dataset to the engine, with their arguments validated.
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createBackend } from '../../electron/backend/backend.ts';
import { applicationId, latestSchemaVersion } from '../../electron/backend/storage/migrations.ts';
import { migrate, WorkbookStore } from '../../electron/backend/storage/workbook-store.ts';
import type { BridgeMethodName } from '../../shared/contracts/bridge.ts';
import { createDispatcher, unwrapEnvelope } from '../../shared/contracts/dispatch.ts';
import { housingDemoImport, housingDemoLists, housingDemoTitle } from '../../shared/synthetic/housing-demo.ts';

const folder = () => mkdtempSync(path.join(os.tmpdir(), 'housing-workbook-'));
const info = { title: 'Eastmere housing', createdAt: '2026-12-02T09:00:00.000Z', isDemo: false, pseudonymKey: new Uint8Array(32).fill(5) };
const backendIn = (dataFolder: string) =>
  createBackend({ productName: 'Demand Workbook', version: '1.0.0', transport: 'loopback', dataFolder, chooseSavePath: async () => null, now: () => new Date('2026-12-02T03:00:00Z') });

describe('migration 5', () => {
  it('makes a format-4 file a children’s services workbook, keeping its lists', () => {
    const file = path.join(folder(), 'format-4.dwb');
    const db = new Database(file);
    db.pragma('journal_mode = WAL');
    db.pragma(`application_id = ${applicationId}`);
    migrate(db, 4);
    db.prepare('INSERT INTO workbook (id, title, created_at, is_demo, pseudonym_key) VALUES (1, ?, ?, 0, ?)').run('Format 4', info.createdAt, Buffer.alloc(32, 1));
    db.prepare("INSERT INTO extracts (id, label, extract_date, extract_date_source) VALUES (1, 'x', '2024-09-30', 'given')").run();
    db.prepare("INSERT INTO cla (extract_id, child, start_date) VALUES (1, 'C1', '2024-06-01')").run();
    db.close();

    const store = WorkbookStore.open(file, { now: () => new Date('2026-12-02T03:00:00Z') });
    expect(store.schemaVersion).toBe(latestSchemaVersion);
    expect(store.service()).toBe('children');
    expect(store.rowCounts()).toEqual({ referrals: 0, cpp: 0, cla: 1 });
    expect(store.housingRowCounts()).toEqual({ cases: 0, ta: 0 });
    expect(store.integrityCheck()).toEqual(['ok']);
    store.close();
  });

  it('refuses a service that is neither, and a TA type the model does not know', () => {
    const store = WorkbookStore.create(path.join(folder(), 'h.dwb'), { ...info, service: 'housing' });
    store.close();
    const db = new Database(path.join(path.dirname(store.file), 'h.dwb'));
    expect(() => db.prepare("UPDATE workbook SET service = 'adults'").run()).toThrow(/CHECK/);
    db.prepare("INSERT INTO extracts (id, label, extract_date, extract_date_source) VALUES (1, 'x', '2024-09-30', 'given')").run();
    expect(() => db.prepare("INSERT INTO housing_ta (extract_id, case_id, placed, ta_type) VALUES (1, 'C1', '2024-01-01', 'caravan')").run()).toThrow(/CHECK/);
    db.close();
  });
});

describe('a housing workbook file', () => {
  it('keeps its service, the pseudonymised lists and the report, and gives them back after reopening', () => {
    const file = path.join(folder(), 'Eastmere.dwb');
    const { dataset, report } = housingDemoImport();
    const store = WorkbookStore.create(file, { ...info, service: 'housing' });
    store.replaceHousingLists(dataset, report);
    store.close();
    const reopened = WorkbookStore.open(file);
    expect(reopened.service()).toBe('housing');
    const read = reopened.readHousingLists();
    expect(read.dataset).toEqual(dataset);
    expect(read.report).toEqual(report);
    expect(reopened.housingRowCounts()).toEqual({ cases: dataset.cases.length, ta: dataset.ta.length });
    reopened.close();
    // Only what the model needs: no raw case reference, no reason or outcome in free text.
    const db = new Database(file, { readonly: true });
    const columns = (db.prepare("SELECT name FROM pragma_table_info('housing_cases')").pluck().all() as string[]).join(' ');
    expect(columns).not.toMatch(/reason|outcome|name|address/);
    expect(db.prepare("SELECT count(*) FROM housing_cases WHERE case_id LIKE 'H%'").pluck().get()).toBe(0);
    db.close();
  }, 120_000);
});

describe('the housing bridge methods', () => {
  it('start a housing workbook, import both lists, ask before replacing one, undo it, and hand the dataset over', async () => {
    const dataFolder = folder();
    const dispatch = createDispatcher(backendIn(dataFolder));
    const call = async <K extends BridgeMethodName>(name: K, args: unknown[]) => unwrapEnvelope(name, await dispatch(name, args));
    const started = await call('newWorkbookFor', [{ service: 'housing' }]);
    expect(started).toMatchObject({ title: 'Untitled housing workbook', service: 'housing', housingRows: { cases: 0, ta: 0 } });

    const lists = housingDemoLists();
    const pasted = await call('importHousingLists', [{ sources: [{ kind: 'pasted', list: 'cases', name: 'Case list', text: lists.cases }, { kind: 'pasted', list: 'ta', name: 'TA list', text: lists.ta }], extractDate: null }]);
    const cases = lists.cases.trimEnd().split('\n').length - 1;
    const ta = lists.ta.trimEnd().split('\n').length - 1;
    expect(pasted.outcome).toMatchObject({ kind: 'replaced', lists: ['cases', 'ta'] });
    expect(pasted.workbook.housingRows).toEqual({ cases, ta });
    expect(pasted.report.cases).toMatchObject({ rowsRead: cases, rowsAccepted: cases });

    // A shorter TA list: asked first, in words; then replaced; Undo brings the whole list back.
    const shorter = lists.ta.split('\n').slice(0, 101).join('\n');
    const asked = await call('importHousingLists', [{ sources: [{ kind: 'pasted', list: 'ta', name: 'TA list', text: shorter }], extractDate: null }]);
    expect(asked.outcome).toMatchObject({ kind: 'confirm', replacing: [{ list: 'ta', inWorkbook: ta, incoming: 100 }] });
    if (asked.outcome.kind !== 'confirm') throw new Error('not asked');
    expect(asked.outcome.question).toBe(`Replace the ${ta.toLocaleString('en-GB')} TA placements in this workbook with the 100 TA placements you pasted?`);
    const done = await call('confirmHousingImport', [{ token: asked.outcome.token }]);
    expect(done.workbook.housingRows).toEqual({ cases, ta: 100 });
    // The TA list pasted alone is still counted against the case list the workbook holds.
    expect(done.workbookReport?.issues.filter((i) => /no case in the case list/.test(i.message))).toHaveLength(1);
    expect(done.workbookReport?.cases.rowsAccepted).toBe(cases);
    expect(done.workbook.undo).toBe('the paste into the temporary accommodation list');
    const undone = await call('undoListChange', []);
    expect(undone.workbook.housingRows).toEqual({ cases, ta });
    expect(undone.change).toMatchObject({ lists: [], housingLists: ['ta'] });

    const data = await call('getHousingData', []);
    expect(data.dataset.cases).toHaveLength(cases);
    expect(data.dataset.ta).toHaveLength(ta);
    expect(data.report?.ta.rowsAccepted).toBe(ta);
    expect(data.report?.issues.find((i) => /no case in the case list/.test(i.message))).toMatchObject({ list: 'ta', severity: 'info' });
    // Annex A lists do not go into a housing workbook.
    const refused = await dispatch('importLists', [{ sources: [{ kind: 'pasted', list: 'cla', name: 'x', text: 'a' }], extractDate: null }]);
    expect(refused.ok).toBe(false);
  }, 120_000);

  it('open the demo housing authority', async () => {
    const dispatch = createDispatcher(backendIn(folder()));
    const demo = unwrapEnvelope('openHousingDemoWorkbook', await dispatch('openHousingDemoWorkbook', []));
    expect(demo).toMatchObject({ title: housingDemoTitle, isDemo: true, service: 'housing' });
    expect(demo.housingRows!.cases).toBeGreaterThan(5000);
    expect(demo.housingRows!.ta).toBeGreaterThan(500);
  }, 120_000);

  it.each([
    ['a service that is neither', 'newWorkbookFor', [{ service: 'adults' }], 'argument 1, service'],
    ['a paste into a list that is not housing', 'importHousingLists', [{ sources: [{ kind: 'pasted', list: 'cla', name: 'x', text: 'a' }], extractDate: null }], 'argument 1, sources'],
    ['no lists', 'importHousingLists', [{ sources: [], extractDate: null }], 'give at least one list'],
  ] as const)('reject %s with a message naming the place', async (_label, name, args, message) => {
    const result = await createDispatcher(backendIn(folder()))(name, args as unknown as unknown[]);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toContain(message);
  });
});
