// A workbook is one SQLite file. All SQL lives here. Every change is one transaction, committed before
// the call returns (write-ahead log, synchronous FULL), so what the app reports as saved survives a crash.
// A file from a newer version, a damaged one, or one that is not a workbook, is refused without being
// written to. A file this person cannot change (read-only, or in a read-only folder) opens read-only, from
// a copy in memory, saying why. Files are created readable by their owner only.
import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { accessSync, constants, existsSync, openSync, readdirSync, readFileSync, readSync, closeSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import type { ClaRecord, CppRecord, Dataset, ExtractInfo, ListRecord, ReferralRecord } from '../../../shared/dataset/types.ts';
import type { HousingCaseRecord, HousingDataset, HousingList, TaPlacementRecord } from '../../../shared/dataset/housing.ts';
import type { HousingImportReport } from '../../../shared/import/housing/import-housing.ts';
import type { ListId } from '../../../shared/import/list-catalogue.ts';
import type { ImportReport } from '../../../shared/import/report.ts';
import type { PlacementGroup } from '../../../shared/import/values/codes.ts';
import { createPrivateFile, flushFile, flushFolder } from '../../common/private-files.ts';
import { acquireLock, LockNotWritableError, lockPathFor, lockRefreshMs, processAlive, readLockOwner, type HeldLock } from './file-lock.ts';
import { lockedTargetMessage, lockLostReason, openElsewhereReason, takenOverNotice } from './lock-messages.ts';
import { changeToRedo, changeToUndo, dropUnusedExtracts, extractRows, listColumns, listTables, recordChange, swapChange, upsertExtracts, writeReport, type ListChangeInfo } from './list-changes.ts';
import { applicationId, latestSchemaVersion, migrations } from './migrations.ts';
import { readReturns, readReturnsReport, returnsHeld, writeReturns, type ReturnsHeld } from './ssda903-tables.ts';
import type { Ssda903Import, Ssda903Report } from '../../../shared/import/ssda903/import-ssda903.ts';
import { missingParts } from './schema-check.ts';

export type WorkbookFileProblem = 'missing' | 'not-a-workbook' | 'newer-version' | 'already-exists' | 'read-only' | 'damaged' | 'locked' | 'cannot-read';

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

/** What a workbook forecasts: children's social care (the Annex A lists) or homelessness and TA (housing lists). */
export type WorkbookService = 'children' | 'housing';

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

const canWrite = (target: string) => {
  try {
    accessSync(target, constants.W_OK);
    return true;
  } catch {
    return false;
  }
};

const errorCode = (err: unknown) => (err as { code?: unknown } | null)?.code;
const notPermitted = (err: unknown) => ['EACCES', 'EPERM', 'EROFS', 'SQLITE_READONLY_DIRECTORY', 'SQLITE_CANTOPEN', 'SQLITE_READONLY'].includes(String(errorCode(err)));

function readOnlyFolderReason(file: string): string {
  return `The folder "${path.basename(path.dirname(file)) || path.dirname(file)}" cannot be written to (it may be read-only, or shared with you to read only), so "${path.basename(file)}" has been opened read-only: changes cannot be saved to it. Use Save as to keep a copy you can change.`;
}

function readOnlyFileReason(file: string): string {
  return `"${path.basename(file)}" is a read-only file, so it has been opened read-only: you can see everything in it, but changes cannot be saved to it. Use Save as to keep a copy you can change.`;
}

/** What a file holds, read without writing to it: whether it is a workbook, its format, what is missing. */
function inspect(db: Database.Database, name: string): number {
  if (db.pragma('application_id', { simple: true }) !== applicationId) throw notAWorkbook(name);
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version > latestSchemaVersion) {
    throw new WorkbookFileError(
      'newer-version',
      `"${name}" was saved by a newer version of Demand Workbook (file format ${version}; this version reads up to ${latestSchemaVersion}). Update Demand Workbook to open it. The file has not been changed.`,
    );
  }
  const missing = missingParts(db, version);
  if (missing.length) {
    throw new WorkbookFileError(
      'damaged',
      `"${name}" is damaged: it has lost ${missing.join(', ')}, perhaps changed by another program. It was not opened and has not been changed. Open a copy you saved earlier, or start a new workbook and import the lists again.`,
    );
  }
  return version;
}

function notAWorkbook(name: string): WorkbookFileError {
  return new WorkbookFileError('not-a-workbook', `"${name}" is not a Demand Workbook file, so it was not opened. To bring in Annex A lists, use Import lists instead.`);
}

