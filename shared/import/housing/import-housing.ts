// From the housing lists an analyst has (case list and TA list: files, one workbook with both sheets, or
// pasted text) to one validated, pseudonymised housing dataset and a report in which every row read is
// accepted, rejected or blank. Reading is the Annex A lists' (read-grids.ts); what is housing's own is
// here: the extract date, checks against it, repeated rows, and TA placements whose case the export does
// not hold (households placed before its start), which are kept and counted.
import type { ExtractInfo } from '../../dataset/types.ts';
import { housingLists, type DutyKind, type HouseholdKind, type HousingCaseRecord, type HousingDataset, type HousingList, type TaPlacementRecord, type TaType } from '../../dataset/housing.ts';
import { dateForPeople } from '../../text/people-format.ts';
import { answersByColumn } from '../date-columns.ts';
import { flagDateOutliers, type ActivityDateKey, type DateFlag, type DateFlags } from '../date-outliers.ts';
import { inferredExtractDateNote } from '../import-lists.ts';
import { createPseudonymiser, type Pseudonymiser } from '../pseudonym.ts';
import { gridsOf, readGrid, type ImportProgress, type ImportSource, type ReadGridRow } from '../read-grids.ts';
import type { HostInflate } from '../workbook.ts';
import { emptyCounts, type ImportIssue, type ListCounts } from '../report.ts';
import type { DateColumnDecision, DateOrderAnswer, DateQuestion } from '../values/date-order.ts';
import type { DateOrder } from '../values/dates.ts';
import { housingCatalogue, housingTableCatalogue } from './housing-lists.ts';

export type HousingImportSource = ImportSource<HousingList>;
export type HousingImportIssue = ImportIssue<HousingList>;

export interface HousingImportReport {
  cases: ListCounts;
  ta: ListCounts;
  issues: HousingImportIssue[];
}

export interface HousingImportOptions {
  /** The workbook's pseudonym key (16 bytes or more). */
  pseudonymKey: Uint8Array;
  /** The day of import (YYYY-MM-DD): no date in the lists can be after it. Default: today. */
  today?: string;
  dateOrder?: DateOrder;
  dateOrders?: readonly DateOrderAnswer<HousingList>[];
  /** Told how far the import has got, every few thousand rows (as the Annex A import is); it may throw to stop the import. */
  onProgress?: (progress: ImportProgress<HousingList>) => void;
  /** The host's own inflater for workbook files (Node's zlib in the backend and the command), where there is one. */
  inflate?: HostInflate;
}

export interface HousingImportResult {
  dataset: HousingDataset;
  report: HousingImportReport;
  dateQuestions: DateQuestion<HousingList>[];
  dateColumns: DateColumnDecision<HousingList>[];
}

/** The extract both lists belong to when none is named: a case list and a TA list are one export. */
export const housingExtractLabel = 'Housing lists';

type PendingRow = ReadGridRow<HousingList>;

const dateKeys = ['approachDate', 'startDate', 'endDate'] as const;
const header = (list: HousingList, key: string) => housingCatalogue[list].fields.find((f) => f.key === key)!.header;

