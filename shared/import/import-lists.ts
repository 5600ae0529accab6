// From the files and pasted text an analyst has to one validated, pseudonymised dataset and a report in
// which every row read is accepted, rejected or blank.
import type { ClaRecord, CppRecord, Dataset, ExtractInfo, ReferralRecord } from '../dataset/types.ts';
import { dateForPeople } from '../text/people-format.ts';
import type { Cell } from './cells.ts';
import { answersByColumn, settleDateColumns } from './date-columns.ts';
import { activityDateKeys, flagDateOutliers, type ActivityDateKey, type DateFlag, type DateFlags } from './date-outliers.ts';
import { detectTable, headerSearchDepth } from './detect-table.ts';
import { listCatalogue, type ListId } from './list-catalogue.ts';
import { createPseudonymiser } from './pseudonym.ts';
import { readRow, type FieldValue, type RowProblem } from './read-rows.ts';
import { emptyCounts, type ImportIssue, type ImportReport } from './report.ts';
import { decodeText } from './text/decode.ts';
import { parseDelimitedRows } from './text/delimited.ts';
import { placementGroupOf } from './values/codes.ts';
import type { DateColumnDecision, DateOrderAnswer, DateQuestion } from './values/date-order.ts';
import { completedYears, type DateOrder } from './values/dates.ts';
import { readWorkbookGrids, WorkbookReadError, type HostInflate } from './workbook.ts';

export type ImportSource =
  | { kind: 'workbook'; name: string; bytes: Uint8Array; extract?: string; extractDate?: string }
  | { kind: 'delimited'; name: string; bytes: Uint8Array; list?: ListId; extract?: string; extractDate?: string }
  | { kind: 'pasted'; name: string; text: string; list: ListId; extract?: string; extractDate?: string };

export interface ImportOptions {
  /** The workbook's pseudonym key (16 bytes or more). */
  pseudonymKey: Uint8Array;
  /** The day of import (YYYY-MM-DD): no date in the lists can be after it. Default: today. */
  today?: string;
  /** How every text date is written, when the person said so for all (the command line's --date-order). */
  dateOrder?: DateOrder;
  /** The person's answers about single columns, from earlier questions. */
  dateOrders?: readonly DateOrderAnswer[];
  /** Told how far the import has got, every few thousand rows; it may throw to stop the import. */
  onProgress?: (progress: ImportProgress) => void;
  /** The host's own inflater for workbook files (Node's zlib in the backend and the command), where there is one. */
  inflate?: HostInflate;
}

/** Reading a source (file or paste); its rows, list by list; then the checks across lists. */
export type ImportProgress =
  | { phase: 'reading'; source: string }
  | { phase: 'rows'; source: string; list: ListId; done: number; total: number }
  | { phase: 'checking' };

/** How many rows are read between two progress reports. */
export const progressEveryRows = 2000;

export interface ImportResult {
  dataset: Dataset;
  report: ImportReport;
  /** Date columns that are ambiguous or read against the day-first default, to ask the person about. */
  dateQuestions: DateQuestion[];
  /** How each text date column was read, and why. */
  dateColumns: DateColumnDecision[];
}

interface Grid {
  file: string;
  sheet: string | null;
  rows: Cell[][];
  rowNumbers: (i: number) => number;
  listHint?: ListId;
  /** Only the sheet's first rows were read (it holds no list the model reads), and it has cells below them. */
  more?: boolean;
  extract: string;
  extractDate?: string;
}

interface PendingRow {
  list: ListId;
  file: string;
  sheet: string | null;
  row: number;
  extract: string;
  values: Record<string, FieldValue>;
  rawId: Cell;
  rejected: boolean;
  /** The pseudonym, set once the row has passed every check. */
  child?: string;
}

const workbookExtensions = /\.(xlsx|xlsm|xlsb|xls|ods)$/i;

export function sourceKindForFile(name: string): 'workbook' | 'delimited' {
  return workbookExtensions.test(name) ? 'workbook' : 'delimited';
}

