// Dates as Annex A files hold them: real date cells, Excel serial numbers, and text in UK (day-first)
// forms. Month-first is never guessed: 03/04/2024 is 3 April 2024 unless the column's order has been
// settled as month first (see date-order.ts), from its own values and the person's answer.
import { earliestYear, isoFromParts, latestYear } from '../../text/calendar.ts';
import { longDateForPeople } from '../../text/people-format.ts';
import { cellText, type Cell } from '../cells.ts';
import { describeCell, quoted } from './describe-cell.ts';

export type DateParse = { ok: true; iso: string } | { ok: false; message: string };

/** How a text date such as 04/01/2024 is written: day first (the UK way, the default) or month first. */
export type DateOrder = 'dmy' | 'mdy';

export const dateOrderWords: Readonly<Record<DateOrder, string>> = { dmy: 'day first', mdy: 'month first' };

const monthNames: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
  january: 1, february: 2, march: 3, april: 4, june: 6, july: 7, august: 8, september: 9, october: 10, november: 11, december: 12,
};

/**
 * Excel's 1900 date system: serial 1 is 1 January 1900, and Excel counts a 29 February 1900 that never
 * existed (serial 60), so serials from 61 on are one day ahead of the real calendar.
 */
export function isoFromExcelSerial(serial: number): string | null {
  if (!Number.isFinite(serial)) return null;
  const whole = Math.floor(serial + 1e-9); // a time of day does not change the date
  if (whole < 1 || whole === 60) return null;
  const daysSince1899_12_31 = whole > 60 ? whole - 1 : whole;
  const date = new Date(Date.UTC(1899, 11, 31) + daysSince1899_12_31 * 86_400_000);
  return isoFromParts(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

function expandYear(text: string): number {
  const year = Number(text);
  if (text.length !== 2) return year;
  // Two-digit years: 00-49 are 2000s, 50-99 are 1900s (dates of birth of adults in care leaver lists).
  return year < 50 ? 2000 + year : 1900 + year;
}

/** The Excel serial (1900 system) of a date from March 1900 on: days since 30 December 1899. */
export function excelSerialFromIso(iso: string): number {
  return dayNumber(iso) - dayNumber('1899-12-30');
}

// The only text form that reads two ways: 04/01/2024, 4/1/24, 04-01-2024, 04.01.2024, perhaps with a time.
const twoWayPattern = /^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4}|\d{2})(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$/;

/** The two number parts and the year of a text date that could be read either way round, else null. */
export function twoWayParts(text: string): { first: number; second: number; year: number } | null {
  const m = twoWayPattern.exec(text);
  return m ? { first: +m[1]!, second: +m[2]!, year: expandYear(m[3]!) } : null;
}

function readTwoWay(text: string, parts: { first: number; second: number; year: number }, order: DateOrder): DateParse {
  const { first, second, year } = parts;
  const iso = order === 'dmy' ? isoFromParts(year, second, first) : isoFromParts(year, first, second);
  if (iso) return { ok: true, iso };
  const other: DateOrder = order === 'dmy' ? 'mdy' : 'dmy';
  const otherIso = other === 'dmy' ? isoFromParts(year, second, first) : isoFromParts(year, first, second);
  if (otherIso) {
    return { ok: false, message: `${text} only makes sense ${dateOrderWords[other]} (${longDateForPeople(otherIso)}), but this column is read ${dateOrderWords[order]}; check the date` };
  }
  return { ok: false, message: `"${text}" is not a real date (dates are read ${dateOrderWords[order]}, as ${order === 'dmy' ? 'dd/mm/yyyy' : 'mm/dd/yyyy'})` };
}

const patterns: Array<[RegExp, (m: RegExpExecArray) => string | null]> = [
  // ISO, optionally with a time: 2024-03-05, 2024-03-05T00:00:00, 2024-03-05 13:45:00.000
  [/^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/, (m) => isoFromParts(+m[1]!, +m[2]!, +m[3]!)],
  // 2024/03/05
  [/^(\d{4})\/(\d{1,2})\/(\d{1,2})$/, (m) => isoFromParts(+m[1]!, +m[2]!, +m[3]!)],
  // 5 Mar 2024, 05-Mar-2024, 5 March 24, 5th March 2024
  [/^(\d{1,2})(?:st|nd|rd|th)?[\s\-/]+([a-z]{3,9})\.?[\s\-/,]+(\d{4}|\d{2})$/i, (m) => {
    const month = monthNames[m[2]!.toLowerCase()];
    return month ? isoFromParts(expandYear(m[3]!), month, +m[1]!) : null;
  }],
  // Compact yyyymmdd from SQL extracts
  [/^(\d{4})(\d{2})(\d{2})$/, (m) => isoFromParts(+m[1]!, +m[2]!, +m[3]!)],
];

// Dates repeat: a six-month list holds under two hundred distinct days. Remember each text's answer.
const memos: Record<DateOrder, Map<string | number, DateParse>> = { dmy: new Map(), mdy: new Map() };
const memoLimit = 50_000;

/** A date cell read with its column's order (day first unless the column was settled as month first). */
export function parseDateCell(cell: Cell, order: DateOrder = 'dmy'): DateParse {
  if (typeof cell !== 'string' && typeof cell !== 'number') return parseDateUncached(cell, order);
  const memo = memos[order];
  let parsed = memo.get(cell);
  if (parsed === undefined) {
    parsed = parseDateUncached(cell, order);
    if (memo.size >= memoLimit) memo.clear();
    memo.set(cell, parsed);
  }
  return parsed;
}

function parseDateUncached(cell: Cell, order: DateOrder): DateParse {
  if (cell instanceof Date) {
    if (Number.isNaN(cell.getTime())) return { ok: false, message: 'is not a valid date' };
    const iso = isoFromParts(cell.getUTCFullYear(), cell.getUTCMonth() + 1, cell.getUTCDate());
    return iso ? { ok: true, iso } : { ok: false, message: `is outside the years ${earliestYear} to ${latestYear}` };
  }
  if (typeof cell === 'number') {
    const iso = isoFromExcelSerial(cell);
    if (iso) return { ok: true, iso };
    const shown = quoted(String(cell));
    return { ok: false, message: shown ? `holds the number ${cell}, which is not a date` : describeCell(String(cell), 'a date') };
  }
  const text = cellText(cell);
  const parts = twoWayParts(text);
  if (parts) return readTwoWay(text, parts, order);
  for (const [pattern, build] of patterns) {
    const match = pattern.exec(text);
    if (match) {
      const iso = build(match);
      if (iso) return { ok: true, iso };
      const shown = quoted(text);
      return { ok: false, message: shown ? `${shown} is not a real date` : describeCell(text, 'a date') };
    }
  }
  // A serial number typed or pasted as text, e.g. "43831" from a General-formatted column.
  if (/^\d{4,5}(\.\d+)?$/.test(text)) {
    const iso = isoFromExcelSerial(Number(text));
    if (iso) return { ok: true, iso };
  }
  const shown = quoted(text);
  return { ok: false, message: shown ? `${shown} is not a date Demand Workbook can read; use dd/mm/yyyy` : describeCell(text, 'a date') };
}

/** Whole days from 1970-01-01 for an ISO date: the engine's time axis. */
export function dayNumber(iso: string): number {
  // The usual YYYY-MM-DD read from its character codes (the same day Date.UTC gives, without a Date or
  // three slices); anything else as Date.UTC reads it.
  if (iso.length === 10 && iso.charCodeAt(4) === 45 && iso.charCodeAt(7) === 45) {
    const year = digitsAt(iso, 0, 4);
    const month = digitsAt(iso, 5, 2);
    const day = digitsAt(iso, 8, 2);
    if (year >= 1000 && month >= 1 && month <= 12 && day >= 1 && day <= 31) return daysFromCivil(year, month, day);
  }
  return Math.round(Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / 86_400_000);
}

/** The number written by `count` digits from `at`, or -1 when one of them is not a digit. */
function digitsAt(text: string, at: number, count: number): number {
  let value = 0;
  for (let i = at; i < at + count; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

/** Days since 1970-01-01 of a day of the proleptic Gregorian calendar (Howard Hinnant's days-from-civil); day 31 of a shorter month runs on into the next, as Date.UTC's does. */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/** Days since 1970-01-01 to an ISO date (Howard Hinnant's civil-from-days: no Date object, no slicing). */
export function isoFromDayNumber(day: number): string {
  const z = Math.floor(day) + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${y}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
}

/** Completed years between two ISO dates, as age is counted (a birthday on 29 February counts from 1 March). */
export function completedYears(birthIso: string, onIso: string): number {
  const [by, bm, bd] = [+birthIso.slice(0, 4), +birthIso.slice(5, 7), +birthIso.slice(8, 10)];
  const [y, m, d] = [+onIso.slice(0, 4), +onIso.slice(5, 7), +onIso.slice(8, 10)];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}
