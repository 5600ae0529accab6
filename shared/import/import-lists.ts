// From the files and pasted text an analyst has to one validated, pseudonymised dataset and a report in
// which every row read is accepted, rejected or blank.
import type { ClaRecord, CppRecord, Dataset, ExtractInfo, ReferralRecord } from '../dataset/types.ts';
import { dateForPeople } from '../text/people-format.ts';
import type { Cell } from './cells.ts';
import { answersByColumn } from './date-columns.ts';
import { flagDateOutliers, type ActivityDateKey, type DateFlag, type DateFlags } from './date-outliers.ts';
import { annexACatalogue } from './detect-table.ts';
import { listCatalogue, type ListId } from './list-catalogue.ts';
import { ChildRegister } from './pseudonym.ts';
import type { FieldValue } from './read-rows.ts';
import { gridsOf, readGrid, type ImportProgress as ProgressOf, type ImportSource as SourceOf, type ReadGridRow } from './read-grids.ts';
import { emptyCounts, type ImportIssue, type ImportReport } from './report.ts';
import { placementGroupOf } from './values/codes.ts';
import type { DateColumnDecision, DateOrderAnswer, DateQuestion } from './values/date-order.ts';
import { completedYears, type DateOrder } from './values/dates.ts';
import type { HostInflate } from './workbook.ts';

export type ImportSource = SourceOf<ListId>;

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

export type ImportProgress = ProgressOf<ListId>;

export interface ImportResult {
  dataset: Dataset;
  report: ImportReport;
  /** Date columns that are ambiguous or read against the day-first default, to ask the person about. */
  dateQuestions: DateQuestion[];
  /** How each text date column was read, and why. */
  dateColumns: DateColumnDecision[];
}

type PendingRow = ReadGridRow<ListId>;

const workbookExtensions = /\.(xlsx|xlsm|xlsb|xls|ods)$/i;

export function sourceKindForFile(name: string): 'workbook' | 'delimited' {
  return workbookExtensions.test(name) ? 'workbook' : 'delimited';
}

