// The part of import every service shares: from a source (workbook, CSV, pasted text) to its grids, and
// from a grid to the rows of the list its headers show, each row read counted as accepted, rejected or
// blank, every problem named by file, sheet, row and column. Which lists are searched for is the service's
// catalogue (Annex A, or housing); what is done with the accepted rows is the caller's.
import type { Cell } from './cells.ts';
import { settleDateColumns } from './date-columns.ts';
import { detectTable, headerSearchDepth } from './detect-table.ts';
import { ArrayRows, firstRows, type GridRows } from './grid-rows.ts';
import type { TableCatalogue } from './list-catalogue.ts';
import { readRow, type FieldValue } from './read-rows.ts';
import type { ImportIssue, ListCounts } from './report.ts';
import type { TableId } from './table-specs.ts';
import { decodeText } from './text/decode.ts';
import { scanDelimited } from './text/delimited.ts';
import type { DateColumnDecision, DateQuestion } from './values/date-order.ts';
import type { DateOrder } from './values/dates.ts';
import { readWorkbookGrids, WorkbookReadError, type HostInflate } from './workbook.ts';

export type ImportSource<L extends string = never> =
  | { kind: 'workbook'; name: string; bytes: Uint8Array; extract?: string; extractDate?: string }
  | { kind: 'delimited'; name: string; bytes: Uint8Array; list?: L; extract?: string; extractDate?: string }
  | { kind: 'pasted'; name: string; text: string; list: L; extract?: string; extractDate?: string };

/** How far an import has got: reading a source (file or paste); its rows, list by list; then the checks across lists. */
export type ImportProgress<L extends string> =
  | { phase: 'reading'; source: string }
  | { phase: 'rows'; source: string; list: L; done: number; total: number }
  | { phase: 'checking' };

/** How many rows are read between two progress reports. */
export const progressEveryRows = 2000;

export interface Grid<L extends string> {
  file: string;
  sheet: string | null;
  rows: GridRows;
  rowNumbers: (i: number) => number;
  listHint?: L;
  /** Only the sheet's first rows were read (it holds no list the model reads), and it has cells below them. */
  more?: boolean;
  extract: string;
  extractDate?: string;
}

/** `host` is the host's own inflater for workbook files (Node's zlib in the backend and the command), where there is one. */
export function gridsOf<L extends string>(source: ImportSource<L>, issues: ImportIssue<L>[], catalogue: TableCatalogue<L>, host?: HostInflate): Grid<L>[] {
  const extract = source.extract ?? source.name;
  const common = { file: source.name, extract, ...(source.extractDate ? { extractDate: source.extractDate } : {}) };
  if (source.kind === 'workbook') {
    // A sheet whose first rows show no list the model reads is read no further.
    const readWhole = (sheet: string, head: readonly (readonly Cell[])[]) => {
      const kind = detectTable(head, `${sheet} ${source.name}`, undefined, catalogue).kind;
      return kind === 'model-list' || kind === 'missing-columns';
    };
    try {
      return readWorkbookGrids(source.bytes, source.name, { headRows: headerSearchDepth, readWhole }, host).flatMap((sheet) => {
        if (sheet.refused) {
          issues.push({ list: null, file: source.name, sheet: sheet.sheet, row: null, column: null, severity: 'error', message: sheet.refused });
          return [];
        }
        return [{ ...common, sheet: sheet.sheet, rows: new ArrayRows(sheet.rows), rowNumbers: (i: number) => sheet.firstRow + i, ...(sheet.more ? { more: true } : {}) }];
      });
    } catch (err) {
      // The reader's messages are plain and name the file; nothing of a parser's internals reaches a person.
      const message = err instanceof WorkbookReadError ? err.message : `"${source.name}" could not be read as a workbook. Open it in Excel and save it as an Excel workbook (.xlsx), then import again.`;
      issues.push({ list: null, file: source.name, sheet: null, row: null, column: null, severity: 'error', message });
      return [];
    }
  }
  const text = source.kind === 'pasted' ? source.text : decodeText(source.bytes).text;
  const rows = scanDelimited(text);
  return [
    {
      ...common,
      sheet: null,
      rows,
      rowNumbers: (i: number) => rows.line(i),
      ...(source.list ? { listHint: source.list } : {}),
    },
  ];
}

/** True when any cell of the grid holds something, even only spaces. */
function hasAnyCell(rows: GridRows): boolean {
  for (let i = 0; i < rows.length; i++) if (rows.row(i).some((c) => c !== null && c !== '')) return true;
  return false;
}

export function place(file: string, sheet: string | null): string {
  return sheet === null ? file : `${file} › ${sheet}`;
}

/** A row that passed the row's own checks, waiting for the checks across rows and lists. */
export interface ReadGridRow<L extends string> {
  list: L;
  file: string;
  sheet: string | null;
  row: number;
  extract: string;
  values: Record<string, FieldValue>;
  rawId: Cell;
  /** False when read; the caller's checks across rows may reject it later. */
  rejected: boolean;
}

