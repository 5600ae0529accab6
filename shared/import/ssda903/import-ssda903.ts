// SSDA903 returns (the children looked after return, ../shared/docs/ssda903.md) to pseudonymised periods of
// care and placements. Every row read is accepted, rejected or blank; every problem names its file, row and
// column. Returns overlap (an episode open on 31 March appears again the next year with its end): the later
// return wins for the same child and start date. Only CHILD (pseudonymised), the month of birth and the
// episode columns the model needs are kept: UPN, postcodes and the other tables are never read.
import type { ClaRecord, ExtractInfo, PlacementEpisode, ProviderKind } from '../../dataset/types.ts';
import { createPseudonymiser } from '../pseudonym.ts';
import { emptyCounts, type ImportIssue, type ListCounts } from '../report.ts';
import { decodeText } from '../text/decode.ts';
import { parseDelimited } from '../text/delimited.ts';
import { placementGroupOf } from '../values/codes.ts';
import { parseDateCell } from '../values/dates.ts';
import { recogniseTable, type Ssda903TableId } from './tables.ts';
import { isZip, readZipFiles } from './zip-entries.ts';

export interface Ssda903File {
  /** The path as the analyst knows it, with forward slashes: "returns/2024/episodes.csv", "returns.zip". */
  path: string;
  bytes: Uint8Array;
}

export interface Ssda903Return {
  label: string;
  folder: string;
  /** The 31 March the collection year ends on. */
  yearEnding: string;
  files: string[];
}

export interface Ssda903Report {
  header: ListCounts;
  episodes: ListCounts;
  returns: Ssda903Return[];
  issues: ImportIssue[];
}

export interface Ssda903Import {
  extracts: ExtractInfo[];
  /** Periods of care: episodes joined end to start, as List 8 would show them. */
  care: ClaRecord[];
  placements: PlacementEpisode[];
  report: Ssda903Report;
}

export interface Ssda903Options {
  pseudonymKey: Uint8Array;
  /** Extract ids given to the returns start here (after any Annex A extracts). */
  firstExtractId?: number;
}

const placeCodes = new Set(['U1', 'U2', 'U3', 'U4', 'U5', 'U6', 'A3', 'A4', 'A5', 'A6', 'P1', 'P2', 'P3', 'H5', 'K1', 'K2', 'K3', 'K4', 'R1', 'R2', 'R3', 'R5', 'S1', 'Z1', 'T0', 'T1', 'T2', 'T3', 'T4']);

export function providerKindOf(code: string | null): ProviderKind | null {
  if (!code) return null;
  const match = /^PR\s*([0-5])$/i.exec(code.trim());
  if (!match) return null;
  return +match[1]! <= 3 ? 'inHouse' : 'private';
}

/** "d/m/yyyy" as people read it in messages. */
function ukDate(iso: string): string {
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
}

function folderOf(path: string): string {
  const i = path.lastIndexOf('/');
  return i < 0 ? '' : path.slice(0, i);
}

/** The collection year a folder's name states: "2024" or "2023-24" both mean the year ending March 2024. */
function yearFromFolder(folder: string): number | null {
  const last = folder.split('/').at(-1) ?? '';
  const span = /(?:^|\D)((?:19|20)\d\d)\s*[-_/]\s*(\d\d)(?:\D|$)/.exec(last);
  if (span) return +span[1]! + 1;
  const single = /(?:^|\D)((?:19|20)\d\d)(?:\D|$)/.exec(last);
  return single ? +single[1]! : null;
}

/** The 31 March on or after a date. */
function yearEndingOn(iso: string): number {
  const year = +iso.slice(0, 4);
  return iso.slice(5) <= '03-31' ? year : year + 1;
}

interface TableRows {
  file: string;
  folder: string;
  table: Ssda903TableId;
  columns: Map<string, number>;
  records: Array<{ line: number; cells: string[] }>;
}

interface HeaderRow {
  child: string;
  birth: string | null;
  file: string;
  row: number;
}

