// Replacing one list keeps the others, and the replaced list's previous state stays in the workbook file so
// that Undo and Redo work after a reopen: on real SQLite files, with the demo authority's lists.
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { keptListChanges } from '../../electron/backend/storage/list-changes.ts';
import { applicationId, latestSchemaVersion } from '../../electron/backend/storage/migrations.ts';
import { migrate, WorkbookStore } from '../../electron/backend/storage/workbook-store.ts';
import type { Dataset } from '../../shared/dataset/types.ts';
import type { ImportResult } from '../../shared/import/import-lists.ts';
import type { ImportReport } from '../../shared/import/report.ts';
import { demoImport } from '../../shared/synthetic/demo.ts';

const folder = () => mkdtempSync(path.join(os.tmpdir(), 'list-changes-'));
const info = { title: 'Northshire 2026', createdAt: '2026-11-22T09:00:00.000Z', isDemo: false, pseudonymKey: new Uint8Array(32).fill(9) };
const madeAt = '2026-12-02T03:00:00.000Z';

/** A corrected List 7 as a single-list import brings it: fewer plans, in an extract of its own. */
function correctedPlans(base: Dataset, report: ImportReport, take: number): { dataset: Dataset; report: ImportReport } {
  const extract = { id: 100, label: 'Pasted lists', extractDate: '2024-09-30', extractDateSource: 'inferred' as const };
  const cpp = base.cpp.slice(0, take).map((c) => ({ ...c, extract: 100 }));
  const counts = { ...report.cpp, rowsRead: take, rowsAccepted: take, rowsRejected: 0, rowsBlank: 0, duplicates: 0, foundIn: ['Pasted Child protection (List 7)'] };
  return { dataset: { extracts: [...base.extracts, extract], referrals: [], cpp, cla: [] }, report: { ...report, cpp: counts, issues: report.issues.filter((i) => i.list !== 'cpp') } };
}

// The demo authority takes seconds to simulate on a loaded machine: once per file.
let demo: ImportResult;
beforeAll(() => {
  demo = demoImport();
}, 120_000);

