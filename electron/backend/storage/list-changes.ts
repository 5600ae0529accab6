// Undo and redo of list replacements, kept in the workbook file so they survive a reload or a restart.
// A change holds the other side of what it replaced: the rows of its lists, the extracts table, the import
// report, the demo flag and the title. Undoing or redoing a change swaps that side with the workbook's own,
// so one copy serves both directions. Only the last `keptListChanges` changes are kept, so a workbook
// does not grow without limit. The callers run these inside one transaction.
import type Database from 'better-sqlite3';
import type { ExtractInfo } from '../../../shared/dataset/types.ts';
import type { HousingList } from '../../../shared/dataset/housing.ts';
import type { ListId } from '../../../shared/import/list-catalogue.ts';
import { forgetReturns, keepReturns, swapReturns } from './ssda903-tables.ts';

/** How many list replacements can be undone (the newest ones; older ones are forgotten). */
export const keptListChanges = 10;

/** The lists a workbook stores: a children's services workbook's Annex A lists, or a housing workbook's. */
export type StoredList = ListId | HousingList;

export const listColumns: Readonly<Record<StoredList, string>> = {
  referrals: 'extract_id, child, birth_month, referral_date, age_years, source, nfa, referrals_12m',
  cpp: 'extract_id, child, birth_month, start_date, end_date, initial_category, latest_category, previous_plans',
  cla: 'extract_id, child, birth_month, start_date, end_date, uasc, reason_ceased, legal_status, category_of_need, placement_type, placement_group, placement_provider',
  cases: 'extract_id, case_id, approach_date, household, children, duty, duty_start, duty_end',
  ta: 'extract_id, case_id, placed, left_on, ta_type, out_of_area, nightly_cost',
};
/** The table each list is kept in; its copies for undo are in list_change_<table>. */
export const listTables: Readonly<Record<StoredList, string>> = { referrals: 'referrals', cpp: 'cpp', cla: 'cla', cases: 'housing_cases', ta: 'housing_ta' };
const listIds: readonly StoredList[] = ['referrals', 'cpp', 'cla', 'cases', 'ta'];
/** In a change's `lists`: the change replaced the SSDA903 returns too (they are kept as a whole). */
const returnsMark = 'ssda903';

export interface ListChangeInfo {
  id: number;
  madeAt: string;
  /** What the change did, in words: "the paste into Child protection plans (List 7)". */
  description: string;
  lists: StoredList[];
  /** Present (true) when the change replaced the SSDA903 returns. */
  returns?: true;
}

interface ExtractRow {
  id: number;
  label: string;
  extract_date: string;
  extract_date_source: string;
  window_start: string | null;
}

interface SideState {
  extracts: string;
  report: string | null;
  isDemo: number;
  title: string;
}

export function extractRows(extracts: readonly ExtractInfo[]): ExtractRow[] {
  return extracts.map((e) => ({ id: e.id, label: e.label, extract_date: e.extractDate, extract_date_source: e.extractDateSource, window_start: e.windowStart ?? null }));
}

function currentSide(db: Database.Database): SideState {
  const extracts = db.prepare('SELECT id, label, extract_date, extract_date_source, window_start FROM extracts ORDER BY id').all() as ExtractRow[];
  const report = db.prepare('SELECT json FROM import_report WHERE id = 1').get() as { json: string } | undefined;
  const workbook = db.prepare('SELECT is_demo, title FROM workbook WHERE id = 1').get() as { is_demo: number; title: string };
  return { extracts: JSON.stringify(extracts), report: report?.json ?? null, isDemo: workbook.is_demo, title: workbook.title };
}

/** Adds or updates extracts without deleting any: a replaced extract row would take its list rows with it. */
export function upsertExtracts(db: Database.Database, rows: readonly ExtractRow[]): void {
  const upsert = db.prepare(
    `INSERT INTO extracts (id, label, extract_date, extract_date_source, window_start) VALUES (@id, @label, @extract_date, @extract_date_source, @window_start)
     ON CONFLICT(id) DO UPDATE SET label = excluded.label, extract_date = excluded.extract_date, extract_date_source = excluded.extract_date_source, window_start = excluded.window_start`,
  );
  for (const row of rows) upsert.run(row);
}

/** Drops extracts no list row refers to (keeping `keep`), so that no empty extract adds a window to the history. */
export function dropUnusedExtracts(db: Database.Database, keep: readonly number[] = []): void {
  const inUse = listIds.map((l) => `SELECT extract_id FROM ${listTables[l]}`).join(' UNION ');
  const unused = (db.prepare(`SELECT id FROM extracts WHERE id NOT IN (${inUse})`).all() as Array<{ id: number }>).map((r) => r.id);
  const remove = db.prepare('DELETE FROM extracts WHERE id = ?');
  for (const id of unused) if (!keep.includes(id)) remove.run(id);
}

export function writeReport(db: Database.Database, json: string | null): void {
  db.prepare('DELETE FROM import_report').run();
  if (json !== null) db.prepare('INSERT INTO import_report (id, json) VALUES (1, ?)').run(json);
}