function cannotRead(name: string): WorkbookFileError {
  return new WorkbookFileError('cannot-read', `"${name}" cannot be read: this account does not have permission to open it. Ask whoever looks after that folder, or copy the file somewhere you can read it.`);
}

/** Copies left by a Save as that was stopped midway (the app killed, the power cut), once their writer is gone. */
function removeUnfinishedCopies(target: string): void {
  const folder = path.dirname(target);
  const prefix = `.${path.basename(target)}.`;
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return;
  }
  for (const entry of names) {
    const m = entry.startsWith(prefix) ? /^(\d+)\.[\w-]+\.saving(-journal)?$/.exec(entry.slice(prefix.length)) : null;
    if (m && Number(m[1]) !== process.pid && !processAlive(Number(m[1]))) rmSync(path.join(folder, entry), { force: true });
  }
}

export class WorkbookStore {
  readonly file: string;
  /** Said once, when the workbook was opened (a stale lock taken over), or null. */
  readonly notice: string | null;
  private readonly db: Database.Database;
  private lock: HeldLock | null;
  private reason: string | null;
  private heartbeat: ReturnType<typeof setInterval> | null = null;

  private constructor(file: string, db: Database.Database, readOnlyReason: string | null, lock: HeldLock | null) {
    this.file = file;
    this.db = db;
    this.reason = readOnlyReason;
    this.lock = lock;
    this.notice = lock?.tookOver ? takenOverNotice(file, lock.tookOver) : null;
    if (lock) {
      // Tell colleagues on a shared drive this window is still here; notice at once if the lock was taken.
      this.heartbeat = setInterval(() => {
        if (!this.reason && !this.lock?.refresh() && !this.keepLock()) this.loseLock();
      }, lockRefreshMs);
      this.heartbeat.unref();
    }
  }

  /** Why changes cannot be saved (open elsewhere, a read-only file or folder, the lock taken over), or null. */
  get readOnlyReason(): string | null {
    return this.reason;
  }

  /** A new workbook file. Refuses to replace an existing file. */
  static create(file: string, info: WorkbookInfo & { pseudonymKey: Uint8Array; service?: WorkbookService }): WorkbookStore {
    const name = path.basename(file);
    const exists = () => new WorkbookFileError('already-exists', `"${name}" already exists; choose another name.`);
    if (existsSync(file)) throw exists();
    let lock: HeldLock;
    try {
      const result = acquireLock(file);
      if (!result.ok) throw new WorkbookFileError('read-only', `"${name}" is being created by another window.`);
      lock = result.lock;
    } catch (err) {
      if (err instanceof LockNotWritableError) throw new WorkbookFileError('read-only', `The folder "${path.basename(path.dirname(file))}" cannot be written to, so "${name}" was not created there. Choose another folder.`);
      throw err;
    }
    let db: Database.Database | null = null;
    try {
      try {
        createPrivateFile(file);
      } catch (err) {
        throw errorCode(err) === 'EEXIST' ? exists() : err;
      }
      db = new Database(file);
      configure(db);
      db.pragma(`application_id = ${applicationId}`);
      migrate(db);
      db.prepare('INSERT INTO workbook (id, title, created_at, is_demo, pseudonym_key, service) VALUES (1, ?, ?, ?, ?, ?)').run(info.title, info.createdAt, info.isDemo ? 1 : 0, Buffer.from(info.pseudonymKey), info.service ?? 'children');
    } catch (err) {
      db?.close();
      lock.release();
      throw err;
    }
    return new WorkbookStore(file, db, null, lock);
  }