function gridsOf(source: ImportSource, issues: ImportIssue[], host: HostInflate | undefined): Grid[] {
  const extract = source.extract ?? source.name;
  const common = { file: source.name, extract, ...(source.extractDate ? { extractDate: source.extractDate } : {}) };
  if (source.kind === 'workbook') {
    // A sheet whose first rows show no list the model reads is read no further.
    const readWhole = (sheet: string, head: readonly (readonly Cell[])[]) => {
      const kind = detectTable(head, `${sheet} ${source.name}`).kind;
      return kind === 'model-list' || kind === 'missing-columns';
    };
    try {
      return readWorkbookGrids(source.bytes, source.name, { headRows: headerSearchDepth, readWhole }, host).flatMap((sheet) => {
        if (sheet.refused) {
          issues.push({ list: null, file: source.name, sheet: sheet.sheet, row: null, column: null, severity: 'error', message: sheet.refused });
          return [];
        }
        return [{ ...common, sheet: sheet.sheet, rows: sheet.rows, rowNumbers: (i: number) => sheet.firstRow + i, ...(sheet.more ? { more: true } : {}) }];
      });
    } catch (err) {
      // The reader's messages are plain and name the file; nothing of a parser's internals reaches a person.
      const message = err instanceof WorkbookReadError ? err.message : `"${source.name}" could not be read as a workbook. Open it in Excel and save it as an Excel workbook (.xlsx), then import again.`;
      issues.push({ list: null, file: source.name, sheet: null, row: null, column: null, severity: 'error', message });
      return [];
    }
  }
  const text = source.kind === 'pasted' ? source.text : decodeText(source.bytes).text;
  const { rows, lines } = parseDelimitedRows(text);
  return [
    {
      ...common,
      sheet: null,
      rows,
      rowNumbers: (i: number) => lines[i]!,
      ...(source.list ? { listHint: source.list } : {}),
    },
  ];
}

function place(file: string, sheet: string | null): string {
  return sheet === null ? file : `${file} › ${sheet}`;
}