export function importHousingLists(sources: readonly HousingImportSource[], options: HousingImportOptions): HousingImportResult {
  const issues: HousingImportIssue[] = [];
  const report: HousingImportReport = { cases: emptyCounts(), ta: emptyCounts(), issues };
  const pending: PendingRow[] = [];
  const dateQuestions: DateQuestion<HousingList>[] = [];
  const dateColumns: DateColumnDecision<HousingList>[] = [];
  const given = new Set<string>();
  const answers = answersByColumn(options.dateOrders);
  const onProgress = options.onProgress;
  for (const source of sources) {
    onProgress?.({ phase: 'reading', source: source.name });
    for (const grid of gridsOf({ ...source, extract: source.extract ?? housingExtractLabel }, issues, housingTableCatalogue, options.inflate)) {
      if (grid.extractDate) given.add(grid.extractDate);
      readGrid(grid, {
        catalogue: housingTableCatalogue,
        listsWord: 'case list or TA list',
        counts: (list) => report[list],
        issues,
        dateOrder: options.dateOrder,
        answers,
        dateQuestions,
        dateColumns,
        onProgress,
        accept: (row) => pending.push(row),
      });
    }
  }

  onProgress?.({ phase: 'checking' });
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  const flags = flagDateOutliers(pending, today);
  const extract = settleExtract(pending, given, flags, today, issues);
  for (const row of pending) checkAgainstExtract(row, extract.extractDate, flags.get(row), issues);

  const pseudonym = createPseudonymiser(options.pseudonymKey, pending.length);
  const kept: Record<HousingList, Kept> = { cases: { rows: [], ids: [], byCase: new Map() }, ta: { rows: [], ids: [], byCase: new Map() } };
  for (const list of housingLists) {
    const accepted: PendingRow[] = [];
    let rejected = 0;
    for (const row of pending) {
      if (row.list !== list) continue;
      if (row.rejected) rejected++;
      else accepted.push(row);
    }
    report[list].rowsRejected += rejected;
    report[list].rowsAccepted = accepted.length;
    kept[list] = mergeRepeats(list, accepted, pseudonym, issues);
    report[list].duplicates = accepted.length - kept[list].rows.length;
  }

  const cases = kept.cases.rows.map((r, i): HousingCaseRecord => toCase(r, kept.cases.ids[i]!, extract.id));
  const ta = kept.ta.rows.map((r, i): TaPlacementRecord => toPlacement(r, kept.ta.ids[i]!, extract.id));
  if (cases.length > 0) extract.windowStart = cases.reduce((min, c) => (c.approachDate < min ? c.approachDate : min), cases[0]!.approachDate);
  noteTaWithoutCase(ta, cases, kept.cases.byCase, report, extract);
  for (const list of housingLists) {
    if (!report[list].present) issues.push({ list, file: '', sheet: null, row: null, column: null, severity: 'info', message: `The ${housingCatalogue[list].name.toLowerCase()} was not in the data given.` });
  }
  issues.sort((a, b) => a.file.localeCompare(b.file) || (a.sheet ?? '').localeCompare(b.sheet ?? '') || (a.row ?? 0) - (b.row ?? 0));
  const extracts = pending.length > 0 || given.size > 0 ? [extract] : [];
  return { dataset: { service: 'housing', extracts, cases, ta }, report, dateQuestions, dateColumns };
}

// The extract date: the one given, or else the latest date in the lists that is neither after the day of
// import nor far apart from the rest (flagDateOutliers, as for the Annex A lists).
function settleExtract(pending: readonly PendingRow[], given: ReadonlySet<string>, flags: DateFlags, today: string, issues: HousingImportIssue[]): ExtractInfo {
  const dates = [...given].sort();
  if (dates.length > 1) {
    issues.push({ list: null, file: housingExtractLabel, sheet: null, row: null, column: null, severity: 'warning', message: `Different extract dates were given (${dates.map(dateForPeople).join(', ')}); the latest, ${dateForPeople(dates.at(-1)!)}, is used.` });
  }
  if (dates.length > 0) return { id: 1, label: housingExtractLabel, extractDate: dates.at(-1)!, extractDateSource: 'given' };
  let latest = '';
  for (const row of pending) {
    const flagged = flags.get(row);
    for (const key of dateKeys) {
      const value = row.values[key];
      const kind = flagged?.get(key)?.kind;
      if (typeof value === 'string' && value > latest && kind !== 'future' && kind !== 'later') latest = value;
    }
  }
  if (latest) issues.push(inferredExtractDateNote(housingExtractLabel, latest));
  return { id: 1, label: housingExtractLabel, extractDate: latest || today, extractDateSource: 'inferred' };
}

// A date after the extract date rejects its row; a date far apart from the rest of its column is named, as
// the reason where it rejects the row, or else as a warning.
function checkAgainstExtract(row: PendingRow, extractDate: string, flagged: ReadonlyMap<ActivityDateKey, DateFlag> | undefined, issues: HousingImportIssue[]): void {
  const { approachDate, startDate, endDate } = row.values;
  const late = (value: unknown) => typeof value === 'string' && value > extractDate;
  if (!flagged && !late(approachDate) && !late(startDate) && !late(endDate)) return; // most rows: no message to make
  for (const key of dateKeys) {
    const value = row.values[key];
    if (typeof value !== 'string') continue;
    const flag = flagged?.get(key);
    const column = header(row.list, key);
    if (value <= extractDate) {
      if (flag) issues.push({ list: row.list, file: row.file, sheet: row.sheet, row: row.row, column, severity: 'warning', message: `${flag.reason}; check the date` });
      continue;
    }
    const why = flag ? `${flag.reason}${flag.kind === 'future' ? ', so it cannot be right' : ''}: the row was not used, and the date was not taken as the extract date` : `${dateForPeople(value)} is after the extract date (${dateForPeople(extractDate)}): the row was not used`;
    issues.push({ list: row.list, file: row.file, sheet: row.sheet, row: row.row, column, severity: 'error', message: `${why}. Check the date` });
    row.rejected = true;
  }
}

const filled = (row: PendingRow) => Object.values(row.values).filter((v) => v !== null).length;

/** The rows kept from one list, each with its pseudonymised case ID, and where each case's rows are among them. */
interface Kept {
  rows: PendingRow[];
  ids: string[];
  byCase: Map<string, number | number[]>;
}

