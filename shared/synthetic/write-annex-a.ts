// Writes a snapshot the ways authorities really hold it: the official template workbook, a messy
// workbook (renamed sheets, title rows, header aliases, text dates, stripped code prefixes, blank rows,
// non-breaking spaces) and one CSV per list. All three must import to the same dataset.
import { utils, write, type WorkSheet } from '@e965/xlsx';
import type { ListId } from '../import/list-catalogue.ts';
import { templateHeaders, templateSheetNames } from '../import/template-headers.ts';
import { formatDelimited } from '../import/text/delimited.ts';
import { excelSerialFromIso } from '../import/values/dates.ts';
import { utf8Bytes } from '../text/utf8.ts';
import type { AnnexASnapshot, SnapshotValue } from './annex-a-snapshot.ts';
import { createRandom, type Random } from '../engine/core/random.ts';

const lists: readonly ListId[] = ['referrals', 'cpp', 'cla'];
const templateTitles: Record<ListId, string> = { referrals: 'List 3: Referral', cpp: 'List 7: Child protection', cla: 'List 8: Children in care' };

const isDateHeader = (header: string) => /date/i.test(header) && !/number/i.test(header);

function sheetFrom(rows: SnapshotValue[][], dateColumns: ReadonlySet<number>, firstDataRow: number): WorkSheet {
  const sheet = utils.aoa_to_sheet(rows.map((r, ri) => r.map((v, ci) => (ri >= firstDataRow && dateColumns.has(ci) && typeof v === 'string' ? excelSerialFromIso(v) : v))));
  for (let r = firstDataRow; r < rows.length; r++) {
    for (const c of dateColumns) {
      const cell = sheet[utils.encode_cell({ r, c })];
      if (cell && cell.t === 'n') cell.z = 'dd/mm/yyyy';
    }
  }
  return sheet;
}

export type WorkbookFormat = 'xlsx' | 'xls' | 'ods';

function toBytes(book: ReturnType<typeof utils.book_new>, format: WorkbookFormat = 'xlsx'): Uint8Array {
  const bookType = format === 'xls' ? 'biff8' : format;
  return new Uint8Array(write(book, { type: 'array', bookType, compression: true }) as ArrayBuffer);
}

export function templateWorkbook(snapshot: AnnexASnapshot, format: WorkbookFormat = 'xlsx'): Uint8Array {
  const book = utils.book_new();
  utils.book_append_sheet(book, utils.aoa_to_sheet([['Annex A - Child level data'], ['Lists 1 - 11'], [`Extract date: ${snapshot.extractDate}`]]), 'Front_Sheet');
  for (const list of lists) {
    const headers = templateHeaders[list];
    const rows: SnapshotValue[][] = [[templateTitles[list]], [...headers], ...snapshot[list].map((row) => headers.map((h) => row[h] ?? null))];
    const dateColumns = new Set(headers.flatMap((h, i) => (isDateHeader(h) ? [i] : [])));
    utils.book_append_sheet(book, sheetFrom(rows, dateColumns, 2), templateSheetNames[list]);
  }
  return toBytes(book, format);
}

const messyHeaders: Record<string, string> = {
  'Child Unique ID': 'ChildUniqueID',
  'Date of Birth': 'DOB',
  'Age of Child (Years)': 'Age',
  'Date of referral': 'Date of Referral ',
  'Referral NFA?': 'Referral NFA',
  'Child Protection Plan Start Date': 'CPP Start Date',
  'Child Protection Plan End Date': 'child protection plan end date',
  'Date Started to be Looked After': 'Date started to be looked after',
  'Date Ceased to be Looked After ': 'Date Ceased to be Looked After',
  "Child's Legal Status": 'Child’s Legal Status',
  'Placement Type': 'PlacementType',
  'Unaccompanied Asylum Seeking Child (UASC) within the Last 12 Months (Y/N)': 'Unaccompanied Asylum Seeking Child (UASC) within the Last 12 Months (Y/N))',
};
const messySheetNames: Record<ListId, string> = { referrals: 'Referrals', cpp: 'Child Protection', cla: 'Children in Care' };

