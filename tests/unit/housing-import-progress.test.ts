// The housing import tells how far it has got as the Annex A import does (read-grids.ts): the source it
// opens, every 2,000 rows of each list with the list's whole count, then the checks across the lists;
// and it stops where its onProgress throws, as a cancel does in the backend. On the large synthetic
// authority's case list (about 60,000 approaches) and TA list, pasted and as one workbook.
import { describe, expect, it } from 'vitest';
import type { HousingList } from '../../shared/dataset/housing.ts';
import { importHousingLists, type HousingImportSource } from '../../shared/import/housing/import-housing.ts';
import { progressEveryRows, type ImportProgress } from '../../shared/import/read-grids.ts';
import { largeHousingExtractDate, largeHousingLists, largeHousingWorkbook } from '../../shared/synthetic/housing-bench.ts';
import { nodeInflate } from '../../electron/common/node-inflate.ts';
import { testKey } from '../support/synthetic.ts';

const lists = largeHousingLists();
const rowsOf = (csv: string) => csv.trimEnd().split('\n').length - 1;
const cases = rowsOf(lists.cases);
const ta = rowsOf(lists.ta);
const options = { pseudonymKey: testKey, today: '2024-04-15', inflate: nodeInflate };
const pasted: HousingImportSource[] = [
  { kind: 'pasted', name: 'Pasted case list', list: 'cases', text: lists.cases },
  { kind: 'pasted', name: 'Pasted TA list', list: 'ta', text: lists.ta },
];

type Rows = Extract<ImportProgress<HousingList>, { phase: 'rows' }>;
const rowsFor = (seen: ImportProgress<HousingList>[], list: HousingList) => seen.filter((p): p is Rows => p.phase === 'rows' && p.list === list);

/** The counts a list of `total` rows is reported at: 0, 2,000, 4,000… below the total. */
const expectedCounts = (total: number) => Array.from({ length: Math.ceil(total / progressEveryRows) }, (_, i) => i * progressEveryRows);

describe('progress of the housing import', { timeout: 120_000 }, () => {
  it('pasted: opens each list, counts its rows up to its whole count, then checks across the lists', () => {
    expect(cases).toBeGreaterThan(50_000);
    const seen: ImportProgress<HousingList>[] = [];
    const { report } = importHousingLists(pasted, { ...options, onProgress: (p) => seen.push(p) });
    expect(report.cases.rowsRead).toBe(cases);
    expect(report.ta.rowsRead).toBe(ta);
    for (const [list, total, source] of [['cases', cases, 'Pasted case list'], ['ta', ta, 'Pasted TA list']] as const) {
      const reports = rowsFor(seen, list);
      expect(reports.map((p) => p.done), list).toEqual(expectedCounts(total));
      expect(new Set(reports.map((p) => `${p.source} ${p.total}`)), list).toEqual(new Set([`${source} ${total}`]));
    }
    // In order: each source opened before its rows, the check once, last.
    const order = seen.map((p) => (p.phase === 'rows' ? `rows ${p.list}` : p.phase === 'reading' ? `reading ${p.source}` : 'checking'));
    const compact = order.filter((o, i) => o !== order[i - 1]);
    expect(compact).toEqual(['reading Pasted case list', 'rows cases', 'reading Pasted TA list', 'rows ta', 'checking']);
  });

  it('as one workbook with both sheets: both lists counted against their sheets’ rows', () => {
    const seen: ImportProgress<HousingList>[] = [];
    const { report } = importHousingLists([{ kind: 'workbook', name: 'Housing lists.xlsx', bytes: largeHousingWorkbook(lists), extractDate: largeHousingExtractDate }], { ...options, onProgress: (p) => seen.push(p) });
    expect(report.cases).toMatchObject({ rowsRead: cases, rowsAccepted: cases });
    expect(rowsFor(seen, 'cases').map((p) => p.done)).toEqual(expectedCounts(cases));
    expect(rowsFor(seen, 'ta').map((p) => p.done)).toEqual(expectedCounts(ta));
    expect(new Set(rowsFor(seen, 'ta').map((p) => p.total))).toEqual(new Set([ta]));
    expect(seen[0]).toEqual({ phase: 'reading', source: 'Housing lists.xlsx' });
    expect(seen.at(-1)).toEqual({ phase: 'checking' });
  });

  it('stops where onProgress throws: no row read past it, no check, nothing returned', () => {
    const seen: ImportProgress<HousingList>[] = [];
    const stop = new Error('stop here');
    const run = () =>
      importHousingLists(pasted, {
        ...options,
        onProgress: (p) => {
          seen.push(p);
          if (p.phase === 'rows' && p.list === 'ta' && p.done >= 4000) throw stop;
        },
      });
    expect(run).toThrow(stop);
    expect(seen.at(-1)).toEqual({ phase: 'rows', source: 'Pasted TA list', list: 'ta', done: 4000, total: ta });
    expect(seen.some((p) => p.phase === 'checking')).toBe(false);
    // Thrown while reading the case list, it never reaches the TA list.
    const early: ImportProgress<HousingList>[] = [];
    expect(() => importHousingLists(pasted, { ...options, onProgress: (p) => { early.push(p); if (p.phase === 'rows' && p.done === 2000) throw stop; } })).toThrow(stop);
    expect(early.filter((p) => p.phase !== 'reading' || p.source !== 'Pasted case list')).toEqual([
      { phase: 'rows', source: 'Pasted case list', list: 'cases', done: 0, total: cases },
      { phase: 'rows', source: 'Pasted case list', list: 'cases', done: 2000, total: cases },
    ]);
  });
});
