// The synthetic housing authority the housing projection will be tested against: its rules show in the
// lists it writes (season, duty share, long stays, households placed before the export began) and its
// expected future starts where its present is.
import { describe, expect, it } from 'vitest';
import { dayNumber } from '../../shared/import/values/dates.ts';
import { defaultHousingRules, expectedHousingFuture, simulateHousing, writeHousingLists } from '../../shared/synthetic/housing-authority.ts';

const authority = simulateHousing({ seed: 7, from: '2016-04-01', to: '2024-03-31' });

describe('a synthetic housing authority', () => {
  it('repeats exactly for a seed', () => {
    const again = simulateHousing({ seed: 7, from: '2016-04-01', to: '2024-03-31' });
    expect(again.cases.length).toBe(authority.cases.length);
    expect(again.inTa.map((c) => c.id)).toEqual(authority.inTa.map((c) => c.id));
  });

  it('has approaches that grow year by year and peak in January, eight in ten owed a duty', () => {
    const perYear = new Map<number, number>();
    const perMonth = Array.from({ length: 12 }, () => 0);
    for (const c of authority.cases) {
      const d = new Date(c.approach * 86_400_000);
      perYear.set(d.getUTCFullYear(), (perYear.get(d.getUTCFullYear()) ?? 0) + 1);
      perMonth[d.getUTCMonth()]!++;
    }
    expect(perYear.get(2023)! / perYear.get(2017)!).toBeGreaterThan(1.06 ** 6 * 0.95);
    expect(perYear.get(2023)! / perYear.get(2017)!).toBeLessThan(1.06 ** 6 * 1.05);
    expect(perMonth.indexOf(Math.max(...perMonth))).toBe(0);
    const owed = authority.cases.filter((c) => c.duty !== 'None').length / authority.cases.length;
    expect(owed).toBeGreaterThan(0.77);
    expect(owed).toBeLessThan(0.83);
    expect(authority.cases.length / 96).toBeGreaterThan(defaultHousingRules.approachesPerMonth);
  });

  it('keeps families in B&B about six weeks, and leased homes for years', () => {
    const days = (type: string, family: boolean) =>
      authority.cases
        .filter((c) => (c.household === 'Couple or single parent with dependent children') === family)
        .flatMap((c) => c.placements.filter((p) => p.type === type && p.end !== null).map((p) => p.end! - p.start));
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    expect(median(days('bedAndBreakfast', true))).toBeGreaterThanOrEqual(42);
    expect(median(days('bedAndBreakfast', true))).toBeLessThan(60);
    expect(median(days('privateLeased', true))).toBeGreaterThan(365);
  });

  it('writes a TA list that holds households placed before the case list begins', () => {
    const { cases, ta } = writeHousingLists(authority, '2021-04-01', '2024-03-31');
    const caseIds = new Set(cases.trim().split('\n').slice(1).map((l) => l.split(',')[0]));
    const taRows = ta.trim().split('\n').slice(1).map((l) => l.split(','));
    // A household without a case approached before the export began; most were placed before it too.
    const approached = new Map(authority.cases.map((c) => [`H${c.id}`, c.approach]));
    const firstPlaced = new Map<string, number>();
    for (const r of taRows.filter((row) => !caseIds.has(row[0]))) {
      const day = dayNumber(r[1]!.split('/').reverse().join('-'));
      firstPlaced.set(r[0]!, Math.min(firstPlaced.get(r[0]!) ?? day, day));
    }
    expect(firstPlaced.size).toBeGreaterThan(50);
    for (const id of firstPlaced.keys()) expect(approached.get(id)).toBeLessThan(dayNumber('2021-04-01'));
    const placedBefore = [...firstPlaced.values()].filter((day) => day < dayNumber('2021-04-01')).length;
    expect(placedBefore / firstPlaced.size).toBeGreaterThan(0.9);
    // Open placements have no date left, and every household in TA on the last day has one open row.
    const open = taRows.filter((r) => r[2] === '');
    expect(open.length).toBe(authority.inTa.length);
    expect(cases.split('\n')[0]).toBe('Case ID,Date of approach,Household type,Number of children,Reason for homelessness,Duty owed,Duty start date,Duty end date,Duty outcome');
  });

  it('gives an expected future that starts from the households in TA today', () => {
    const future = expectedHousingFuture(authority, 3, 20);
    expect(future[0]!.total).toBeGreaterThan(authority.inTa.length * 0.97);
    expect(future[0]!.total).toBeLessThan(authority.inTa.length * 1.08);
    // Nights in April: about 30 a household.
    const nights = Object.values(future[0]!.nights).reduce((a, b) => a + b, 0);
    expect(nights / future[0]!.total).toBeGreaterThan(28);
    expect(nights / future[0]!.total).toBeLessThan(31);
  });
});
