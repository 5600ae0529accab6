// A workbook is one SQLite file. All SQL lives here. Every change is one transaction, committed before
// the call returns (write-ahead log, synchronous FULL), so what the app reports as saved survives a crash.
// A file from a newer version, or one that is not a workbook, is refused without being written to.
import Database from 'better-sqlite3';
import { existsSync, openSync, readSync, closeSync } from 'node:fs';
import path from 'node:path';
import type { ClaRecord, CppRecord, Dataset, ExtractInfo, ListRecord, ReferralRecord } from '../../../shared/dataset/types.ts';
import type { ListId } from '../../../shared/import/list-catalogue.ts';
import type { ImportReport } from '../../../shared/import/report.ts';
import type { PlacementGroup } from '../../../shared/import/values/codes.ts';
import { acquireLock } from './file-lock.ts';
import { changeToRedo, changeToUndo, dropUnusedExtracts, extractRows, listColumns, recordChange, swapChange, upsertExtracts, writeReport, type ListChangeInfo } from './list-changes.ts';
import { applicationId, latestSchemaVersion, migrations } from './migrations.ts';

export type WorkbookFileProblem = 'missing' | 'not-a-workbook' | 'newer-version' | 'already-exists' | 'read-only';

export class WorkbookFileError extends Error {
  readonly problem: WorkbookFileProblem;
  constructor(problem: WorkbookFileProblem, message: string) {
    super(message);
    this.name = 'WorkbookFileError';
    this.problem = problem;
  }
}

export interface WorkbookInfo {
  title: string;
  createdAt: string;
  isDemo: boolean;
}

export interface OpenOptions {
  /** Where to put the copy taken before a migration (default: beside the file). */
  backupFolder?: string;
  now?: () => Date;
}

const sqliteHeader = 'SQLite format 3\u0000';

function hasSqliteHeader(file: string): boolean {
  const fd = openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(16);
    const read = readSync(fd, buffer, 0, 16, 0);
    return read === 16 && buffer.toString('latin1') === sqliteHeader;
  } finally {
    closeSync(fd);
  }
}

function configure(db: Database.Database): void {
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 2000');
}

export function migrate(db: Database.Database, upTo: number = latestSchemaVersion): number[] {
  const applied: number[] = [];
  const current = db.pragma('user_version', { simple: true }) as number;
  for (const m of migrations) {
    if (m.version <= current || m.version > upTo) continue;
    db.transaction(() => {
      db.exec(m.sql);
      db.pragma(`user_version = ${m.version}`);
    })();
    applied.push(m.version);
  }
  return applied;
}

export class WorkbookStore {
  readonly file: string;
  readonly readOnlyReason: string | null;
  private readonly db: Database.Database;
  private readonly releaseLock: () => void;

  private constructor(file: string, db: Database.Database, readOnlyReason: string | null, releaseLock: () => void) {
    this.file = file;
    this.db = db;
    this.readOnlyReason = readOnlyReason;
    this.releaseLock = releaseLock;
  }

  /** A new workbook file. Refuses to replace an existing file. */
  static create(file: string, info: WorkbookInfo & { pseudonymKey: Uint8Array }): WorkbookStore {
    if (existsSync(file)) throw new WorkbookFileError('already-exists', `"${path.basename(file)}" already exists; choose another name.`);
    const lock = acquireLock(file);
    if (!lock.ok) throw new WorkbookFileError('read-only', `"${path.basename(file)}" is being created by another window.`);
    const db = new Database(file);
    try {
      configure(db);
      db.pragma(`application_id = ${applicationId}`);
      migrate(db);
      db.prepare('INSERT INTO workbook (id, title, created_at, is_demo, pseudonym_key) VALUES (1, ?, ?, ?, ?)').run(info.title, info.createdAt, info.isDemo ? 1 : 0, Buffer.from(info.pseudonymKey));
    } catch (err) {
      db.close();
      lock.release();
      throw err;
    }
    return new WorkbookStore(file, db, null, lock.release);
  }