  static open(file: string, options: OpenOptions = {}): WorkbookStore {
    const name = path.basename(file);
    if (!existsSync(file)) throw new WorkbookFileError('missing', `"${name}" cannot be found. It may have been moved or renamed.`);
    try {
      if (!hasSqliteHeader(file)) throw notAWorkbook(name);
    } catch (err) {
      if (err instanceof WorkbookFileError) throw err;
      throw errorCode(err) === 'EACCES' || errorCode(err) === 'EPERM' ? cannotRead(name) : notAWorkbook(name);
    }

    // A file this person cannot change is read from a copy in memory: SQLite would otherwise need to write
    // beside it, and every edit would fail.
    if (!canWrite(path.dirname(file))) return WorkbookStore.openInMemory(file, readOnlyFolderReason(file));
    if (!canWrite(file)) return WorkbookStore.openInMemory(file, readOnlyFileReason(file));

    // Look before writing anything: a read-only connection cannot alter the file.
    let version: number;
    try {
      const probe = new Database(file, { readonly: true, fileMustExist: true });
      try {
        version = inspect(probe, name);
      } finally {
        probe.close();
      }
    } catch (err) {
      if (err instanceof WorkbookFileError) throw err;
      if (notPermitted(err)) return WorkbookStore.openInMemory(file, readOnlyFolderReason(file));
      throw errorCode(err) === 'SQLITE_CORRUPT' ? damaged(name) : notAWorkbook(name);
    }

    let lock: HeldLock;
    try {
      const result = acquireLock(file, options.now);
      if (!result.ok) {
        if (version < latestSchemaVersion) {
          throw new WorkbookFileError('read-only', `"${name}" is open in another window and needs updating to this version's format; close it there first.`);
        }
        const db = new Database(file, { readonly: true, fileMustExist: true });
        return new WorkbookStore(file, db, openElsewhereReason(file, result.owner), null);
      }
      lock = result.lock;
    } catch (err) {
      if (err instanceof LockNotWritableError) return WorkbookStore.openInMemory(file, readOnlyFolderReason(file));
      throw err;
    }

    let db: Database.Database | null = null;
    try {
      db = new Database(file, { fileMustExist: true });
      configure(db);
      if (version < latestSchemaVersion) {
        // A consistent copy of the file as it was, before any migration touches it.
        const stamp = (options.now ?? (() => new Date()))().toISOString().replace(/[:.]/g, '-');
        const backup = path.join(options.backupFolder ?? path.dirname(file), `${path.basename(file, path.extname(file))}.before-format-${latestSchemaVersion}.${stamp}${path.extname(file) || '.dwb'}`);
        createPrivateFile(backup);
        db.prepare('VACUUM INTO ?').run(backup);
        migrate(db);
        if (missingParts(db, latestSchemaVersion).length) throw damaged(name);
      }
    } catch (err) {
      db?.close();
      lock.release();
      throw err;
    }
    return new WorkbookStore(file, db, null, lock);
  }

  /** The file read into memory and opened there: nothing is ever written to or beside the file. */
  private static openInMemory(file: string, reason: string): WorkbookStore {
    const name = path.basename(file);
    const log = `${file}-wal`;
    if (existsSync(log) && statSync(log).size > 0) {
      throw new WorkbookFileError(
        'read-only',
        `"${name}" has changes that were not finished being written into it (the program that had it open stopped suddenly), and they cannot be brought in where it is, because it cannot be changed there. Copy "${name}" together with "${path.basename(log)}" to a folder you can change, and open it there.`,
      );
    }
    let bytes: Buffer;
    try {
      bytes = readFileSync(file);
    } catch {
      throw cannotRead(name);
    }
    // Bytes 18-19 say "write-ahead log"; a database in memory has none, so read the copy as a plain file.
    if (bytes.length >= 100) bytes[18] = bytes[19] = 1;
    let db: Database.Database;
    try {
      db = new Database(bytes);
    } catch {
      throw notAWorkbook(name);
    }
    try {
      inspect(db, name);
      migrate(db); // only the copy in memory is brought up to date
    } catch (err) {
      db.close();
      if (err instanceof WorkbookFileError) throw err;
      throw errorCode(err) === 'SQLITE_CORRUPT' ? damaged(name) : notAWorkbook(name);
    }
    return new WorkbookStore(file, db, reason, null);
  }

  get schemaVersion(): number {
    return this.db.pragma('user_version', { simple: true }) as number;
  }

  private writable(): void {
    if (!this.reason && this.lock && !this.lock.stillOurs() && !this.keepLock()) this.loseLock();
    if (this.reason) throw new WorkbookFileError('read-only', this.reason);
  }

  /** The lock file vanished (deleted by hand, or by a sync tool) and nobody else took it: take it again. */
  private keepLock(): boolean {
    if (existsSync(lockPathFor(this.file))) return false;
    try {
      const again = acquireLock(this.file);
      if (!again.ok) return false;
      this.lock = again.lock;
      return true;
    } catch {
      return false;
    }
  }

  /** Another window took the lock over (this computer had gone quiet): stop writing, and say why. */
  private loseLock(): void {
    this.reason = lockLostReason(this.file, readLockOwner(this.file));
  }

  info(): WorkbookInfo {
    const row = this.db.prepare('SELECT title, created_at, is_demo FROM workbook WHERE id = 1').get() as { title: string; created_at: string; is_demo: number };
    return { title: row.title, createdAt: row.created_at, isDemo: row.is_demo === 1 };
  }

