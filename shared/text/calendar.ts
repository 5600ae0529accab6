// Whether a day, month and year make a real date. One check for dates read from files and dates a person
// types, so the two never disagree about 29/02 or 31/04.

// Real dates in children's social care data fall in this window; anything else is a typo or a number.
export const earliestYear = 1900;
export const latestYear = 2100;

/** The ISO date (YYYY-MM-DD) for a real calendar day between 1900 and 2100; null for anything else. */
export function isoFromParts(year: number, month: number, day: number): string | null {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return null;
  if (year < earliestYear || year > latestYear || month < 1 || month > 12 || day < 1) return null;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  if (day > (month === 2 ? (leap ? 29 : 28) : month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31)) return null;
  return `${year}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}`;
}