export interface GridReading<L extends TableId> {
  catalogue: TableCatalogue<L>;
  /** What the catalogue's lists are called together, for the message on a grid that holds none. */
  listsWord: string;
  counts: (list: L) => ListCounts;
  issues: ImportIssue<L>[];
  dateOrder?: DateOrder | undefined;
  answers: ReadonlyMap<string, DateOrder>;
  dateQuestions: DateQuestion<L>[];
  dateColumns: DateColumnDecision<L>[];
  /** Told every `progressEveryRows` rows of a list how far it has got; it may throw to stop the import. */
  onProgress?: ((progress: ImportProgress<L>) => void) | undefined;
  accept: (row: ReadGridRow<L>) => void;
}

export function readGrid<L extends TableId>(grid: Grid<L>, reading: GridReading<L>): void {
  const { catalogue, issues } = reading;
  const nameOf = (list: L) => catalogue.lists.find((l) => l.id === list)!.name;
  const table = detectTable(firstRows(grid.rows, headerSearchDepth), `${grid.sheet ?? ''} ${grid.file}`, grid.listHint, catalogue);
  const where = grid.sheet === null ? `"${grid.file}"` : `sheet "${grid.sheet}" of "${grid.file}"`;
  if (table.kind === 'unrecognised') {
    if (grid.more || hasAnyCell(grid.rows)) {
      issues.push({ list: null, file: grid.file, sheet: grid.sheet, row: null, column: null, severity: 'info', message: `No ${reading.listsWord} was recognised on ${where}, so it was not read. If it holds a list, check its header row.` });
    }
    return;
  }
  if (table.kind === 'other-list') {
    issues.push({ list: null, file: grid.file, sheet: grid.sheet, row: null, column: null, severity: 'info', message: `${table.name} found on ${where}: the model does not use it yet, so it was not read.` });
    return;
  }
  if (grid.listHint && table.list !== grid.listHint) {
    // Rows pasted into one list's grid with another list's header row are never moved there silently:
    // they are rejected in the grid's list, and the message says where they belong.
    const hinted = reading.counts(grid.listHint);
    const dataRows = grid.rows.length - (table.headerIndex === null ? 0 : table.headerIndex + 1);
    hinted.present = true;
    hinted.foundIn.push(place(grid.file, grid.sheet));
    hinted.rowsRead += dataRows;
    hinted.rowsRejected += dataRows;
    issues.push({ list: grid.listHint, file: grid.file, sheet: grid.sheet, row: null, column: null, severity: 'error', message: `These rows look like ${nameOf(table.list)}, not ${nameOf(grid.listHint)}, so none of them was used. Paste them into the ${nameOf(table.list)} grid.` });
    return;
  }
  const name = nameOf(table.list);
  const counts = reading.counts(table.list);
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
      // The missing columns are named once, in the message: the issue's column is the first of them.
      message: `${name} on ${where} has no ${names} column, so none of its ${dataRows} rows could be used. If it is there under another name, rename that column to match; otherwise add it. Then import again.`,
    });
    return;
  }
  const dates = settleDateColumns({ list: table.list, file: grid.file, sheet: grid.sheet, rows: grid.rows, firstData, columns: table.columns, headers: table.headers }, { dateOrder: reading.dateOrder }, reading.answers);
  reading.dateQuestions.push(...dates.questions);
  reading.dateColumns.push(...dates.decisions);
  for (const d of dates.decisions) if (d.note) issues.push({ list: d.list, file: d.file, sheet: d.sheet, row: null, column: d.column, severity: 'info', message: d.note });
  const layout = { list: table.list, columns: table.columns, headers: table.headers, dateOrders: dates.orders, dateCells: dates.cells };
  const total = grid.rows.length - firstData;
  const onProgress = reading.onProgress;
  for (let i = firstData; i < grid.rows.length; i++) {
    if (onProgress && (i - firstData) % progressEveryRows === 0) onProgress({ phase: 'rows', source: grid.file, list: table.list, done: i - firstData, total });
    const outcome = readRow(layout, grid.rows, i, grid.rowNumbers(i));
    counts.rowsRead++;
    if (outcome.status === 'blank') {
      counts.rowsBlank++;
      continue;
    }
    for (const p of outcome.problems) issues.push({ list: table.list, file: grid.file, sheet: grid.sheet, row: outcome.row, column: p.column, severity: p.severity, message: p.message });
    if (outcome.status === 'rejected') {
      counts.rowsRejected++;
      continue;
    }
    reading.accept({ list: table.list, file: grid.file, sheet: grid.sheet, row: outcome.row, extract: grid.extract, values: outcome.values, rawId: outcome.rawId, rejected: false });
  }
}