  static open(file: string, options: OpenOptions = {}): WorkbookStore {
    const name = path.basename(file);
    if (!existsSync(file)) throw new WorkbookFileError('missing', `"${name}" cannot be found. It may have been moved or renamed.`);
    const notAWorkbook = new WorkbookFileError('not-a-workbook', `"${name}" is not a Demand Workbook file, so it was not opened. To bring in Annex A lists, use Import lists instead.`);
    if (!hasSqliteHeader(file)) throw notAWorkbook;

    // Look before writing anything: a read-only connection cannot alter the file.
    let version: number;
    try {
      const probe = new Database(file, { readonly: true, fileMustExist: true });
      try {
        if (probe.pragma('application_id', { simple: true }) !== applicationId) throw notAWorkbook;
        version = probe.pragma('user_version', { simple: true }) as number;
      } finally {
        probe.close();
      }
    } catch (err) {
      if (err instanceof WorkbookFileError) throw err;
      throw notAWorkbook;
    }
    if (version > latestSchemaVersion) {
      throw new WorkbookFileError(
        'newer-version',
        `"${name}" was saved by a newer version of Demand Workbook (file format ${version}; this version reads up to ${latestSchemaVersion}). Update Demand Workbook to open it. The file has not been changed.`,
      );
    }

    const lock = acquireLock(file, options.now);
    if (!lock.ok) {
      if (version < latestSchemaVersion) {
        throw new WorkbookFileError('read-only', `"${name}" is open in another window and needs updating to this version's format; close it there first.`);
      }
      const db = new Database(file, { readonly: true, fileMustExist: true });
      const reason = `"${name}" is open in another window or program (process ${lock.owner.pid} since ${lock.owner.since.slice(0, 16).replace('T', ' ')}), so it has been opened read-only. Close it there to make changes here.`;
      return new WorkbookStore(file, db, reason, () => undefined);
    }

    const db = new Database(file, { fileMustExist: true });
    try {
      configure(db);
      if (version < latestSchemaVersion) {
        // A consistent copy of the file as it was, before any migration touches it.
        const stamp = (options.now ?? (() => new Date()))().toISOString().replace(/[:.]/g, '-');
        const backup = path.join(options.backupFolder ?? path.dirname(file), `${path.basename(file, path.extname(file))}.before-format-${latestSchemaVersion}.${stamp}${path.extname(file) || '.dwb'}`);
        db.prepare('VACUUM INTO ?').run(backup);
        migrate(db);
      }
    } catch (err) {
      db.close();
      lock.release();
      throw err;
    }
    return new WorkbookStore(file, db, null, lock.release);
  }

  get schemaVersion(): number {
    return this.db.pragma('user_version', { simple: true }) as number;
  }

  private writable(): void {
    if (this.readOnlyReason) throw new WorkbookFileError('read-only', this.readOnlyReason);
  }

  info(): WorkbookInfo {
    const row = this.db.prepare('SELECT title, created_at, is_demo FROM workbook WHERE id = 1').get() as { title: string; created_at: string; is_demo: number };
    return { title: row.title, createdAt: row.created_at, isDemo: row.is_demo === 1 };
  }

  pseudonymKey(): Uint8Array {
    const row = this.db.prepare('SELECT pseudonym_key FROM workbook WHERE id = 1').get() as { pseudonym_key: Buffer };
    return new Uint8Array(row.pseudonym_key);
  }

  /** Once an analyst's own lists replace the demo's, the workbook is no longer the demo. */
  markNotDemo(): void {
    this.writable();
    this.db.prepare('UPDATE workbook SET is_demo = 0 WHERE id = 1').run();
  }

  rename(title: string): void {
    this.writable();
    this.db.prepare('UPDATE workbook SET title = ? WHERE id = 1').run(title);
  }

  /** Replaces every list with a newly imported dataset, in one transaction (a new workbook's first lists). */
  replaceLists(dataset: Dataset, report: ImportReport | null): void {
    this.writable();
    const db = this.db;
    db.transaction(() => {
      db.exec('DELETE FROM referrals; DELETE FROM cpp; DELETE FROM cla; DELETE FROM extracts; DELETE FROM import_report;');
      upsertExtracts(db, extractRows(dataset.extracts));
      for (const list of ['referrals', 'cpp', 'cla'] as const) this.insertRows(list, dataset[list]);
      writeReport(db, report ? JSON.stringify(report) : null);
    })();
  }

