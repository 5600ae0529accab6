// The engine's clock: whole calendar months as integers (year * 12 + month - 1), so month arithmetic is
// addition. Day-level dates appear only where the lists give them.
import { dayNumber } from '../../import/values/dates.ts';

export type MonthIndex = number;

export function monthOfIso(iso: string): MonthIndex {
  return +iso.slice(0, 4) * 12 + (+iso.slice(5, 7) - 1);
}

export function monthLabel(month: MonthIndex): string {
  const year = Math.floor(month / 12);
  const m = month - year * 12 + 1;
  return `${year}-${m < 10 ? '0' : ''}${m}`;
}

/** 0 for January ... 11 for December. */
export function calendarMonth(month: MonthIndex): number {
  return ((month % 12) + 12) % 12;
}

export function daysInMonth(month: MonthIndex): number {
  const year = Math.floor(month / 12);
  return new Date(Date.UTC(year, calendarMonth(month) + 1, 0)).getUTCDate();
}

export function firstDayIso(month: MonthIndex): string {
  return `${monthLabel(month)}-01`;
}

export function lastDayIso(month: MonthIndex): string {
  const days = daysInMonth(month);
  return `${monthLabel(month)}-${days}`;
}

/** The last month fully observed by an extract taken on `iso`: its own month if `iso` is the last day. */
export function lastCompleteMonth(iso: string): MonthIndex {
  const month = monthOfIso(iso);
  return +iso.slice(8, 10) === daysInMonth(month) ? month : month - 1;
}

/** Months are the engine's unit of time: 365.25 / 12 days each. */
export const daysPerMonth = 365.25 / 12;
export const weeksPerMonth = 365.25 / 7 / 12;

/** Share of month `month` that lies within [from, to] (both inclusive, ISO dates). */
export function monthOverlap(month: MonthIndex, from: string, to: string): number {
  const first = dayNumber(firstDayIso(month));
  const last = first + daysInMonth(month) - 1;
  const overlap = Math.min(last, dayNumber(to)) - Math.max(first, dayNumber(from)) + 1;
  return Math.max(0, overlap) / daysInMonth(month);
}