export function importLists(sources: readonly ImportSource[], options: ImportOptions): ImportResult {
  const issues: ImportIssue[] = [];
  const report: ImportReport = { referrals: emptyCounts(), cpp: emptyCounts(), cla: emptyCounts(), issues };
  const pending: PendingRow[] = [];
  const givenDates = new Map<string, Set<string>>();
  const dateQuestions: DateQuestion[] = [];
  const dateColumns: DateColumnDecision[] = [];
  const answers = answersByColumn(options.dateOrders);
  const pushProblems = (list: ListId, file: string, sheet: string | null, row: number, problems: readonly RowProblem[]) => {
    for (const p of problems) issues.push({ list, file, sheet, row, column: p.column, severity: p.severity, message: p.message });
  };

  const onProgress = options.onProgress;
  const grids = sources.flatMap((source) => {
    onProgress?.({ phase: 'reading', source: source.name });
    return gridsOf(source, issues, options.inflate);
  });
  for (const grid of grids) {
    if (grid.extractDate) givenDates.set(grid.extract, (givenDates.get(grid.extract) ?? new Set()).add(grid.extractDate));
    const nameHint = `${grid.sheet ?? ''} ${grid.file}`;
    const table = detectTable(grid.rows, nameHint, grid.listHint);
    const where = grid.sheet === null ? `"${grid.file}"` : `sheet "${grid.sheet}" of "${grid.file}"`;
    if (table.kind === 'unrecognised') {
      if (grid.more || grid.rows.some((r) => r.some((c) => c !== null && c !== ''))) {
        issues.push({ list: null, file: grid.file, sheet: grid.sheet, row: null, column: null, severity: 'info', message: `No Annex A list was recognised on ${where}, so it was not read. If it holds a list, check its header row.` });
      }
      continue;
    }
    if (table.kind === 'other-list') {
      issues.push({ list: null, file: grid.file, sheet: grid.sheet, row: null, column: null, severity: 'info', message: `${table.name} found on ${where}: the model does not use it yet, so it was not read.` });
      continue;
    }
    if (grid.listHint && table.list !== grid.listHint) {
      // Rows pasted into one list's grid with another list's header row are never moved there silently:
      // they are rejected in the grid's list, and the message says where they belong.
      const hinted = report[grid.listHint];
      const dataRows = grid.rows.length - (table.headerIndex === null ? 0 : table.headerIndex + 1);
      hinted.present = true;
      hinted.foundIn.push(place(grid.file, grid.sheet));
      hinted.rowsRead += dataRows;
      hinted.rowsRejected += dataRows;
      issues.push({ list: grid.listHint, file: grid.file, sheet: grid.sheet, row: null, column: null, severity: 'error', message: `These rows look like ${listCatalogue[table.list].name}, not ${listCatalogue[grid.listHint].name}, so none of them was used. Paste them into the ${listCatalogue[table.list].name} grid.` });
      continue;
    }
    const spec = listCatalogue[table.list];
    const counts = report[table.list];
    counts.present = true;
    counts.foundIn.push(place(grid.file, grid.sheet));
    const firstData = table.kind === 'model-list' && table.headerIndex === null ? 0 : table.headerIndex! + 1;
    if (table.kind === 'missing-columns') {
      const names = table.missing.map((f) => `"${f.header.trim()}"`).join(' and ');
      const dataRows = grid.rows.length - firstData;
      counts.rowsRead += dataRows;
      counts.rowsRejected += dataRows;
      issues.push({
        list: table.list,
        file: grid.file,
        sheet: grid.sheet,
        row: grid.rowNumbers(table.headerIndex),
        column: table.missing[0]?.header.trim() ?? null,
        severity: 'error',
        message: `${spec.name} on ${where} has no ${names} column, so none of its ${dataRows} rows could be used. Rename the column to ${names} or add it, then import again.`,
      });
      continue;
    }
    const dates = settleDateColumns({ list: table.list, file: grid.file, sheet: grid.sheet, rows: grid.rows, firstData, columns: table.columns, headers: table.headers }, { dateOrder: options.dateOrder }, answers);
    dateQuestions.push(...dates.questions);
    dateColumns.push(...dates.decisions);
    for (const d of dates.decisions) if (d.note) issues.push({ list: d.list, file: d.file, sheet: d.sheet, row: null, column: d.column, severity: 'info', message: d.note });
    const layout = { list: table.list, columns: table.columns, headers: table.headers, dateOrders: dates.orders };
    const total = grid.rows.length - firstData;
    for (let i = firstData; i < grid.rows.length; i++) {
      if (onProgress && (i - firstData) % progressEveryRows === 0) onProgress({ phase: 'rows', source: grid.file, list: table.list, done: i - firstData, total });
      const outcome = readRow(layout, grid.rows[i]!, grid.rowNumbers(i));
      counts.rowsRead++;
      if (outcome.status === 'blank') {
        counts.rowsBlank++;
        continue;
      }
      pushProblems(table.list, grid.file, grid.sheet, outcome.row, outcome.problems);
      if (outcome.status === 'rejected') {
        counts.rowsRejected++;
        continue;
      }
      pending.push({ list: table.list, file: grid.file, sheet: grid.sheet, row: outcome.row, extract: grid.extract, values: outcome.values, rawId: outcome.rawId, rejected: false });
    }
  }

  onProgress?.({ phase: 'checking' });
  const flags = flagDateOutliers(pending, options.today ?? new Date().toISOString().slice(0, 10));
  const extracts = settleExtracts(pending, givenDates, flags, issues);
  const extractByLabel = new Map(extracts.map((e) => [e.label, e]));
  for (const row of pending) checkAgainstExtract(row, extractByLabel.get(row.extract)!, flags.get(row), issues);

  const pseudonym = createPseudonymiser(options.pseudonymKey);
  const dataset: Dataset = { extracts, referrals: [], cpp: [], cla: [] };
  for (const list of ['referrals', 'cpp', 'cla'] as const) {
    const rows = pending.filter((r) => r.list === list);
    report[list].rowsRejected += rows.filter((r) => r.rejected).length;
    const accepted = rows.filter((r) => !r.rejected);
    for (const row of accepted) row.child = pseudonym(row.rawId);
    report[list].rowsAccepted = accepted.length;
    const kept = mergeDuplicates(list, accepted, extractByLabel, issues);
    report[list].duplicates = accepted.length - kept.length;
    (dataset[list] as unknown[]) = kept.map((r) => toRecord(list, r, extractByLabel.get(r.extract)!.id));
  }
  for (const list of ['referrals', 'cpp', 'cla'] as const) {
    if (!report[list].present) {
      issues.push({ list, file: '', sheet: null, row: null, column: null, severity: 'info', message: `${listCatalogue[list].name} was not in the data given. The model works without it, with less to go on.` });
    }
  }
  issues.sort((a, b) => a.file.localeCompare(b.file) || (a.sheet ?? '').localeCompare(b.sheet ?? '') || (a.row ?? 0) - (b.row ?? 0));
  return { dataset, report, dateQuestions, dateColumns };
}