function forgetChanges(db: Database.Database, where: string, ...params: unknown[]): void {
  const ids = (db.prepare(`SELECT id FROM list_changes WHERE ${where}`).all(...params) as Array<{ id: number }>).map((r) => r.id);
  for (const id of ids) {
    for (const list of listIds) db.prepare(`DELETE FROM list_change_${listTables[list]} WHERE change_id = ?`).run(id);
    forgetReturns(db, id);
    db.prepare('DELETE FROM list_changes WHERE id = ?').run(id);
  }
}

/**
 * Keeps the present state of `lists` (and of the extracts, report, demo flag and title) as a new change, about
 * to be replaced by the caller. A new change ends what could be redone, as in any editor.
 */
export function recordChange(db: Database.Database, change: { description: string; lists: readonly StoredList[]; madeAt: string; returns?: boolean }): number {
  forgetChanges(db, 'undone = 1');
  const side = currentSide(db);
  const id = Number(
    db
      .prepare('INSERT INTO list_changes (made_at, description, lists, undone, other_extracts, other_report, other_is_demo, other_title) VALUES (?, ?, ?, 0, ?, ?, ?, ?)')
      .run(change.madeAt, change.description, JSON.stringify(change.returns ? [...change.lists, returnsMark] : change.lists), side.extracts, side.report, side.isDemo, side.title).lastInsertRowid,
  );
  for (const list of change.lists) {
    const table = listTables[list];
    db.prepare(`INSERT INTO list_change_${table} (change_id, ${listColumns[list]}) SELECT ?, ${listColumns[list]} FROM ${table} ORDER BY id`).run(id);
  }
  if (change.returns) keepReturns(db, id);
  forgetChanges(db, 'id NOT IN (SELECT id FROM list_changes ORDER BY id DESC LIMIT ?)', keptListChanges);
  return id;
}

function infoOf(row: { id: number; made_at: string; description: string; lists: string }): ListChangeInfo {
  const lists = JSON.parse(row.lists) as string[];
  return { id: row.id, madeAt: row.made_at, description: row.description, lists: listIds.filter((l) => lists.includes(l)), ...(lists.includes(returnsMark) ? { returns: true as const } : {}) };
}

/** The change Undo would take back: the newest one not undone. */
export function changeToUndo(db: Database.Database): ListChangeInfo | null {
  const row = db.prepare('SELECT id, made_at, description, lists FROM list_changes WHERE undone = 0 ORDER BY id DESC LIMIT 1').get() as Parameters<typeof infoOf>[0] | undefined;
  return row ? infoOf(row) : null;
}

/** The change Redo would make again: the oldest one undone. */
export function changeToRedo(db: Database.Database): ListChangeInfo | null {
  const row = db.prepare('SELECT id, made_at, description, lists FROM list_changes WHERE undone = 1 ORDER BY id ASC LIMIT 1').get() as Parameters<typeof infoOf>[0] | undefined;
  return row ? infoOf(row) : null;
}

/** Undoes (or redoes) a change by swapping the workbook's side of its lists with the side the change holds. */
export function swapChange(db: Database.Database, id: number): void {
  const change = db.prepare('SELECT lists, undone, other_extracts, other_report, other_is_demo, other_title FROM list_changes WHERE id = ?').get(id) as
    | { lists: string; undone: number; other_extracts: string; other_report: string | null; other_is_demo: number; other_title: string }
    | undefined;
  if (!change) throw new Error(`There is no change ${id} to undo or redo.`);
  const side = currentSide(db);
  const otherExtracts = JSON.parse(change.other_extracts) as ExtractRow[];
  // The extracts first, so that the rows coming back can refer to them.
  upsertExtracts(db, otherExtracts);
  const lists = JSON.parse(change.lists) as string[];
  if (lists.includes(returnsMark)) swapReturns(db, id);
  for (const list of listIds.filter((l) => lists.includes(l))) {
    const columns = listColumns[list];
    const table = listTables[list];
    db.prepare(`INSERT INTO list_change_${table} (change_id, ${columns}) SELECT ?, ${columns} FROM ${table} ORDER BY id`).run(-id);
    db.prepare(`DELETE FROM ${table}`).run();
    db.prepare(`INSERT INTO ${table} (${columns}) SELECT ${columns} FROM list_change_${table} WHERE change_id = ? ORDER BY rowid`).run(id);
    db.prepare(`DELETE FROM list_change_${table} WHERE change_id = ?`).run(id);
    db.prepare(`UPDATE list_change_${table} SET change_id = ? WHERE change_id = ?`).run(id, -id);
  }
  const wanted = new Set(otherExtracts.map((e) => e.id));
  const current = (db.prepare('SELECT id FROM extracts').all() as Array<{ id: number }>).map((r) => r.id);
  dropUnusedExtracts(db, current.filter((e) => wanted.has(e)));
  writeReport(db, change.other_report);
  db.prepare('UPDATE workbook SET is_demo = ?, title = ? WHERE id = 1').run(change.other_is_demo, change.other_title);
  db.prepare('UPDATE list_changes SET undone = ?, other_extracts = ?, other_report = ?, other_is_demo = ?, other_title = ? WHERE id = ?').run(
    change.undone ? 0 : 1,
    side.extracts,
    side.report,
    side.isDemo,
    side.title,
    id,
  );
}
