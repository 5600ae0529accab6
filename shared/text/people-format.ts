// How figures and dates are written wherever a person reads them (screens, messages, the Excel export's
// words). Analysts in English councils write 30/09/2021 and Sep 2025, and read money in pounds; the model
// and the files keep ISO dates (2021-09-30, 2025-09) and exact numbers. One module so that a screen and the
// export never word the same figure two ways.

import { isoFromParts } from './calendar.ts';

const monthNames = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;
export const longMonthNames = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'] as const;

const isoMonthPattern = /^(\d{4})-(\d{2})/;
const isoDatePattern = /^(\d{4})-(\d{2})-(\d{2})$/;

/** "2025-09" (or "2025-09-30") as "Sep 2025"; anything else is returned as it came. */
export function monthForPeople(isoMonth: string): string {
  const m = isoMonthPattern.exec(isoMonth);
  if (!m) return isoMonth;
  const name = monthNames[Number(m[2]) - 1];
  return name ? `${name} ${m[1]}` : isoMonth;
}

/** "2025-09" as "September 2025", for sentences. */
export function longMonthForPeople(isoMonth: string): string {
  const m = isoMonthPattern.exec(isoMonth);
  if (!m) return isoMonth;
  const name = longMonthNames[Number(m[2]) - 1];
  return name ? `${name} ${m[1]}` : isoMonth;
}

/** "2021-09-30" as "30/09/2021"; anything else is returned as it came. */
export function dateForPeople(isoDate: string): string {
  const m = isoDatePattern.exec(isoDate);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : isoDate;
}

/** "2024-04-01" as "1 April 2024" (or "1 April" without the year), where a sentence names a day. */
export function longDateForPeople(isoDate: string, withYear = true): string {
  const m = isoDatePattern.exec(isoDate);
  const name = m ? longMonthNames[Number(m[2]) - 1] : undefined;
  if (!m || !name) return isoDate;
  return `${Number(m[3])} ${name}${withYear ? ` ${m[1]}` : ''}`;
}

// One formatter per number of decimals, made once: toLocaleString with options builds a new one on every
// call, which a chart's axis labels and a results table pay for hundreds of times a redraw.
const formatters: Intl.NumberFormat[] = [];
const grouped = (n: number, fractionDigits = 0) =>
  (formatters[fractionDigits] ??= new Intl.NumberFormat('en-GB', { minimumFractionDigits: fractionDigits, maximumFractionDigits: fractionDigits })).format(n);

/** A count of people or events: whole, with thousands separators ("1,234"). */
export function countForPeople(n: number): string {
  return grouped(Math.round(n));
}

/**
 * Money for reading, to a sensible precision: under £10,000 to the pound, under £1m to the hundred,
 * then to the thousand ("£1,362,000"). Budget papers do not pretend to know spend to the pound.
 */
export function poundsForPeople(n: number): string {
  const sign = n < 0 ? '-' : '';
  const a = Math.abs(n);
  const step = a < 10_000 ? 1 : a < 1_000_000 ? 100 : 1_000;
  return `${sign}£${grouped(Math.round(a / step) * step)}`;
}

/** Money on a chart axis: "£800k", "£1.2m", "£15m". */
export function poundsForAxis(n: number): string {
  const sign = n < 0 ? '-' : '';
  const a = Math.abs(n);
  if (a >= 1_000_000) {
    const m = a / 1_000_000;
    return `${sign}£${m >= 10 || Number.isInteger(m) ? grouped(Math.round(m)) : m.toFixed(1)}m`;
  }
  if (a >= 1_000) return `${sign}£${grouped(Math.round(a / 1_000))}k`;
  return `${sign}£${grouped(Math.round(a))}`;
}

/** Social workers: whole when 20 or more (a budget counts posts), one decimal below that, where it matters. */
export function workersForPeople(n: number): string {
  return Math.abs(n) >= 20 ? grouped(Math.round(n)) : grouped(Math.round(n * 10) / 10, 1);
}

/** A share as a percentage: "12.5%" (one decimal) or "13%" with digits = 0. */
export function percentForPeople(share: number, digits = 1): string {
  return `${(share * 100).toFixed(digits)}%`;
}

/** A signed difference written with its own formatter: "+1,200", "-£3,400", "0". */
export function signedForPeople(n: number, format: (x: number) => string): string {
  return n > 0 ? `+${format(n)}` : n < 0 ? `-${format(-n)}` : format(0);
}

/**
 * A date as a person types it, day first ("30/09/2021", "1/4/25", "30-09-2021"), as ISO "2021-09-30";
 * null when it is not a real date. Two-digit years are 2000-2099.
 */
export function dateFromPeople(text: string): string | null {
  const m = /^\s*(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{2}|\d{4})\s*$/.exec(text);
  if (!m) return null;
  const [day, month] = [Number(m[1]), Number(m[2])];
  const year = m[3]!.length === 2 ? 2000 + Number(m[3]) : Number(m[3]);
  return isoFromParts(year, month, day);
}

/** The step a figure is shown to: counts to 1, money as poundsForPeople rounds it, workers as workersForPeople. */
export function shownStep(unit: 'count' | 'pounds' | 'workers', n: number): number {
  const a = Math.abs(n);
  if (unit === 'pounds') return a < 10_000 ? 1 : a < 1_000_000 ? 100 : 1_000;
  if (unit === 'workers') return a >= 20 ? 1 : 0.1;
  return 1;
}

/**
 * The difference between two figures as a reader sees them: both rounded to the coarser of their shown
 * steps, so that "£1,651,000" against "£1,660,000" differs by "-£9,000" (never "-£9,411"), and two figures
 * shown alike differ by nothing.
 */
export function shownDifference(unit: 'count' | 'pounds' | 'workers', value: number, base: number): number {
  const step = Math.max(shownStep(unit, value), shownStep(unit, base));
  const difference = Math.round(value / step) * step - Math.round(base / step) * step;
  return step < 1 ? Math.round(difference * 10) / 10 : difference;
}

/**
 * A difference from the baseline as a reader sees it, written to the step its figures are shown to: 40 and
 * 43 social workers differ by "+3" (not "+3.0"), 12.0 and 12.3 by "+0.3"; 0 when they are shown alike.
 */
export function shownDifferenceForPeople(unit: 'count' | 'pounds' | 'workers', value: number, base: number): string {
  const difference = shownDifference(unit, value, base);
  const tenths = unit === 'workers' && Math.max(shownStep(unit, value), shownStep(unit, base)) < 1;
  const format = unit === 'pounds' ? poundsForPeople : tenths ? (n: number) => grouped(n, 1) : countForPeople;
  return signedForPeople(difference, format);
}