// A case is one approach (case and date of approach); a placement is one stay (case and date placed).
// Rows that repeat one are merged, the more complete kept where the first was. Rows are found by case
// first: most cases have one row in a list, so no key is built for the row.
function mergeRepeats(list: HousingList, rows: readonly PendingRow[], pseudonym: Pseudonymiser, issues: HousingImportIssue[]): Kept {
  const keyDate = housingCatalogue[list].keyDate;
  const kept: Kept = { rows: [], ids: [], byCase: new Map() };
  const { byCase } = kept;
  for (const row of rows) {
    const id = pseudonym(row.rawId);
    const date = row.values[keyDate];
    const known = byCase.get(id);
    let at = -1;
    if (typeof known === 'number') {
      if (kept.rows[known]!.values[keyDate] === date) at = known;
    } else if (known !== undefined) {
      for (const k of known) {
        if (kept.rows[k]!.values[keyDate] === date) {
          at = k;
          break;
        }
      }
    }
    if (at < 0) {
      const position = kept.rows.push(row) - 1;
      kept.ids.push(id);
      byCase.set(id, known === undefined ? position : typeof known === 'number' ? [known, position] : (known.push(position), known));
      continue;
    }
    const previous = kept.rows[at]!;
    issues.push({ list, file: row.file, sheet: row.sheet, row: row.row, column: null, severity: 'warning', message: `repeats the ${list === 'cases' ? 'approach' : 'placement'} of row ${previous.row} (same case and date); it was counted once` });
    if (filled(row) > filled(previous)) kept.rows[at] = row;
  }
  return kept;
}

const text = (v: unknown) => (typeof v === 'string' ? v : null);

function toCase(row: PendingRow, caseId: string, extract: number): HousingCaseRecord {
  const v = row.values;
  return {
    caseId,
    approachDate: v.approachDate as string,
    household: (text(v.household) as HouseholdKind | null) ?? 'other',
    children: typeof v.children === 'number' ? v.children : null,
    duty: text(v.duty) as DutyKind | null,
    dutyStart: text(v.startDate),
    dutyEnd: text(v.endDate),
    extract,
  };
}

function toPlacement(row: PendingRow, caseId: string, extract: number): TaPlacementRecord {
  const v = row.values;
  return {
    caseId,
    placed: v.startDate as string,
    left: text(v.endDate),
    taType: (text(v.taType) as TaType | null) ?? 'other',
    outOfArea: v.outOfArea === 'out' ? true : v.outOfArea === 'in' ? false : null,
    nightlyCost: typeof v.nightlyCost === 'number' ? v.nightlyCost : null,
    extract,
  };
}

// Households placed before the export's start are still in TA: their placements have no case in the case
// list. They are kept (the model needs every household in TA), and counted so the analyst knows. A
// workbook that takes the lists one at a time says it again once it holds both (taWithoutCaseNote).
function noteTaWithoutCase(ta: readonly TaPlacementRecord[], cases: readonly HousingCaseRecord[], caseIds: KnownCases, report: HousingImportReport, extract: ExtractInfo): void {
  if (!report.cases.present) return;
  const note = taWithoutCaseNote(ta, cases, report.ta.foundIn, extract.windowStart ?? null, caseIds);
  if (note) report.issues.push(note);
}

const withoutCaseMark = 'in the TA list have no case in the case list';

/** The case IDs of a case list, however they are held. */
interface KnownCases {
  has(caseId: string): boolean;
}

/**
 * The note counting TA placements whose case is not in the case list, or null when there are none.
 * `known`: the cases' IDs when they are at hand already.
 */
export function taWithoutCaseNote(ta: readonly TaPlacementRecord[], cases: readonly HousingCaseRecord[], foundIn: readonly string[], exportStart: string | null, known: KnownCases = new Set(cases.map((c) => c.caseId))): HousingImportIssue | null {
  if (ta.length === 0 || cases.length === 0) return null;
  const orphans = ta.filter((p) => !known.has(p.caseId));
  if (orphans.length === 0) return null;
  const households = new Set(orphans.map((p) => p.caseId)).size;
  const start = exportStart ? ` (${dateForPeople(exportStart)})` : '';
  return {
    list: 'ta',
    file: foundIn.join(', '),
    sheet: null,
    row: null,
    column: header('ta', 'caseId'),
    severity: 'info',
    message: `${orphans.length.toLocaleString('en-GB')} placements (${households.toLocaleString('en-GB')} households) ${withoutCaseMark}: they were kept, as households placed before the export's start${start}.`,
  };
}

export function isTaWithoutCaseNote(issue: HousingImportIssue): boolean {
  return issue.list === 'ta' && issue.row === null && issue.message.includes(withoutCaseMark);
}
