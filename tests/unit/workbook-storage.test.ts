// Workbook files on real SQLite in a temporary folder: round trips, migrations, refusals, locks, Save As,
// and crash safety under SIGKILL.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { lockPathFor } from '../../electron/backend/storage/file-lock.ts';
import { applicationId, latestSchemaVersion, migrations } from '../../electron/backend/storage/migrations.ts';
import { migrate, WorkbookFileError, WorkbookStore } from '../../electron/backend/storage/workbook-store.ts';
import { demoImport } from '../../shared/synthetic/demo.ts';

const folder = () => mkdtempSync(path.join(os.tmpdir(), 'workbooks-'));
const info = { title: 'Northshire 2026', createdAt: '2026-11-22T09:00:00.000Z', isDemo: false, pseudonymKey: new Uint8Array(32).fill(9) };
const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
const problem = (fn: () => unknown) => {
  try {
    fn();
  } catch (err) {
    return err instanceof WorkbookFileError ? { problem: err.problem, message: err.message } : { problem: 'other', message: String(err) };
  }
  return null;
};

describe('a workbook file', () => {
  it('keeps the lists, the import report, scenarios and settings, and gives them back after reopening', () => {
    const file = path.join(folder(), 'Northshire.dwb');
    const { dataset, report } = demoImport();
    const store = WorkbookStore.create(file, info);
    store.replaceLists(dataset, report);
    store.saveScenarios([{ name: 'Winter lockdown', shocks: [] }]);
    store.setSetting('horizon', '36');
    store.rename('Northshire children 2026');
    store.close();

    const reopened = WorkbookStore.open(file);
    expect(reopened.info()).toEqual({ title: 'Northshire children 2026', createdAt: info.createdAt, isDemo: false });
    const read = reopened.readLists();
    expect(read.dataset).toEqual(dataset);
    expect(read.report).toEqual(report);
    expect(reopened.readScenarios()).toEqual([{ name: 'Winter lockdown', shocks: [] }]);
    expect(reopened.setting('horizon')).toBe('36');
    expect([...reopened.pseudonymKey()]).toEqual([...info.pseudonymKey]);
    expect(reopened.integrityCheck()).toEqual(['ok']);
    reopened.close();
  }, 60_000); // the demo authority is simulated first: seconds on a loaded machine

  it('uses STRICT tables with foreign keys on, and marks itself as a Demand Workbook', () => {
    const file = path.join(folder(), 'strict.dwb');
    WorkbookStore.create(file, info).close();
    const db = new Database(file);
    db.pragma('foreign_keys = ON');
    expect(db.pragma('application_id', { simple: true })).toBe(applicationId);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    const tables = db.prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'table'").all() as Array<{ name: string; sql: string }>;
    for (const t of tables) expect(t.sql, t.name).toMatch(/STRICT$/);
    expect(() => db.prepare("INSERT INTO extracts (id, label, extract_date, extract_date_source) VALUES ('one', 'x', '2024-01-01', 'given')").run()).toThrow(/datatype/);
    expect(() => db.prepare("INSERT INTO referrals (extract_id, child, referral_date) VALUES (99, 'C1', '2024-01-01')").run()).toThrow(/FOREIGN KEY/);
    db.close();
  });

  it('saves a copy with Save As (online backup) that opens with everything in it', async () => {
    const dir = folder();
    const store = WorkbookStore.create(path.join(dir, 'a.dwb'), info);
    store.replaceLists(demoImport().dataset, null);
    await store.saveCopyAs(path.join(dir, 'b.dwb'));
    store.close();
    const copy = WorkbookStore.open(path.join(dir, 'b.dwb'));
    expect(copy.readLists().dataset.cla.length).toBe(demoImport().dataset.cla.length);
    copy.close();
  });
});