export function importLists(sources: readonly ImportSource[], options: ImportOptions): ImportResult {
  const issues: ImportIssue[] = [];
  const report: ImportReport = { referrals: emptyCounts(), cpp: emptyCounts(), cla: emptyCounts(), issues };
  const givenDates = new Map<string, Set<string>>();
  const dateQuestions: DateQuestion[] = [];
  const dateColumns: DateColumnDecision[] = [];
  const answers = answersByColumn(options.dateOrders);
  const onProgress = options.onProgress;
  const grids = sources.flatMap((source) => {
    onProgress?.({ phase: 'reading', source: source.name });
    return gridsOf(source, issues, annexACatalogue, options.inflate);
  });
  // Made as long as the grids' rows at once (no row can be accepted twice), and cut to the rows accepted.
  const pending = new Array<PendingRow>(grids.reduce((rows, grid) => rows + grid.rows.length, 0));
  let pendingCount = 0;
  for (const grid of grids) {
    if (grid.extractDate) givenDates.set(grid.extract, (givenDates.get(grid.extract) ?? new Set()).add(grid.extractDate));
    readGrid(grid, {
      catalogue: annexACatalogue,
      listsWord: 'Annex A list',
      counts: (list) => report[list],
      issues,
      dateOrder: options.dateOrder,
      answers,
      dateQuestions,
      dateColumns,
      onProgress,
      accept: (row) => {
        pending[pendingCount++] = row;
      },
    });
  }
  pending.length = pendingCount;

  onProgress?.({ phase: 'checking' });
  const flags = flagDateOutliers(pending, options.today ?? new Date().toISOString().slice(0, 10));
  const extracts = settleExtracts(pending, givenDates, flags, issues);
  const extractByLabel = new Map(extracts.map((e) => [e.label, e]));
  let label: string | null = null;
  let extract = extracts[0]!;
  for (const row of pending) {
    if (row.extract !== label) extract = extractByLabel.get((label = row.extract))!;
    checkAgainstExtract(row, extract, flags.size === 0 ? undefined : flags.get(row), issues);
  }

  const children = new ChildRegister(options.pseudonymKey, pending.length);
  const dataset: Dataset = { extracts, referrals: [], cpp: [], cla: [] };
  const acceptedAt = new Int32Array(pending.length); // a list's rows that passed every check, by their place in `pending`
  for (const list of ['referrals', 'cpp', 'cla'] as const) {
    let count = 0;
    for (let p = 0; p < pending.length; p++) {
      const row = pending[p]!;
      if (row.list !== list) continue;
      if (row.rejected) report[list].rowsRejected++;
      else acceptedAt[count++] = p;
    }
    const accepted = acceptedAt.subarray(0, count);
    // Each accepted row's child, by number (the same number, the same pseudonym).
    const child = new Int32Array(count);
    for (let i = 0; i < count; i++) child[i] = children.numberOf(pending[accepted[i]!]!.rawId);
    report[list].rowsAccepted = count;
    const kept = mergeDuplicates(list, pending, accepted, child, children.size, extractByLabel, issues);
    report[list].duplicates = count - kept.length;
    let label: string | null = null;
    let extract = 0;
    (dataset[list] as unknown[]) = Array.from({ length: kept.length }, (_, j) => {
      const k = kept[j]!;
      const row = pending[accepted[k]!]!;
      if (row.extract !== label) {
        label = row.extract;
        extract = extractByLabel.get(label)!.id;
      }
      return toRecord(list, row, children.pseudonymOf(child[k]!), extract);
    });
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
export function inferredExtractDateNote(label: string, date: string): ImportIssue<never> {
  return { list: null, file: label, sheet: null, row: null, column: null, severity: 'info', message: `No extract date was given for "${label}": it is taken as ${dateForPeople(date)}, the latest date in its lists. Give the real date if you know it.` };
}

// The extract date of each extract: the one given, or else the latest date in its lists that is neither
// after the day of import nor far apart from the rest (and say so).
function settleExtracts(pending: readonly PendingRow[], given: ReadonlyMap<string, ReadonlySet<string>>, flags: DateFlags, issues: ImportIssue[]): ExtractInfo[] {
  // The extracts in the order met, then those only given a date; and the latest date of each (for those
  // not given one), all in one pass over the rows: rows of one extract come one after another.
  const labels = new Set<string>();
  const latestOf = new Map<string, string>();
  let label: string | null = null;
  let inferred = false; // the extract of these rows was given no date: its latest is looked for
  let latest = '';
  for (const row of pending) {
    if (row.extract !== label) {
      if (inferred) latestOf.set(label!, latest);
      label = row.extract;
      labels.add(label);
      inferred = !given.has(label);
      latest = latestOf.get(label) ?? '';
    }
    if (!inferred) continue;
    // The keys of activityDateKeys, each read by its name.
    const flagged = flags.size === 0 ? undefined : flags.get(row);
    const values = row.values;
    latest = laterActivity(values.referralDate, 'referralDate', flagged, latest);
    latest = laterActivity(values.approachDate, 'approachDate', flagged, latest);
    latest = laterActivity(values.startDate, 'startDate', flagged, latest);
    latest = laterActivity(values.endDate, 'endDate', flagged, latest);
  }
  if (inferred) latestOf.set(label!, latest);
  for (const label of given.keys()) labels.add(label);
  const infos = [...labels].map((label): ExtractInfo => {
    const dates = [...(given.get(label) ?? [])].sort();
    if (dates.length > 0) {
      if (dates.length > 1) {
        issues.push({ list: null, file: label, sheet: null, row: null, column: null, severity: 'warning', message: `Different extract dates were given for "${label}" (${dates.map(dateForPeople).join(', ')}); the latest, ${dateForPeople(dates.at(-1)!)}, is used.` });
      }
      return { id: 0, label, extractDate: dates.at(-1)!, extractDateSource: 'given' };
    }
    const latest = latestOf.get(label) ?? '';
    if (latest) {
      issues.push(inferredExtractDateNote(label, latest));
    }
    return { id: 0, label, extractDate: latest || '1900-01-01', extractDateSource: 'inferred' };
  });
  infos.sort((a, b) => a.extractDate.localeCompare(b.extractDate) || a.label.localeCompare(b.label));
  infos.forEach((info, i) => (info.id = i + 1));
  return infos;
}

/** `value` when it is an activity date later than `latest` and not one flagged as in the future or far later; else `latest`. */
function laterActivity(value: FieldValue | undefined, key: ActivityDateKey, flagged: ReadonlyMap<ActivityDateKey, DateFlag> | undefined, latest: string): string {
  if (typeof value !== 'string' || value <= latest) return latest;
  const kind = flagged?.get(key)?.kind;
  return kind !== 'future' && kind !== 'later' ? value : latest;
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
// their event was first met. Rows are found by child first, through arrays indexed by the child's number:
// most children have one row in a list, so no key is built for the row. The list's rows are
// pending[accepted[i]], row i's child childOf[i]; gives the kept rows' i.
function mergeDuplicates(list: ListId, pending: readonly PendingRow[], accepted: Int32Array, childOf: Int32Array, childCount: number, extracts: ReadonlyMap<string, ExtractInfo>, issues: ImportIssue[]): Int32Array {
  const kept = new Int32Array(accepted.length);
  let keptCount = 0;
  const rowOf = (k: number) => pending[accepted[kept[k]!]!]!;
  // The child's events in `kept`, in the order met: the first, then each one's next (-1: no more).
  const firstEvent = new Int32Array(childCount).fill(-1);
  const nextEvent = new Int32Array(accepted.length);
  for (let i = 0; i < accepted.length; i++) {
    const row = pending[accepted[i]!]!;
    const child = childOf[i]!;
    let at = -1;
    let last = -1;
    for (let k = firstEvent[child]!; k >= 0; k = nextEvent[k]!) {
      if (sameEvent(list, rowOf(k), row)) {
        at = k;
        break;
      }
      last = k;
    }
    if (at < 0) {
      const position = keptCount++;
      kept[position] = i;
      nextEvent[position] = -1;
      if (last < 0) firstEvent[child] = position;
      else nextEvent[last] = position;
      continue;
    }
    const previous = rowOf(at);
    if (previous.extract === row.extract && JSON.stringify(previous.values) === JSON.stringify(row.values)) {
      issues.push({ list, file: row.file, sheet: row.sheet, row: row.row, column: null, severity: 'warning', message: `repeats row ${previous.row} exactly; it was counted once` });
    }
    const better =
      completeness(row) > completeness(previous) ||
      (completeness(row) === completeness(previous) && extracts.get(row.extract)!.extractDate > extracts.get(previous.extract)!.extractDate);
    if (better) kept[at] = i;
  }
  return kept.subarray(0, keptCount);
}

const asString = (v: FieldValue | undefined) => (typeof v === 'string' ? v : null);
const asNumber = (v: FieldValue | undefined) => (typeof v === 'number' ? v : null);
const asBoolean = (v: FieldValue | undefined) => (typeof v === 'boolean' ? v : null);

function toRecord(list: ListId, row: PendingRow, child: string, extract: number): ReferralRecord | CppRecord | ClaRecord {
  const v = row.values;
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