function messyDate(iso: string, rng: Random): string {
  const [y, m, d] = [iso.slice(0, 4), iso.slice(5, 7), iso.slice(8, 10)];
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  switch (rng.int(0, 4)) {
    case 0:
      return `${d}/${m}/${y}`;
    case 1:
      return `${+d}/${+m}/${y}`;
    case 2:
      return iso;
    case 3:
      return `${+d} ${months[+m - 1]} ${y}`;
    default:
      return `${d}-${m}-${y}`;
  }
}

// "d) U4: Foster placement - long term" -> "U4", "C2: FCO" -> "C2 - FCO", "a) Yes" -> "Yes".
function messyCode(value: string, rng: Random): string {
  const stripped = value.replace(/^[a-z]{1,2}\)\s*/, '');
  const code = /^([A-Z]{1,2}\d[A-Z]?|N\d):/.exec(stripped);
  if (code && rng.next() < 0.6) return code[1]!;
  return rng.next() < 0.5 ? stripped.replace(':', ' -') : `${stripped}\u00a0`;
}

export function messyWorkbook(snapshot: AnnexASnapshot, seed = 1): Uint8Array {
  const rng = createRandom(seed);
  const book = utils.book_new();
  for (const list of lists) {
    const headers = templateHeaders[list];
    const rows: SnapshotValue[][] = [[`${messySheetNames[list]} as at ${snapshot.extractDate}`], [], headers.map((h) => messyHeaders[h] ?? h)];
    for (const source of snapshot[list]) {
      if (rng.next() < 0.05) rows.push([]);
      rows.push(
        headers.map((h) => {
          const v = source[h] ?? null;
          if (v === null) return null;
          if (h === 'Child Unique ID') return ` ${v} `;
          if (isDateHeader(h) && typeof v === 'string') return rng.next() < 0.5 ? messyDate(v, rng) : excelSerialFromIso(v);
          if (typeof v === 'string') return messyCode(v, rng);
          return v;
        }),
      );
    }
    rows.push([], []);
    utils.book_append_sheet(book, utils.aoa_to_sheet(rows), messySheetNames[list]);
  }
  return toBytes(book);
}

/** A snapshot value as text in a list: dates day first, as a UK analyst's files hold them. */
function textOf(value: SnapshotValue): string {
  if (value === null) return '';
  return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value.slice(8, 10)}/${value.slice(5, 7)}/${value.slice(0, 4)}` : String(value);
}

function listRows(snapshot: AnnexASnapshot, list: ListId, withHeader: boolean): string[][] {
  const headers = templateHeaders[list];
  return [...(withHeader ? [[...headers]] : []), ...snapshot[list].map((row) => headers.map((h) => textOf(row[h] ?? null)))];
}

const cp1252Reverse: Record<string, number> = { '€': 0x80, '‚': 0x82, '„': 0x84, '…': 0x85, '‘': 0x91, '’': 0x92, '“': 0x93, '”': 0x94, '–': 0x96, '—': 0x97 };

/** Windows-1252 ("ANSI"), as Excel on Windows saves CSV: what the import must cope with. */
export function encodeWindows1252(text: string): Uint8Array {
  const out = new Uint8Array(text.length);
  let i = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    out[i++] = code < 0x80 || (code >= 0xa0 && code <= 0xff) ? code : (cp1252Reverse[ch] ?? 0x3f);
  }
  return out.slice(0, i);
}

export interface CsvFile {
  name: string;
  bytes: Uint8Array;
}

/** One CSV per list: referrals UTF-8 with BOM, child protection UTF-8, children in care Windows-1252. */
export function csvFiles(snapshot: AnnexASnapshot): CsvFile[] {
  return lists.map((list) => {
    const text = formatDelimited(listRows(snapshot, list, true), ',');
    const name = `${messySheetNames[list].toLowerCase().replace(/ /g, '-')}.csv`;
    if (list === 'referrals') {
      const body = utf8Bytes(text);
      const withBom = new Uint8Array(body.length + 3);
      withBom.set([0xef, 0xbb, 0xbf]);
      withBom.set(body, 3);
      return { name, bytes: withBom };
    }
    if (list === 'cla') return { name, bytes: encodeWindows1252(text) };
    return { name, bytes: utf8Bytes(text) };
  });
}

/** Rows as Excel puts them on the clipboard: tab-separated, cells with tabs, quotes or breaks quoted. */
export function clipboardText(snapshot: AnnexASnapshot, list: ListId, withHeader: boolean): string {
  return formatDelimited(listRows(snapshot, list, withHeader), '\t');
}