describe('migrations', () => {
  it('are numbered 1, 2, ... with nothing missing', () => {
    expect(migrations.map((m) => m.version)).toEqual(Array.from({ length: latestSchemaVersion }, (_, i) => i + 1));
  });

  it('migration 1 creates the workbook tables in an empty file', () => {
    const db = new Database(':memory:');
    expect(migrate(db, 1)).toEqual([1]);
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    const tables = (db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").all() as Array<{ name: string }>).map((t) => t.name);
    expect(tables).toEqual(['cla', 'cpp', 'extracts', 'import_report', 'referrals', 'scenarios', 'settings', 'workbook']);
    db.close();
  });

  it('migration 2 adds the linking indexes to a format-1 file, keeping its data, after taking a backup', () => {
    const dir = folder();
    const file = path.join(dir, 'old.dwb');
    // A file as version 1 of the app left it.
    const db = new Database(file);
    db.pragma('journal_mode = WAL');
    db.pragma(`application_id = ${applicationId}`);
    migrate(db, 1);
    db.prepare('INSERT INTO workbook (id, title, created_at, is_demo, pseudonym_key) VALUES (1, ?, ?, 0, ?)').run('Old', info.createdAt, Buffer.alloc(32, 1));
    db.prepare("INSERT INTO extracts (id, label, extract_date, extract_date_source) VALUES (1, 'x', '2024-09-30', 'given')").run();
    db.prepare("INSERT INTO referrals (extract_id, child, referral_date) VALUES (1, 'C1', '2024-06-01')").run();
    db.close();

    const store = WorkbookStore.open(file, { now: () => new Date('2026-11-22T10:00:00Z') });
    expect(store.schemaVersion).toBe(latestSchemaVersion);
    expect(store.readLists().dataset.referrals).toHaveLength(1);
    store.close();
    const backups = readdirSync(dir).filter((f) => f.includes(`before-format-${latestSchemaVersion}`));
    expect(backups).toHaveLength(1);
    const backup = new Database(path.join(dir, backups[0]!), { readonly: true });
    expect(backup.pragma('user_version', { simple: true })).toBe(1);
    backup.close();
    const after = new Database(file, { readonly: true });
    const indexes = (after.prepare("SELECT name FROM sqlite_schema WHERE type = 'index' AND name NOT LIKE 'sqlite_%'").all() as Array<{ name: string }>).map((i) => i.name);
    expect(indexes).toEqual(expect.arrayContaining(['referrals_child', 'cpp_child', 'cla_child']));
    after.close();
  });
});

describe('files that must be refused, untouched', () => {
  it('a workbook from a newer version', () => {
    const file = path.join(folder(), 'future.dwb');
    WorkbookStore.create(file, info).close();
    const db = new Database(file);
    db.pragma('user_version = 99');
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    const before = sha(file);
    expect(problem(() => WorkbookStore.open(file))).toEqual({
      problem: 'newer-version',
      message: `"future.dwb" was saved by a newer version of Demand Workbook (file format 99; this version reads up to ${latestSchemaVersion}). Update Demand Workbook to open it. The file has not been changed.`,
    });
    expect(sha(file)).toBe(before);
    expect(existsSync(lockPathFor(file))).toBe(false);
  });

  it.each([
    ['a text file', (f: string) => writeFileSync(f, 'Child Unique ID,Date of referral\n1,01/02/2024\n')],
    ['an Excel workbook', (f: string) => copyFileSync(path.resolve(import.meta.dirname, '../../../shared/fixtures/annex-a/liia-tools__Annex_A.xlsx'), f)],
    ['another SQLite database', (f: string) => {
      const db = new Database(f);
      db.exec('CREATE TABLE accounts (id INTEGER PRIMARY KEY, name TEXT)');
      db.close();
    }],
    ['an empty file', (f: string) => writeFileSync(f, '')],
  ])('%s', (_label, make) => {
    const file = path.join(folder(), 'not-a-workbook.dwb');
    make(file);
    const before = sha(file);
    expect(problem(() => WorkbookStore.open(file))).toMatchObject({ problem: 'not-a-workbook', message: expect.stringContaining('is not a Demand Workbook file') });
    expect(sha(file)).toBe(before);
  });
});

describe('a workbook open twice', () => {
  it('opens read-only with a message while another window has it, and can be written again once closed', () => {
    const file = path.join(folder(), 'shared.dwb');
    const first = WorkbookStore.create(file, info);
    const second = WorkbookStore.open(file);
    expect(second.readOnlyReason).toMatch(/is open in another window or program .* opened read-only/);
    expect(second.info().title).toBe('Northshire 2026');
    expect(problem(() => second.rename('Mine now'))).toMatchObject({ problem: 'read-only' });
    second.close();
    first.rename('Still mine');
    first.close();
    const third = WorkbookStore.open(file);
    expect(third.readOnlyReason).toBeNull();
    expect(third.info().title).toBe('Still mine');
    third.close();
  });

  it('respects a lock held by another running process and takes over a stale one', () => {
    const file = path.join(folder(), 'locked.dwb');
    WorkbookStore.create(file, info).close();
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 20000)']);
    writeFileSync(lockPathFor(file), JSON.stringify({ pid: other.pid, host: os.hostname(), since: '2026-11-22T08:00:00.000Z' }));
    const readOnly = WorkbookStore.open(file);
    expect(readOnly.readOnlyReason).toContain(`process ${other.pid}`);
    readOnly.close();
    other.kill('SIGKILL');
    spawnSync(process.execPath, ['-e', '0']); // let the kill land
    writeFileSync(lockPathFor(file), JSON.stringify({ pid: 2 ** 22 + 17, host: os.hostname(), since: '2026-11-22T08:00:00.000Z' }));
    const writable = WorkbookStore.open(file);
    expect(writable.readOnlyReason).toBeNull();
    writable.close();
  });
});

describe('crash safety', () => {
  it('survives being killed at random moments: the file always reopens intact with every change reported as saved', async () => {
    const file = path.join(folder(), 'crash.dwb');
    const writer = path.resolve(import.meta.dirname, '../support/storage-writer.ts');
    let lastReported = 0;
    const kills = 20;
    for (let round = 0; round < kills; round++) {
      const child = spawn(process.execPath, ['--import', 'tsx', writer, file], { stdio: ['ignore', 'pipe', 'pipe'] });
      let reported = lastReported;
      let sawAny = false;
      let errors = '';
      child.stderr.on('data', (d) => (errors += d));
      const firstSave = new Promise<void>((resolve, reject) => {
        child.stdout.on('data', (chunk: Buffer) => {
          for (const m of chunk.toString().matchAll(/saved (\d+)/g)) reported = Math.max(reported, Number(m[1]));
          if (!sawAny) {
            sawAny = true;
            resolve();
          }
        });
        child.on('exit', () => reject(new Error(`writer exited before saving: ${errors}`)));
      });
      await firstSave;
      await new Promise((r) => setTimeout(r, Math.floor(Math.random() * 120)));
      const exited = new Promise((r) => child.on('exit', r));
      child.kill('SIGKILL');
      await exited;

      const store = WorkbookStore.open(file);
      expect(store.integrityCheck()).toEqual(['ok']);
      const counter = Number(store.setting('counter'));
      expect(counter).toBeGreaterThanOrEqual(reported);
      const { dataset } = store.readLists();
      // Each replacement is all or nothing: the three lists always have the same length.
      expect(dataset.referrals.length).toBe(dataset.cpp.length);
      expect(dataset.cla.length).toBe(dataset.cpp.length);
      store.close();
      lastReported = counter;
    }
    expect(lastReported).toBeGreaterThan(kills);
  }, 120_000);
});