/** Says which date an extract was taken to be when none was given (also after lists are combined). */
export function inferredExtractDateNote(label: string, date: string): ImportIssue {
  return { list: null, file: label, sheet: null, row: null, column: null, severity: 'info', message: `No extract date was given for "${label}": it is taken as ${dateForPeople(date)}, the latest date in its lists. Give the real date if you know it.` };
}

// The extract date of each extract: the one given, or else the latest date in its lists that is neither
// after the day of import nor far apart from the rest (and say so).
function settleExtracts(pending: readonly PendingRow[], given: ReadonlyMap<string, ReadonlySet<string>>, flags: DateFlags, issues: ImportIssue[]): ExtractInfo[] {
  const labels = [...new Set([...pending.map((r) => r.extract), ...given.keys()])];
  const infos = labels.map((label): ExtractInfo => {
    const dates = [...(given.get(label) ?? [])].sort();
    if (dates.length > 0) {
      if (dates.length > 1) {
        issues.push({ list: null, file: label, sheet: null, row: null, column: null, severity: 'warning', message: `Different extract dates were given for "${label}" (${dates.map(dateForPeople).join(', ')}); the latest, ${dateForPeople(dates.at(-1)!)}, is used.` });
      }
      return { id: 0, label, extractDate: dates.at(-1)!, extractDateSource: 'given' };
    }
    let latest = '';
    for (const row of pending) {
      if (row.extract !== label) continue;
      const flagged = flags.get(row);
      for (const key of activityDateKeys) {
        const value = row.values[key];
        const kind = flagged?.get(key)?.kind;
        if (typeof value === 'string' && value > latest && kind !== 'future' && kind !== 'later') latest = value;
      }
    }
    if (latest) {
      issues.push(inferredExtractDateNote(label, latest));
    }
    return { id: 0, label, extractDate: latest || '1900-01-01', extractDateSource: 'inferred' };
  });
  infos.sort((a, b) => a.extractDate.localeCompare(b.extractDate) || a.label.localeCompare(b.label));
  infos.forEach((info, i) => (info.id = i + 1));
  return infos;
}

function checkAgainstExtract(row: PendingRow, extract: ExtractInfo, flagged: ReadonlyMap<ActivityDateKey, DateFlag> | undefined, issues: ImportIssue[]): void {
  const spec = listCatalogue[row.list];
  const key = row.values[spec.keyDate] as string;
  const end = row.values.endDate;
  const birth = row.values.dateOfBirth;
  // Most rows pass every check: the messages and the headers they name are made only for those that fail.
  const keyLate = key > extract.extractDate;
  const endLate = typeof end === 'string' && end > extract.extractDate;
  const adult = row.list !== 'referrals' && end === null && typeof birth === 'string' && completedYears(birth, extract.extractDate) >= 18;
  if (!keyLate && !endLate && !adult && !flagged) return;
  const problem = (column: string, severity: 'error' | 'warning', message: string) => {
    issues.push({ list: row.list, file: row.file, sheet: row.sheet, row: row.row, column, severity, message });
    if (severity === 'error') row.rejected = true;
  };
  const header = (key: string) => spec.fields.find((f) => f.key === key)!.header.trim();
  const on = dateForPeople(extract.extractDate);
  // A flagged date is named once: as the reason the row was rejected, or else as a warning.
  const afterExtract = (key: ActivityDateKey, generic: string) => {
    const flag = flagged?.get(key);
    const why = flag?.kind === 'future' ? ', so it cannot be right: ' : ': ';
    problem(header(key), 'error', flag ? `${flag.reason}${why}the row was not used, and the date was not taken as the extract date. Check the date` : generic);
  };
  if (keyLate) afterExtract(spec.keyDate as ActivityDateKey, `${dateForPeople(key)} is after the extract date (${on}); check the date`);
  if (endLate) afterExtract('endDate', `ends (${dateForPeople(end as string)}) after the extract date (${on}); check the date`);
  for (const [flaggedKey, flag] of flagged ?? []) {
    const value = row.values[flaggedKey];
    if (typeof value === 'string' && value <= extract.extractDate) problem(header(flaggedKey), 'warning', `${flag.reason}; check the date`);
  }
  if (adult) {
    const what = row.list === 'cla' ? 'still looked after' : 'still on a plan';
    problem('Date of Birth', 'warning', `${what} on the extract date at 18 or over; the model treats the child as leaving at 18`);
  }
}

