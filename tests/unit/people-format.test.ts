import { describe, expect, it } from 'vitest';
import { countForPeople, dateForPeople, dateFromPeople, longMonthForPeople, monthForPeople, percentForPeople, poundsForAxis, poundsForPeople, signedForPeople, workersForPeople } from '../../shared/text/people-format.ts';

describe('figures and dates as analysts write them', () => {
  it('writes months and dates the English way', () => {
    expect(monthForPeople('2025-09')).toBe('Sep 2025');
    expect(monthForPeople('2021-09-30')).toBe('Sep 2021');
    expect(longMonthForPeople('2026-08')).toBe('August 2026');
    expect(dateForPeople('2021-09-30')).toBe('30/09/2021');
    expect(dateForPeople('not a date')).toBe('not a date');
    expect(monthForPeople('2025-13')).toBe('2025-13');
  });
  it('rounds money to a precision a budget paper can stand behind', () => {
    expect(poundsForPeople(1234.4)).toBe('£1,234');
    expect(poundsForPeople(361_529)).toBe('£361,500');
    expect(poundsForPeople(1_361_529)).toBe('£1,362,000');
    expect(poundsForPeople(-2_500)).toBe('-£2,500');
    expect(poundsForAxis(800_000)).toBe('£800k');
    expect(poundsForAxis(1_200_000)).toBe('£1.2m');
    expect(poundsForAxis(2_000_000)).toBe('£2m');
    expect(poundsForAxis(15_400_000)).toBe('£15m');
    expect(poundsForAxis(0)).toBe('£0');
  });
  it('counts people whole, and workers whole once there are many', () => {
    expect(countForPeople(1234.6)).toBe('1,235');
    expect(workersForPeople(12.34)).toBe('12.3');
    expect(workersForPeople(48.6)).toBe('49');
    expect(percentForPeople(0.125)).toBe('12.5%');
    expect(signedForPeople(-3400, poundsForPeople)).toBe('-£3,400');
    expect(signedForPeople(1200, countForPeople)).toBe('+1,200');
    expect(signedForPeople(0, countForPeople)).toBe('0');
  });
});

describe('dates as people type them', () => {
  it('reads day first and refuses what is not a date', () => {
    expect(dateFromPeople('30/09/2021')).toBe('2021-09-30');
    expect(dateFromPeople(' 1/4/25 ')).toBe('2025-04-01');
    expect(dateFromPeople('30-09-2021')).toBe('2021-09-30');
    expect(dateFromPeople('09/30/2021')).toBeNull();
    expect(dateFromPeople('29/02/2023')).toBeNull();
    expect(dateFromPeople('29/02/2024')).toBe('2024-02-29');
    expect(dateFromPeople('31/04/2025')).toBeNull();
    expect(dateFromPeople('01/01/1850')).toBeNull(); // the same years as dates read from files
    expect(dateFromPeople('2021-09-30')).toBeNull();
    expect(dateFromPeople(dateForPeople('2025-12-31'))).toBe('2025-12-31');
  });
});

describe('differences as the reader sees them', () => {
  it('subtracts the figures as shown, never more precisely than they are shown', async () => {
    const { shownDifference } = await import('../../shared/text/people-format.ts');
    expect(shownDifference('count', 295.4, 295.6)).toBe(-1); // shown as 295 and 296
    expect(shownDifference('count', 295.6, 295.7)).toBe(0);
    expect(shownDifference('pounds', 1_651_411, 1_660_000)).toBe(-9_000);
    expect(shownDifference('pounds', 1_622_437, 1_622_000)).toBe(0); // both shown as £1,622,000
    expect(shownDifference('pounds', 990_000, 1_200_000)).toBe(-210_000);
    expect(shownDifference('workers', 12.34, 12.0)).toBe(0.3);
    expect(shownDifference('workers', 35.4, 34.6)).toBe(0);
  });
});

describe('a difference written for the reader', () => {
  it('has the precision of its figures: whole workers differ in whole workers, a few workers in tenths', async () => {
    const { shownDifferenceForPeople } = await import('../../shared/text/people-format.ts');
    expect(shownDifferenceForPeople('workers', 43.2, 40.1)).toBe('+3');
    expect(shownDifferenceForPeople('workers', 12.34, 12.0)).toBe('+0.3');
    expect(shownDifferenceForPeople('workers', 19.6, 20.4)).toBe('0'); // both shown as 20
    expect(shownDifferenceForPeople('pounds', 1_651_411, 1_660_000)).toBe('-£9,000');
    expect(shownDifferenceForPeople('count', 1_300.4, 101)).toBe('+1,199');
  });
});