describe('replacing one list', () => {
  it('keeps the other lists, and Undo and Redo swap the replaced list after the file is reopened', () => {
    const file = path.join(folder(), 'Northshire.dwb');
    const store = WorkbookStore.create(file, info);
    store.replaceLists(demo.dataset, demo.report);
    const before = store.readLists();
    expect(store.listChanges()).toEqual({ undo: null, redo: null });

    const corrected = correctedPlans(demo.dataset, demo.report, 488);
    const id = store.changeLists({ lists: ['cpp'], ...corrected, description: 'the paste into Child protection plans (List 7)', madeAt });
    expect(store.rowCounts()).toEqual({ referrals: demo.dataset.referrals.length, cpp: 488, cla: demo.dataset.cla.length });
    const after = store.readLists();
    expect(after.dataset.referrals).toEqual(before.dataset.referrals);
    expect(after.dataset.cla).toEqual(before.dataset.cla);
    expect(after.dataset.cpp).toEqual(corrected.dataset.cpp);
    expect(after.report).toEqual(corrected.report);
    // The extracts only List 7 used are gone; the new one is there.
    const stillUsed = new Set([...demo.dataset.referrals, ...demo.dataset.cla].map((r) => r.extract));
    expect(after.dataset.extracts.map((e) => e.id).sort((a, b) => a - b)).toEqual([...stillUsed, 100].sort((a, b) => a - b));
    store.close();

    const reopened = WorkbookStore.open(file);
    expect(reopened.listChanges()).toEqual({ undo: { id, madeAt, description: 'the paste into Child protection plans (List 7)', lists: ['cpp'] }, redo: null });
    expect(reopened.undoListChange()?.id).toBe(id);
    expect(reopened.readLists()).toEqual(before);
    expect(reopened.listChanges().undo).toBeNull();
    expect(reopened.listChanges().redo?.id).toBe(id);
    reopened.close();

    const again = WorkbookStore.open(file);
    expect(again.redoListChange()?.id).toBe(id);
    expect(again.readLists()).toEqual(after);
    expect(again.undoListChange()?.id).toBe(id);
    expect(again.readLists()).toEqual(before);
    expect(again.integrityCheck()).toEqual(['ok']);
    again.close();
  });

  it('restores the demo flag and title that an import into the demo changed', () => {
    const store = WorkbookStore.create(path.join(folder(), 'demo.dwb'), { ...info, title: 'Demo authority (synthetic data)', isDemo: true });
    store.replaceLists(demo.dataset, demo.report);
    const corrected = correctedPlans(demo.dataset, demo.report, 10);
    store.changeLists({ lists: ['referrals', 'cpp', 'cla'], ...corrected, description: 'the paste into Child protection plans (List 7)', madeAt, workbook: { isDemo: false, title: 'Untitled workbook' } });
    expect(store.info()).toMatchObject({ isDemo: false, title: 'Untitled workbook' });
    expect(store.rowCounts()).toEqual({ referrals: 0, cpp: 10, cla: 0 });
    store.undoListChange();
    expect(store.info()).toMatchObject({ isDemo: true, title: 'Demo authority (synthetic data)' });
    expect(store.readLists().dataset).toEqual(demo.dataset);
    store.close();
  });

  it(`keeps the last ${keptListChanges} changes, and a new change ends what could be redone`, () => {
    const store = WorkbookStore.create(path.join(folder(), 'many.dwb'), info);
    store.replaceLists(demo.dataset, demo.report);
    for (let n = 1; n <= keptListChanges + 2; n++) {
      const next = correctedPlans(demo.dataset, demo.report, n);
      store.changeLists({ lists: ['cpp'], ...next, description: `change ${n}`, madeAt });
    }
    let undone = 0;
    while (store.undoListChange()) undone++;
    expect(undone).toBe(keptListChanges);
    // The oldest kept change took the workbook from 2 plans to 3.
    expect(store.rowCounts().cpp).toBe(2);
    store.redoListChange();
    store.redoListChange();
    expect(store.rowCounts().cpp).toBe(4);
    store.changeLists({ lists: ['cpp'], ...correctedPlans(demo.dataset, demo.report, 50), description: 'change 50', madeAt });
    expect(store.listChanges()).toMatchObject({ undo: { description: 'change 50' }, redo: null });
    const db = new Database(store.file, { readonly: true });
    // Only what the kept changes need is in the file.
    const kept = db.prepare('SELECT count(*) AS n FROM list_changes').get() as { n: number };
    const rows = db.prepare('SELECT count(*) AS n FROM list_change_cpp').get() as { n: number };
    db.close();
    expect(kept.n).toBe(3);
    expect(rows.n).toBe(2 + 3 + 4);
    store.close();
  });

  it('is one transaction: a change that fails half way leaves the workbook and its history as they were', () => {
    const store = WorkbookStore.create(path.join(folder(), 'atomic.dwb'), info);
    store.replaceLists(demo.dataset, demo.report);
    const before = store.readLists();
    const broken = correctedPlans(demo.dataset, demo.report, 300);
    // The last row refers to an extract that does not exist: the insert fails after 299 rows went in.
    broken.dataset.cpp[299] = { ...broken.dataset.cpp[299]!, extract: 12345 };
    expect(() => store.changeLists({ lists: ['cpp'], ...broken, description: 'broken', madeAt })).toThrow(/FOREIGN KEY/);
    expect(store.readLists()).toEqual(before);
    expect(store.listChanges()).toEqual({ undo: null, redo: null });
    store.close();
  });
});

describe('migration 3', () => {
  it('adds the change history to a format-2 file, keeping its lists, with nothing to undo yet', () => {
    const file = path.join(folder(), 'format-2.dwb');
    const db = new Database(file);
    db.pragma('journal_mode = WAL');
    db.pragma(`application_id = ${applicationId}`);
    migrate(db, 2);
    db.prepare('INSERT INTO workbook (id, title, created_at, is_demo, pseudonym_key) VALUES (1, ?, ?, 0, ?)').run('Format 2', info.createdAt, Buffer.alloc(32, 1));
    db.prepare("INSERT INTO extracts (id, label, extract_date, extract_date_source) VALUES (1, 'x', '2024-09-30', 'given')").run();
    db.prepare("INSERT INTO cpp (extract_id, child, start_date) VALUES (1, 'C1', '2024-06-01')").run();
    db.close();

    const store = WorkbookStore.open(file, { now: () => new Date('2026-12-02T03:00:00Z') });
    expect(store.schemaVersion).toBe(latestSchemaVersion);
    expect(latestSchemaVersion).toBeGreaterThanOrEqual(3);
    expect(store.rowCounts()).toEqual({ referrals: 0, cpp: 1, cla: 0 });
    expect(store.listChanges()).toEqual({ undo: null, redo: null });
    expect(store.undoListChange()).toBeNull();
    store.close();
    const after = new Database(file, { readonly: true });
    const tables = (after.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name LIKE 'list_change%' AND name NOT LIKE 'list_change_ssda903%' AND name NOT LIKE 'list_change_housing%' ORDER BY name").all() as Array<{ name: string }>).map((t) => t.name);
    after.close();
    expect(tables).toEqual(['list_change_cla', 'list_change_cpp', 'list_change_referrals', 'list_changes']);
  });
});