  /** Which service the workbook is for; files made before housing are children's services workbooks. */
  service(): WorkbookService {
    return (this.db.prepare('SELECT service FROM workbook WHERE id = 1').pluck().get() as WorkbookService | undefined) ?? 'children';
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
      writeReturns(db, null);
    })();
  }

  /**
   * Replaces only `lists`, in one transaction that also keeps their previous state for Undo. `dataset.extracts`
   * is the whole extracts table afterwards (the kept lists' extracts with their ids, and any new ones); its
   * rows for the other lists are ignored. Returns the change's id.
   */
  changeLists(change: {
    lists: readonly ListId[];
    dataset: Dataset;
    report: ImportReport | null;
    description: string;
    madeAt: string;
    workbook?: { isDemo: boolean; title: string };
    /** Given (null: none), the SSDA903 returns are replaced too, in the same change. */
    returns?: Ssda903Import | null;
  }): number {
    this.writable();
    const db = this.db;
    return db.transaction(() => {
      const id = recordChange(db, { ...change, returns: change.returns !== undefined });
      upsertExtracts(db, extractRows(change.dataset.extracts));
      for (const list of change.lists) {
        db.prepare(`DELETE FROM ${list}`).run();
        this.insertRows(list, change.dataset[list]);
      }
      dropUnusedExtracts(db);
      writeReport(db, change.report ? JSON.stringify(change.report) : null);
      if (change.returns !== undefined) writeReturns(db, change.returns);
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

  /** Replaces both housing lists with a newly imported dataset, in one transaction (the housing demo's lists). */
  replaceHousingLists(dataset: HousingDataset, report: HousingImportReport | null): void {
    this.writable();
    const db = this.db;
    db.transaction(() => {
      db.exec('DELETE FROM housing_cases; DELETE FROM housing_ta; DELETE FROM extracts; DELETE FROM import_report;');
      upsertExtracts(db, extractRows(dataset.extracts));
      this.insertHousingRows('cases', dataset);
      this.insertHousingRows('ta', dataset);
      writeReport(db, report ? JSON.stringify(report) : null);
    })();
  }

  /**
   * Replaces only the housing `lists`, in one transaction that keeps their previous state for Undo, as
   * changeLists does for the Annex A lists. `dataset.extracts` is the whole extracts table afterwards.
   */
  changeHousingLists(change: { lists: readonly HousingList[]; dataset: HousingDataset; report: HousingImportReport | null; description: string; madeAt: string; workbook?: { isDemo: boolean; title: string } }): number {
    this.writable();
    const db = this.db;
    return db.transaction(() => {
      const id = recordChange(db, change);
      upsertExtracts(db, extractRows(change.dataset.extracts));
      for (const list of change.lists) {
        db.prepare(`DELETE FROM ${listTables[list]}`).run();
        this.insertHousingRows(list, change.dataset);
      }
      dropUnusedExtracts(db);
      writeReport(db, change.report ? JSON.stringify(change.report) : null);
      if (change.workbook) db.prepare('UPDATE workbook SET is_demo = ?, title = ? WHERE id = 1').run(change.workbook.isDemo ? 1 : 0, change.workbook.title);
      return id;
    })();
  }

  private insertHousingRows(list: HousingList, dataset: HousingDataset): void {
    const columns = listColumns[list];
    const insert = this.db.prepare(`INSERT INTO ${listTables[list]} (${columns}) VALUES (${columns.split(',').map(() => '?').join(', ')})`);
    if (list === 'cases') for (const c of dataset.cases) insert.run(c.extract, c.caseId, c.approachDate, c.household, c.children, c.duty, c.dutyStart, c.dutyEnd);
    else for (const p of dataset.ta) insert.run(p.extract, p.caseId, p.placed, p.left, p.taType, p.outOfArea === null ? null : p.outOfArea ? 1 : 0, p.nightlyCost);
  }

  /** A housing workbook's lists and import report. */
  readHousingLists(): { dataset: HousingDataset; report: HousingImportReport | null } {
    const cases = (this.db.prepare(`SELECT ${listColumns.cases} FROM housing_cases ORDER BY id`).raw().all() as unknown[][]).map(
      (r): HousingCaseRecord => ({ extract: r[0] as number, caseId: r[1] as string, approachDate: r[2] as string, household: r[3] as HousingCaseRecord['household'], children: r[4] as number | null, duty: r[5] as HousingCaseRecord['duty'], dutyStart: r[6] as string | null, dutyEnd: r[7] as string | null }),
    );
    const ta = (this.db.prepare(`SELECT ${listColumns.ta} FROM housing_ta ORDER BY id`).raw().all() as unknown[][]).map(
      (r): TaPlacementRecord => ({ extract: r[0] as number, caseId: r[1] as string, placed: r[2] as string, left: r[3] as string | null, taType: r[4] as TaPlacementRecord['taType'], outOfArea: r[5] === null ? null : r[5] === 1, nightlyCost: r[6] as number | null }),
    );
    const report = this.db.prepare('SELECT json FROM import_report WHERE id = 1').pluck().get() as string | undefined;
    return { dataset: { service: 'housing', extracts: this.readExtracts(), cases, ta }, report: report ? (JSON.parse(report) as HousingImportReport) : null };
  }

  housingRowCounts(): Record<HousingList, number> {
    const count = (table: string) => this.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
    return { cases: count('housing_cases'), ta: count('housing_ta') };
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

  /** The SSDA903 returns the workbook holds (extract ids 1, 2, ... of their own), or null. */
  readReturns(): Ssda903Import | null {
    return readReturns(this.db);
  }

  readReturnsReport(): Ssda903Report | null {
    return readReturnsReport(this.db);
  }

  returnsHeld(): ReturnsHeld | null {
    return returnsHeld(this.db);
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

  /**
   * A complete, consistent copy of the workbook at `target`, by SQLite's online backup into a private file
   * beside it, renamed into place only once it is whole: a crash midway leaves the target as it was.
   * A target open in another window (its lock held) is refused, never replaced.
   */
  /** `onProgress` is told how many of the file's pages have been copied, as the copy goes. */
  async saveCopyAs(target: string, onProgress?: (copied: number, pages: number) => void): Promise<void> {
    if (path.resolve(target) === path.resolve(this.file) || sameFile(target, this.file)) return; // already saved there
    const name = path.basename(target);
    const folder = path.dirname(target);
    let lock: HeldLock;
    try {
      const result = acquireLock(target);
      if (!result.ok) throw new WorkbookFileError('locked', lockedTargetMessage(target, result.owner));
      lock = result.lock;
    } catch (err) {
      if (err instanceof LockNotWritableError) throw new WorkbookFileError('read-only', `The folder "${path.basename(folder)}" cannot be written to, so the workbook was not saved as "${name}". Choose another folder.`);
      throw err;
    }
    const temporary = path.join(folder, `.${name}.${process.pid}.${randomUUID().slice(0, 8)}.saving`);
    try {
      removeUnfinishedCopies(target);
      createPrivateFile(temporary);
      // 100 pages a step, better-sqlite3's own default: the answer the progress callback must give.
      const progress = ({ totalPages, remainingPages }: { totalPages: number; remainingPages: number }) => {
        onProgress?.(totalPages - remainingPages, totalPages);
        return 100;
      };
      await this.db.backup(temporary, { progress });
      flushFile(temporary);
      // The old file's write-ahead log must not be applied to the new file.
      for (const suffix of ['-wal', '-shm', '-journal']) rmSync(`${target}${suffix}`, { force: true });
      renameSync(temporary, target);
      flushFolder(folder);
    } catch (err) {
      rmSync(temporary, { force: true });
      rmSync(`${temporary}-journal`, { force: true });
      if (err instanceof WorkbookFileError) throw err;
      if (errorCode(err) === 'ENOSPC' || errorCode(err) === 'SQLITE_FULL') throw new WorkbookFileError('read-only', `There is not enough space to save "${name}"; nothing was changed there. Free some space, or save somewhere else.`);
      throw err;
    } finally {
      lock.release();
    }
  }

  integrityCheck(): string[] {
    return (this.db.pragma('integrity_check') as Array<{ integrity_check: string }>).map((r) => r.integrity_check);
  }

  /** Closes the file and always releases its lock, even when the disk is full. */
  close(): void {
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.heartbeat = null;
    try {
      if (this.db.open) {
        if (!this.reason && this.lock?.stillOurs()) {
          try {
            this.db.pragma('wal_checkpoint(TRUNCATE)');
          } catch {
            // A full disk: every change is already safe in the write-ahead log, which SQLite folds into the
            // file the next time it is opened.
          }
        }
        this.db.close();
      }
    } finally {
      this.lock?.release();
    }
  }
}

/** The same file under another spelling (letter case on Windows and macOS, a link): never copied over itself. */
function sameFile(a: string, b: string): boolean {
  try {
    const [x, y] = [statSync(a), statSync(b)];
    return x.dev === y.dev && x.ino === y.ino && x.ino !== 0;
  } catch {
    return false;
  }
}

function damaged(name: string): WorkbookFileError {
  return new WorkbookFileError('damaged', `"${name}" is damaged and cannot be read, so it was not opened. It has not been changed. Open a copy you saved earlier, or start a new workbook and import the lists again.`);
}