/** Whether two rows of one list are the same referral, plan or period of care (the child already matched). */
function sameEvent(list: ListId, a: PendingRow, b: PendingRow): boolean {
  if (list === 'referrals') return a.values.referralDate === b.values.referralDate && (a.values.referralSource ?? '') === (b.values.referralSource ?? '');
  return a.values.startDate === b.values.startDate;
}

function completeness(row: PendingRow): number {
  return Object.values(row.values).filter((v) => v !== null).length;
}

// Rows repeat across stacked extracts (and sometimes within one). Keep the most complete; on a tie, the
// one from the later extract, which knows more (an end date, a newer placement). Kept rows stay where
// their event was first met. Rows are found by child first: most children have one row in a list, so
// no key is built for the row.
function mergeDuplicates(list: ListId, rows: readonly PendingRow[], extracts: ReadonlyMap<string, ExtractInfo>, issues: ImportIssue[]): PendingRow[] {
  const kept: PendingRow[] = [];
  const byChild = new Map<string, number | number[]>(); // positions in `kept` of the child's events
  for (const row of rows) {
    const child = row.child!;
    const known = byChild.get(child);
    let at = -1;
    if (known !== undefined) {
      if (typeof known === 'number') {
        if (sameEvent(list, kept[known]!, row)) at = known;
      } else {
        for (const k of known) {
          if (sameEvent(list, kept[k]!, row)) {
            at = k;
            break;
          }
        }
      }
    }
    if (at < 0) {
      const position = kept.push(row) - 1;
      byChild.set(child, known === undefined ? position : typeof known === 'number' ? [known, position] : (known.push(position), known));
      continue;
    }
    const previous = kept[at]!;
    if (previous.extract === row.extract && JSON.stringify(previous.values) === JSON.stringify(row.values)) {
      issues.push({ list, file: row.file, sheet: row.sheet, row: row.row, column: null, severity: 'warning', message: `repeats row ${previous.row} exactly; it was counted once` });
    }
    const better =
      completeness(row) > completeness(previous) ||
      (completeness(row) === completeness(previous) && extracts.get(row.extract)!.extractDate > extracts.get(previous.extract)!.extractDate);
    if (better) kept[at] = row;
  }
  return kept;
}

const asString = (v: FieldValue | undefined) => (typeof v === 'string' ? v : null);
const asNumber = (v: FieldValue | undefined) => (typeof v === 'number' ? v : null);
const asBoolean = (v: FieldValue | undefined) => (typeof v === 'boolean' ? v : null);

function toRecord(list: ListId, row: PendingRow, extract: number): ReferralRecord | CppRecord | ClaRecord {
  const v = row.values;
  const child = row.child!;
  const birthMonth = asString(v.dateOfBirth)?.slice(0, 7) ?? null;
  if (list === 'referrals') {
    return { child, birthMonth, extract, referralDate: v.referralDate as string, ageYears: asNumber(v.age), source: asString(v.referralSource), nfa: asBoolean(v.referralNfa), referralsInLast12Months: asNumber(v.referralsInLast12Months) };
  }
  if (list === 'cpp') {
    return { child, birthMonth, extract, startDate: v.startDate as string, endDate: asString(v.endDate), initialCategory: asString(v.initialCategory), latestCategory: asString(v.latestCategory), previousPlans: asNumber(v.previousPlans) };
  }
  const placementType = asString(v.placementType);
  return {
    child,
    birthMonth,
    extract,
    startDate: v.startDate as string,
    endDate: asString(v.endDate),
    uasc: asBoolean(v.uasc),
    reasonCeased: asString(v.reasonCeased),
    legalStatus: asString(v.legalStatus),
    categoryOfNeed: asString(v.categoryOfNeed),
    placementType,
    placementGroup: placementType ? placementGroupOf(placementType) : null,
    placementProvider: asString(v.placementProvider),
    // Only where List 8 gives it (workbook files do not keep it yet).
    ...(typeof v.placementStartDate === 'string' ? { placementStartDate: v.placementStartDate } : {}),
  };
}