  /**
   * Replaces only `lists`, in one transaction that also keeps their previous state for Undo. `dataset.extracts`
   * is the whole extracts table afterwards (the kept lists' extracts with their ids, and any new ones); its
   * rows for the other lists are ignored. Returns the change's id.
   */
  changeLists(change: { lists: readonly ListId[]; dataset: Dataset; report: ImportReport; description: string; madeAt: string; workbook?: { isDemo: boolean; title: string } }): number {
    this.writable();
    const db = this.db;
    return db.transaction(() => {
      const id = recordChange(db, change);
      upsertExtracts(db, extractRows(change.dataset.extracts));
      for (const list of change.lists) {
        db.prepare(`DELETE FROM ${list}`).run();
        this.insertRows(list, change.dataset[list]);
      }
      dropUnusedExtracts(db);
      writeReport(db, JSON.stringify(change.report));
      if (change.workbook) db.prepare('UPDATE workbook SET is_demo = ?, title = ? WHERE id = 1').run(change.workbook.isDemo ? 1 : 0, change.workbook.title);
      return id;
    })();
  }

  /** The changes Undo and Redo would act on now. */
  listChanges(): { undo: ListChangeInfo | null; redo: ListChangeInfo | null } {
    return { undo: changeToUndo(this.db), redo: changeToRedo(this.db) };
  }

  /** Takes back the newest list change (null when there is none), in one transaction. */
  undoListChange(): ListChangeInfo | null {
    return this.swap(changeToUndo(this.db));
  }

  /** Makes the oldest undone list change again (null when there is none), in one transaction. */
  redoListChange(): ListChangeInfo | null {
    return this.swap(changeToRedo(this.db));
  }

  private swap(change: ListChangeInfo | null): ListChangeInfo | null {
    if (!change) return null;
    this.writable();
    this.db.transaction(() => swapChange(this.db, change.id))();
    return change;
  }

  private insertRows<L extends ListId>(list: L, records: readonly ListRecord[L][]): void {
    const bool = (b: boolean | null) => (b === null ? null : b ? 1 : 0);
    const columns = listColumns[list];
    const insert = this.db.prepare(`INSERT INTO ${list} (${columns}) VALUES (${columns.split(',').map(() => '?').join(', ')})`);
    for (const record of records) {
      if (list === 'referrals') {
        const r = record as ReferralRecord;
        insert.run(r.extract, r.child, r.birthMonth, r.referralDate, r.ageYears, r.source, bool(r.nfa), r.referralsInLast12Months);
      } else if (list === 'cpp') {
        const c = record as CppRecord;
        insert.run(c.extract, c.child, c.birthMonth, c.startDate, c.endDate, c.initialCategory, c.latestCategory, c.previousPlans);
      } else {
        const c = record as ClaRecord;
        insert.run(c.extract, c.child, c.birthMonth, c.startDate, c.endDate, bool(c.uasc), c.reasonCeased, c.legalStatus, c.categoryOfNeed, c.placementType, c.placementGroup, c.placementProvider);
      }
    }
  }

  readExtracts(): ExtractInfo[] {
    return (this.db.prepare('SELECT id, label, extract_date, extract_date_source, window_start FROM extracts ORDER BY id').raw().all() as Array<[number, string, string, 'given' | 'inferred', string | null]>).map(
      ([id, label, extractDate, extractDateSource, windowStart]): ExtractInfo => ({ id, label, extractDate, extractDateSource, ...(windowStart ? { windowStart } : {}) }),
    );
  }

  /** Which extracts each list's rows refer to. */
  extractIdsByList(): Record<ListId, number[]> {
    const ids = (list: ListId) => (this.db.prepare(`SELECT DISTINCT extract_id AS id FROM ${list}`).all() as Array<{ id: number }>).map((r) => r.id);
    return { referrals: ids('referrals'), cpp: ids('cpp'), cla: ids('cla') };
  }

