// The SSDA903 returns in the workbook file (migration 4): the returns read (as extracts numbered 1, 2, ...),
// their periods of care and placements, pseudonymised, and what their import read. They are replaced as a
// whole, and a list change that replaced them keeps their other side in the list_change_ssda903_* tables,
// so Undo and Redo swap them as they swap a list. The callers run these inside one transaction.
import type Database from 'better-sqlite3';
import type { ClaRecord, ExtractInfo, PlacementEpisode, ProviderKind } from '../../../shared/dataset/types.ts';
import type { Ssda903Import, Ssda903Report } from '../../../shared/import/ssda903/import-ssda903.ts';
import type { PlacementGroup } from '../../../shared/import/values/codes.ts';

// In the order they are filled: the extracts first, as the rows refer to them.
const returnsTables: ReadonlyArray<{ table: string; columns: string }> = [
  { table: 'ssda903_extracts', columns: 'id, label, extract_date, window_start' },
  { table: 'ssda903_care', columns: 'extract_id, child, birth_month, start_date, end_date, reason_ceased, legal_status, category_of_need, placement_type, placement_group, placement_provider' },
  { table: 'ssda903_placements', columns: 'extract_id, child, birth_month, start_date, end_date, period_start, placement_type, placement_group, provider' },
  { table: 'ssda903_report', columns: 'json' },
];

function clearReturns(db: Database.Database): void {
  for (const { table } of [...returnsTables].reverse()) db.prepare(`DELETE FROM ${table}`).run();
}

/** Replaces the returns the workbook holds (null: holds none). */
export function writeReturns(db: Database.Database, returns: Ssda903Import | null): void {
  clearReturns(db);
  if (!returns) return;
  const extract = db.prepare('INSERT INTO ssda903_extracts (id, label, extract_date, window_start) VALUES (?, ?, ?, ?)');
  for (const e of returns.extracts) extract.run(e.id, e.label, e.extractDate, e.windowStart ?? null);
  const care = db.prepare(`INSERT INTO ssda903_care (${returnsTables[1]!.columns}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  for (const c of returns.care) care.run(c.extract, c.child, c.birthMonth, c.startDate, c.endDate, c.reasonCeased, c.legalStatus, c.categoryOfNeed, c.placementType, c.placementGroup, c.placementProvider);
  const placement = db.prepare(`INSERT INTO ssda903_placements (${returnsTables[2]!.columns}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  for (const p of returns.placements) placement.run(p.extract, p.child, p.birthMonth, p.startDate, p.endDate, p.periodStart, p.placementType, p.placementGroup, p.provider);
  db.prepare('INSERT INTO ssda903_report (id, json) VALUES (1, ?)').run(JSON.stringify(returns.report));
}

export function readReturnsReport(db: Database.Database): Ssda903Report | null {
  const row = db.prepare('SELECT json FROM ssda903_report WHERE id = 1').get() as { json: string } | undefined;
  return row ? (JSON.parse(row.json) as Ssda903Report) : null;
}

/** The returns the workbook holds, as their import gave them, or null when it holds none. */
export function readReturns(db: Database.Database): Ssda903Import | null {
  const report = readReturnsReport(db);
  if (!report) return null;
  const extracts = (db.prepare('SELECT id, label, extract_date, window_start FROM ssda903_extracts ORDER BY id').raw().all() as Array<[number, string, string, string | null]>).map(
    ([id, label, extractDate, windowStart]): ExtractInfo => ({ id, label, extractDate, extractDateSource: 'given', ...(windowStart ? { windowStart } : {}) }),
  );
  const care = (db.prepare(`SELECT ${returnsTables[1]!.columns} FROM ssda903_care ORDER BY id`).raw().all() as unknown[][]).map(
    (r): ClaRecord => ({
      extract: r[0] as number,
      child: r[1] as string,
      birthMonth: r[2] as string | null,
      startDate: r[3] as string,
      endDate: r[4] as string | null,
      uasc: null,
      reasonCeased: r[5] as string | null,
      legalStatus: r[6] as string | null,
      categoryOfNeed: r[7] as string | null,
      placementType: r[8] as string | null,
      placementGroup: r[9] as PlacementGroup | null,
      placementProvider: r[10] as string | null,
    }),
  );
  const placements = (db.prepare(`SELECT ${returnsTables[2]!.columns} FROM ssda903_placements ORDER BY id`).raw().all() as unknown[][]).map(
    (r): PlacementEpisode => ({
      extract: r[0] as number,
      child: r[1] as string,
      birthMonth: r[2] as string | null,
      startDate: r[3] as string,
      endDate: r[4] as string | null,
      periodStart: r[5] as string,
      placementType: r[6] as string | null,
      placementGroup: r[7] as PlacementGroup,
      provider: r[8] as ProviderKind | null,
    }),
  );
  return { extracts, care, placements, report };
}

export interface ReturnsHeld {
  returns: number;
  episodes: number;
  children: number;
  /** The 31 March the first and the last return end on. */
  firstYearEnding: string;
  lastYearEnding: string;
}

/** What the workbook holds of the returns, counted in the file; null when it holds none. */
export function returnsHeld(db: Database.Database): ReturnsHeld | null {
  const extracts = db.prepare('SELECT count(*) AS n, min(extract_date) AS first, max(extract_date) AS last FROM ssda903_extracts').get() as { n: number; first: string | null; last: string | null };
  if (extracts.n === 0 || !extracts.first || !extracts.last) return null;
  const placements = db.prepare('SELECT count(*) AS episodes, count(DISTINCT child) AS children FROM ssda903_placements').get() as { episodes: number; children: number };
  return { returns: extracts.n, episodes: placements.episodes, children: placements.children, firstYearEnding: extracts.first, lastYearEnding: extracts.last };
}

/** Keeps the workbook's returns with change `id`, before the caller replaces them. */
export function keepReturns(db: Database.Database, id: number): void {
  for (const { table, columns } of returnsTables) db.prepare(`INSERT INTO list_change_${table} (change_id, ${columns}) SELECT ?, ${columns} FROM ${table} ORDER BY rowid`).run(id);
}

/** Swaps the workbook's returns with those change `id` keeps. */
export function swapReturns(db: Database.Database, id: number): void {
  keepReturns(db, -id);
  clearReturns(db);
  for (const { table, columns } of returnsTables) {
    db.prepare(`INSERT INTO ${table} (${columns}) SELECT ${columns} FROM list_change_${table} WHERE change_id = ? ORDER BY rowid`).run(id);
    db.prepare(`DELETE FROM list_change_${table} WHERE change_id = ?`).run(id);
    db.prepare(`UPDATE list_change_${table} SET change_id = ? WHERE change_id = ?`).run(id, -id);
  }
}

export function forgetReturns(db: Database.Database, id: number): void {
  for (const { table } of returnsTables) db.prepare(`DELETE FROM list_change_${table} WHERE change_id = ?`).run(id);
}