interface EpisodeRow {
  child: string;
  start: string;
  end: string | null;
  place: string | null;
  provider: string | null;
  rne: string | null;
  ls: string | null;
  cin: string | null;
  rec: string | null;
  file: string;
  row: number;
  returnIndex: number;
  birth: string | null;
}

function expand(files: readonly Ssda903File[], issues: ImportIssue[]): Ssda903File[] {
  const out: Ssda903File[] = [];
  for (const file of files) {
    if (!isZip(file.bytes)) {
      out.push(file);
      continue;
    }
    try {
      for (const entry of readZipFiles(file.bytes)) out.push({ path: `${file.path}/${entry.path}`, bytes: entry.bytes });
    } catch (err) {
      issues.push({ list: null, file: file.path, sheet: null, row: null, column: null, severity: 'error', message: `This zip file could not be opened (${err instanceof Error ? err.message : String(err)}), so none of its returns were read. Unzip it and give the folder instead.` });
    }
  }
  return out;
}

export function importSsda903(files: readonly Ssda903File[], options: Ssda903Options): Ssda903Import {
  const issues: ImportIssue[] = [];
  const report: Ssda903Report = { header: emptyCounts(), episodes: emptyCounts(), returns: [], issues };
  const issue = (file: string, row: number | null, column: string | null, severity: ImportIssue['severity'], message: string) =>
    issues.push({ list: null, file, sheet: null, row, column, severity, message });

  // 1. Read every CSV and recognise its table by its columns.
  const tables: TableRows[] = [];
  for (const file of expand(files, issues)) {
    if (!/\.(csv|txt|tsv)$/i.test(file.path)) {
      if (!/(^|\/)\.|\.(md|pdf|xml|json)$/i.test(file.path)) issue(file.path, null, null, 'info', 'Not a CSV file, so it was not read as part of a return.');
      continue;
    }
    const records = parseDelimited(decodeText(file.bytes).text);
    const headerIndex = records.findIndex((r) => r.cells.some((c) => c.trim() !== ''));
    if (headerIndex < 0) {
      issue(file.path, null, null, 'info', 'This file is empty.');
      continue;
    }
    const recognised = recogniseTable(records[headerIndex]!.cells);
    if (recognised.kind === 'unrecognised') {
      issue(file.path, records[headerIndex]!.line, null, 'info', 'No SSDA903 table was recognised in this file (its first row should name the columns, such as CHILD, DECOM, DEC, PLACE), so it was not read.');
      continue;
    }
    if (recognised.kind === 'other') {
      issue(file.path, null, null, 'info', `${recognised.name} of the SSDA903 return: the model does not use it, so it was left aside.`);
      continue;
    }
    const counts = report[recognised.table];
    counts.present = true;
    counts.foundIn.push(file.path);
    const data = records.slice(headerIndex + 1);
    if (recognised.missing.length) {
      counts.rowsRead += data.length;
      counts.rowsRejected += data.length;
      // The DfE's names, quoted: the issue's column is the first of them, and this names it once.
      const names = recognised.missing.map((name) => `"${name}"`).join(' and ');
      issue(file.path, records[headerIndex]!.line, recognised.missing[0]!, 'error', `The ${recognised.table} table has no ${names} column, so none of its ${data.length} rows could be used. Add the column, named as the DfE names it, and import again.`);
      continue;
    }
    tables.push({ file: file.path, folder: folderOf(file.path), table: recognised.table, columns: recognised.columns, records: data });
  }

  const pseudonym = createPseudonymiser(options.pseudonymKey);
  const cell = (t: TableRows, cells: readonly string[], name: string): string | null => {
    const i = t.columns.get(name);
    const v = i === undefined ? '' : (cells[i] ?? '').trim();
    return v === '' ? null : v;
  };
  const date = (t: TableRows, cells: readonly string[], name: string, row: number, required: boolean): { ok: boolean; iso: string | null } => {
    const raw = cell(t, cells, name);
    if (raw === null) return { ok: !required, iso: null };
    const parsed = parseDateCell(raw);
    if (parsed.ok) return { ok: true, iso: parsed.iso };
    issue(t.file, row, name, 'error', `${parsed.message}; this row cannot be used`);
    return { ok: false, iso: null };
  };

  // 2. Headers: the month of birth of each child, by return folder.
  const headersByFolder = new Map<string, Map<string, HeaderRow>>();
  const anyHeader = new Map<string, HeaderRow>();
  for (const t of tables.filter((x) => x.table === 'header')) {
    const counts = report.header;
    const byChild = headersByFolder.get(t.folder) ?? new Map<string, HeaderRow>();
    headersByFolder.set(t.folder, byChild);
    for (const record of t.records) {
      counts.rowsRead++;
      if (record.cells.every((c) => c.trim() === '')) {
        counts.rowsBlank++;
        continue;
      }
      const raw = cell(t, record.cells, 'CHILD');
      if (raw === null) {
        counts.rowsRejected++;
        issue(t.file, record.line, 'CHILD', 'error', 'the child’s ID is blank, so this row cannot be used');
        continue;
      }
      const dob = date(t, record.cells, 'DOB', record.line, true);
      if (!dob.ok || dob.iso === null) {
        counts.rowsRejected++;
        if (dob.ok) issue(t.file, record.line, 'DOB', 'error', 'the date of birth is blank, so the child’s age cannot be known and this row cannot be used');
        continue;
      }
      counts.rowsAccepted++;
      const child = pseudonym(raw);
      const row: HeaderRow = { child, birth: dob.iso, file: t.file, row: record.line };
      const before = byChild.get(child);
      if (before) {
        counts.duplicates++;
        if (before.birth !== row.birth) issue(t.file, record.line, 'DOB', 'warning', `this child already has a header row (row ${before.row}) with another date of birth; this later row is used`);
        else issue(t.file, record.line, 'CHILD', 'warning', `repeats the header row ${before.row} for the same child; counted once`);
      }
      byChild.set(child, row);
      anyHeader.set(child, row);
    }
  }

  // 3. Episodes: read and check each row; settle each return's collection year from its dates.
  const folders = [...new Set(tables.map((t) => t.folder))];
  const rowsByFolder = new Map<string, EpisodeRow[]>();
  for (const t of tables.filter((x) => x.table === 'episodes')) {
    const counts = report.episodes;
    const rows = rowsByFolder.get(t.folder) ?? [];
    rowsByFolder.set(t.folder, rows);
    for (const record of t.records) {
      counts.rowsRead++;
      const cells = record.cells;
      if (cells.every((c) => c.trim() === '')) {
        counts.rowsBlank++;
        continue;
      }
      const reject = (column: string, message: string) => {
        counts.rowsRejected++;
        issue(t.file, record.line, column, 'error', message);
      };
      const raw = cell(t, cells, 'CHILD');
      if (raw === null) {
        reject('CHILD', 'the child’s ID is blank, so this episode cannot be used');
        continue;
      }
      const start = date(t, cells, 'DECOM', record.line, true);
      if (start.ok && start.iso === null) {
        reject('DECOM', 'the date the episode began is blank, so this episode cannot be used');
        continue;
      }
      const end = date(t, cells, 'DEC', record.line, false);
      if (!start.ok || !end.ok) {
        counts.rowsRejected++;
        continue;
      }
      if (end.iso !== null && end.iso < start.iso!) {
        reject('DEC', `the episode ends (${ukDate(end.iso)}) before it begins (${ukDate(start.iso!)}); check both dates`);
        continue;
      }
      const child = pseudonym(raw);
      const header = headersByFolder.get(t.folder)?.get(child) ?? anyHeader.get(child);
      if (!header) {
        reject('CHILD', 'this child has no row in the header table of any return given, so their age cannot be known; add the header table of this return');
        continue;
      }
      if (!headersByFolder.get(t.folder)?.has(child)) {
        issue(t.file, record.line, 'CHILD', 'warning', `this child has no row in this return’s header table; the date of birth was taken from ${header.file}`);
      }
      if (header.birth && start.iso! < header.birth) {
        reject('DECOM', `the episode begins (${ukDate(start.iso!)}) before the child’s date of birth (${ukDate(header.birth)}, ${header.file} row ${header.row}); check both dates`);
        continue;
      }
      if (header.birth && start.iso! >= `${+header.birth.slice(0, 4) + 18}${header.birth.slice(4)}`) {
        reject('DECOM', `the episode begins (${ukDate(start.iso!)}) on or after the child’s 18th birthday; children are looked after until 18 at most`);
        continue;
      }
      const place = cell(t, cells, 'PLACE')?.toUpperCase() ?? null;
      if (place === null) issue(t.file, record.line, 'PLACE', 'warning', 'the placement type is blank; the placement is counted as other');
      else if (!placeCodes.has(place)) issue(t.file, record.line, 'PLACE', 'warning', `"${place.slice(0, 12)}" is not an SSDA903 placement code; the placement is counted as other`);
      const rec = cell(t, cells, 'REC')?.toUpperCase() ?? null;
      if (rec !== null && end.iso === null) issue(t.file, record.line, 'REC', 'warning', `a reason for ending (${rec.slice(0, 6)}) but no end date (DEC): the episode is taken as still open unless the child’s next episode begins`);
      counts.rowsAccepted++;
      rows.push({ child, start: start.iso!, end: end.iso, place, provider: cell(t, cells, 'PLACE_PROVIDER')?.toUpperCase() ?? null, rne: cell(t, cells, 'RNE')?.toUpperCase() ?? null, ls: cell(t, cells, 'LS')?.toUpperCase() ?? null, cin: cell(t, cells, 'CIN')?.toUpperCase() ?? null, rec, file: t.file, row: record.line, returnIndex: -1, birth: header.birth });
    }
  }

  // Each folder is one return. Its collection year is read from its dates (folder names disagree on whether
  // "2017" means the year starting or ending then); a folder name that disagrees is mentioned.
  const returns: Array<Ssda903Return & { folderYear: number | null }> = [];
  for (const folder of folders) {
    const rows = rowsByFolder.get(folder) ?? [];
    const folderYear = yearFromFolder(folder);
    let latest = '';
    for (const r of rows) if (r.start > latest) latest = r.start;
    const year = latest ? yearEndingOn(latest) : folderYear;
    const files = tables.filter((t) => t.folder === folder).map((t) => t.file);
    if (year === null) {
      if (files.length) issue(files[0]!, null, null, 'warning', 'The collection year of this return could not be told (no episodes and no year in the folder name), so it does not count towards the months the returns cover.');
      continue;
    }
    if (latest && folderYear !== null && folderYear !== year) {
      issue(folder || files[0]!, null, null, 'info', `The folder is named ${folderYear}, but its episodes begin up to ${ukDate(latest)}, so it is read as the return for the year ending 31 March ${year}.`);
    }
    returns.push({ label: `SSDA903 ${year - 1}-${String(year % 100).padStart(2, '0')}${returns.some((r) => r.yearEnding === `${year}-03-31`) ? ` (${folder})` : ''}`, folder, yearEnding: `${year}-03-31`, files, folderYear });
  }
  returns.sort((a, b) => a.yearEnding.localeCompare(b.yearEnding) || a.folder.localeCompare(b.folder));
  const firstId = options.firstExtractId ?? 1;
  const extracts: ExtractInfo[] = returns.map((r, i) => ({ id: firstId + i, label: r.label, extractDate: r.yearEnding, extractDateSource: 'given', windowStart: `${+r.yearEnding.slice(0, 4) - 1}-03-31` }));
  report.returns = returns.map(({ folderYear: _, ...r }) => r);

  // 4. The later return wins for the same child and start date.
  const kept = new Map<string, EpisodeRow>();
  returns.forEach((r, index) => {
    for (const row of rowsByFolder.get(r.folder) ?? []) {
      row.returnIndex = index;
      if (row.end !== null && row.end > r.yearEnding) issue(row.file, row.row, 'DEC', 'warning', `ends (${ukDate(row.end)}) after the end of the collection year (31/03/${r.yearEnding.slice(0, 4)})`);
      const key = `${row.child}|${row.start}`;
      const before = kept.get(key);
      if (before) {
        report.episodes.duplicates++;
        if (before.returnIndex === index) issue(row.file, row.row, 'DECOM', 'warning', `the same child has another episode beginning on ${ukDate(row.start)} in this return (row ${before.row}); this later row is used`);
      }
      kept.set(key, row);
    }
  });
  for (const [folder, rows] of rowsByFolder) {
    if (returns.some((r) => r.folder === folder)) continue;
    for (const row of rows) kept.set(`${row.child}|${row.start}`, { ...row, returnIndex: 0 });
  }

  // 5. Per child in date order: overlaps are cut at the next episode's start, and the periods of care are
  // the runs of episodes joined end to start.
  const byChild = new Map<string, EpisodeRow[]>();
  for (const row of kept.values()) {
    const list = byChild.get(row.child);
    if (list) list.push(row);
    else byChild.set(row.child, [row]);
  }
  const lastReturn = returns.length - 1;
  const placements: PlacementEpisode[] = [];
  const care: ClaRecord[] = [];
  for (const [child, rows] of byChild) {
    rows.sort((a, b) => a.start.localeCompare(b.start));
    const ends: Array<string | null> = rows.map((r) => r.end);
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i]!;
      const next = rows[i + 1];
      if (next) {
        if (ends[i] === null) {
          if (row.rec === null || row.rec === 'X1') issue(row.file, row.row, 'DEC', 'warning', `has no end date, but the child’s next episode begins on ${ukDate(next.start)} (${next.file}, row ${next.row}); it is taken to end then`);
          ends[i] = next.start;
        } else if (ends[i]! > next.start) {
          issue(row.file, row.row, 'DEC', 'warning', `ends (${ukDate(ends[i]!)}) after the child’s next episode begins (${ukDate(next.start)}, ${next.file} row ${next.row}); it is taken to end then`);
          ends[i] = next.start;
        }
      } else if (ends[i] === null && row.returnIndex < lastReturn && returns.length) {
        // Open at the end of its year, yet the child is in no later return, which would list them had they
        // been looked after after that day: the episode is taken to end the next day, so the child is counted
        // on 31 March as the return says. (Left open, they would stay in care for ever.)
        const yearEnd = returns[row.returnIndex]!.yearEnding;
        issue(row.file, row.row, 'DEC', 'warning', `is open on 31/03/${yearEnd.slice(0, 4)}, the end of its collection year, but the child is in no later return; it is taken to end on 01/04/${yearEnd.slice(0, 4)}`);
        ends[i] = `${yearEnd.slice(0, 4)}-04-01`;
      }
    }
    const isEnd = (code: string | null) => code !== null && code.startsWith('E');
    let periodFirst = 0;
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i]!;
      const next = rows[i + 1];
      const periodStart = rows[periodFirst]!.start;
      const extract = extracts[row.returnIndex]?.id ?? firstId;
      const birthMonth = row.birth ? row.birth.slice(0, 7) : null;
      const group = placementGroupOf(row.place ?? 'other');
      placements.push({ child, birthMonth, extract, startDate: row.start, endDate: ends[i]!, periodStart, placementType: row.place, placementGroup: group, provider: providerKindOf(row.provider) });
      const periodEnds = !next || ends[i] !== next.start || isEnd(row.rec) || next.rne === 'S';
      if (periodEnds) {
        const first = rows[periodFirst]!;
        care.push({
          child,
          birthMonth,
          extract,
          startDate: periodStart,
          endDate: ends[i]!,
          uasc: null,
          reasonCeased: ends[i] !== null && isEnd(row.rec) ? row.rec : null,
          legalStatus: row.ls,
          categoryOfNeed: first.cin,
          placementType: row.place,
          placementGroup: group,
          placementProvider: row.provider,
        });
        periodFirst = i + 1;
      }
    }
  }
  for (const counts of [report.header, report.episodes]) if (!counts.present) issue('', null, null, 'info', `No ${counts === report.header ? 'header' : 'episodes'} table was found among the SSDA903 files given.`);
  issues.sort((a, b) => a.file.localeCompare(b.file) || (a.row ?? 0) - (b.row ?? 0));
  return { extracts, care, placements, report };
}