  readReport(): ImportReport | null {
    const report = this.db.prepare('SELECT json FROM import_report WHERE id = 1').get() as { json: string } | undefined;
    return report ? (JSON.parse(report.json) as ImportReport) : null;
  }

  readLists(): { dataset: Dataset; report: ImportReport | null } {
    const db = this.db;
    const flag = (v: number | null) => (v === null ? null : v === 1);
    const extracts = this.readExtracts();
    const referrals = (db.prepare('SELECT child, birth_month, extract_id, referral_date, age_years, source, nfa, referrals_12m FROM referrals ORDER BY id').raw().all() as unknown[][]).map(
      (r): ReferralRecord => ({ child: r[0] as string, birthMonth: r[1] as string | null, extract: r[2] as number, referralDate: r[3] as string, ageYears: r[4] as number | null, source: r[5] as string | null, nfa: flag(r[6] as number | null), referralsInLast12Months: r[7] as number | null }),
    );
    const cpp = (db.prepare('SELECT child, birth_month, extract_id, start_date, end_date, initial_category, latest_category, previous_plans FROM cpp ORDER BY id').raw().all() as unknown[][]).map(
      (r): CppRecord => ({ child: r[0] as string, birthMonth: r[1] as string | null, extract: r[2] as number, startDate: r[3] as string, endDate: r[4] as string | null, initialCategory: r[5] as string | null, latestCategory: r[6] as string | null, previousPlans: r[7] as number | null }),
    );
    const cla = (
      db.prepare('SELECT child, birth_month, extract_id, start_date, end_date, uasc, reason_ceased, legal_status, category_of_need, placement_type, placement_group, placement_provider FROM cla ORDER BY id').raw().all() as unknown[][]
    ).map(
      (r): ClaRecord => ({
        child: r[0] as string,
        birthMonth: r[1] as string | null,
        extract: r[2] as number,
        startDate: r[3] as string,
        endDate: r[4] as string | null,
        uasc: flag(r[5] as number | null),
        reasonCeased: r[6] as string | null,
        legalStatus: r[7] as string | null,
        categoryOfNeed: r[8] as string | null,
        placementType: r[9] as string | null,
        placementGroup: r[10] as PlacementGroup | null,
        placementProvider: r[11] as string | null,
      }),
    );
    return { dataset: { extracts, referrals, cpp, cla }, report: this.readReport() };
  }

  rowCounts(): { referrals: number; cpp: number; cla: number } {
    const count = (table: 'referrals' | 'cpp' | 'cla') => (this.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    return { referrals: count('referrals'), cpp: count('cpp'), cla: count('cla') };
  }

  saveScenarios(scenarios: readonly unknown[]): void {
    this.writable();
    const insert = this.db.prepare('INSERT INTO scenarios (position, json) VALUES (?, ?)');
    this.db.transaction(() => {
      this.db.exec('DELETE FROM scenarios');
      scenarios.forEach((s, i) => insert.run(i, JSON.stringify(s)));
    })();
  }

  readScenarios(): unknown[] {
    return (this.db.prepare('SELECT json FROM scenarios ORDER BY position').all() as Array<{ json: string }>).map((r) => JSON.parse(r.json) as unknown);
  }

  setSetting(key: string, value: string): void {
    this.writable();
    this.db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, value);
  }

  setting(key: string): string | null {
    return (this.db.prepare('SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined)?.value ?? null;
  }

  /** A complete, consistent copy of the workbook at `target`, by SQLite's online backup. */
  async saveCopyAs(target: string): Promise<void> {
    if (path.resolve(target) === path.resolve(this.file)) return;
    await this.db.backup(target);
  }

  integrityCheck(): string[] {
    return (this.db.pragma('integrity_check') as Array<{ integrity_check: string }>).map((r) => r.integrity_check);
  }

  close(): void {
    if (this.db.open) {
      if (!this.readOnlyReason) this.db.pragma('wal_checkpoint(TRUNCATE)');
      this.db.close();
    }
    this.releaseLock();
  }
}
