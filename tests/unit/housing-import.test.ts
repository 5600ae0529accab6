// The housing lists (case list and TA list) read the way the Annex A lists are: on the synthetic housing
// authority's CSVs, pasted, as files and as one workbook with both sheets, and on hand-made bad rows.
import { utils, write } from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import { taTypes } from '../../shared/dataset/housing.ts';
import { importHousingLists, type HousingImportReport, type HousingImportSource } from '../../shared/import/housing/import-housing.ts';
import { parseDelimitedRows } from '../../shared/import/text/delimited.ts';
import { simulateHousing, writeHousingLists } from '../../shared/synthetic/housing-authority.ts';
import { testKey } from '../support/synthetic.ts';

const options = { pseudonymKey: testKey, today: '2024-10-15' };
const authority = simulateHousing({ seed: 11, from: '2020-01-01', to: '2024-09-30' });
const lists = writeHousingLists(authority, '2022-04-01', '2024-09-30');

function expectEveryRowAccounted(report: HousingImportReport) {
  for (const list of ['cases', 'ta'] as const) {
    const c = report[list];
    expect(c.rowsRead, list).toBe(c.rowsAccepted + c.rowsRejected + c.rowsBlank);
  }
}

const pasted = (list: 'cases' | 'ta', text: string, name = list === 'cases' ? 'Case list' : 'TA list'): HousingImportSource => ({ kind: 'pasted', name, text, list });
const csv = (name: string, text: string): HousingImportSource => ({ kind: 'delimited', name, bytes: new TextEncoder().encode(text) });
const lines = (text: string) => text.trimEnd().split('\n');

describe("the synthetic housing authority's lists", () => {
  const { dataset, report } = importHousingLists([pasted('cases', lists.cases), pasted('ta', lists.ta)], options);
  const caseRows = lines(lists.cases).length - 1;
  const taRows = lines(lists.ta).length - 1;

  it('are read whole: every row accepted and accounted for', () => {
    expectEveryRowAccounted(report);
    expect(report.cases).toMatchObject({ present: true, rowsRead: caseRows, rowsAccepted: caseRows, rowsRejected: 0 });
    expect(report.ta).toMatchObject({ present: true, rowsRead: taRows, rowsAccepted: taRows, rowsRejected: 0 });
    expect(dataset.cases).toHaveLength(caseRows);
    expect(dataset.ta).toHaveLength(taRows);
    expect(report.issues.filter((i) => i.severity !== 'info')).toEqual([]);
  });

  it('reads TA types, household types and duties into their values, as the generator wrote them', () => {
    const written = parseDelimitedRows(lists.ta).rows.slice(1);
    const typesWritten = new Set(written.map((r) => r[3]));
    expect(typesWritten.size).toBeGreaterThanOrEqual(5);
    const read = new Set(dataset.ta.map((p) => p.taType));
    for (const t of read) expect(taTypes).toContain(t);
    expect(read.size).toBe(typesWritten.size);
    expect(dataset.ta.filter((p) => p.outOfArea === null)).toEqual([]);
    const kinds = new Set(dataset.cases.map((c) => c.household));
    expect([...kinds].sort()).toEqual(['adultsWithoutChildren', 'singleAdult', 'withChildren']);
    expect(new Set(dataset.cases.map((c) => c.duty))).toEqual(new Set(['prevention', 'relief', 'none']));
    const families = dataset.cases.filter((c) => c.household === 'withChildren');
    expect(families.every((c) => (c.children ?? 0) >= 1)).toBe(true);
  });

  it("pseudonymises case IDs with the workbook's key, the same in both lists", () => {
    const ids = [...dataset.cases.map((c) => c.caseId), ...dataset.ta.map((p) => p.caseId)];
    for (const id of ids) expect(id).toMatch(/^C[A-Z0-9]{12}$/);
    expect(JSON.stringify(dataset)).not.toMatch(/"H\d+"/);
    const known = new Set(dataset.cases.map((c) => c.caseId));
    expect(dataset.ta.filter((p) => known.has(p.caseId)).length).toBeGreaterThan(taRows / 3);
    const other = importHousingLists([pasted('cases', lists.cases)], { ...options, pseudonymKey: new Uint8Array(32).fill(9) });
    expect(other.dataset.cases[0]!.caseId).not.toBe(dataset.cases[0]!.caseId);
  });

  it("keeps the households placed before the export's start, and says how many", () => {
    const caseIds = new Set(parseDelimitedRows(lists.cases).rows.slice(1).map((r) => r[0]));
    const orphanRows = parseDelimitedRows(lists.ta).rows.slice(1).filter((r) => !caseIds.has(r[0] as string));
    expect(orphanRows.length).toBeGreaterThan(50);
    const note = report.issues.find((i) => i.list === 'ta' && /no case in the case list/.test(i.message))!;
    expect(note).toMatchObject({ severity: 'info', file: 'TA list', column: 'Case ID' });
    expect(note.message).toContain(`${orphanRows.length.toLocaleString('en-GB')} placements`);
    // They are placed before the case list's first approach (the export's start).
    expect(dataset.extracts[0]!.windowStart).toBe('2022-04-01');
    expect(dataset.extracts[0]).toMatchObject({ extractDate: '2024-09-30', extractDateSource: 'inferred' });
  });

  it('are recognised by their headers as CSV files with no hint in their names', () => {
    const result = importHousingLists([csv('export-1.csv', lists.ta), csv('export-2.csv', lists.cases)], options);
    expect(result.report.cases).toMatchObject({ rowsAccepted: caseRows, foundIn: ['export-2.csv'] });
    expect(result.report.ta).toMatchObject({ rowsAccepted: taRows, foundIn: ['export-1.csv'] });
    expect(result.dataset.ta.map((p) => p.caseId)).toEqual(dataset.ta.map((p) => p.caseId));
  }, 60_000);

  it('are read from one workbook with both sheets, their header rows below a title', () => {
    const book = utils.book_new();
    const sheet = (text: string) => utils.aoa_to_sheet([['Housing Options: extract for the forecast'], [], ...parseDelimitedRows(text).rows.map((r) => r.map((c) => c ?? ''))]);
    utils.book_append_sheet(book, sheet(lists.cases), 'Approaches');
    utils.book_append_sheet(book, sheet(lists.ta), 'TA');
    const bytes = new Uint8Array(write(book, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
    const result = importHousingLists([{ kind: 'workbook', name: 'housing.xlsx', bytes }], options);
    expectEveryRowAccounted(result.report);
    expect(result.report.cases).toMatchObject({ rowsAccepted: caseRows, foundIn: ['housing.xlsx › Approaches'] });
    expect(result.report.ta).toMatchObject({ rowsAccepted: taRows, foundIn: ['housing.xlsx › TA'] });
    expect(result.dataset.cases.slice(0, 50)).toEqual(dataset.cases.slice(0, 50));
  }, 90_000); // a workbook of 20,000 rows written and read: slow on a loaded machine
});

describe('housing lists with their common alternative headers', () => {
  it('reads "Case reference", "Approach date", "TA start date", "TA type" and the rest', () => {
    const cases = 'Case reference,Approach date,Household composition,No of children,Duty,Date duty started\n77,03/05/2024,Single parent,2,Relief duty,03/05/2024\n78,04/05/2024,single male,0,Prevention,\n';
    const ta = 'Household ID,TA start date,TA end date,TA type,Out of area,Cost per night\n77,10/05/2024,,B&B,No,£85.50\n';
    const { dataset, report } = importHousingLists([csv('a.csv', cases), csv('b.csv', ta)], options);
    expect(report.issues.filter((i) => i.severity !== 'info')).toEqual([]);
    expect(dataset.cases.map((c) => [c.household, c.children, c.duty, c.dutyStart])).toEqual([
      ['withChildren', 2, 'relief', '2024-05-03'],
      ['singleAdult', 0, 'prevention', null],
    ]);
    expect(dataset.ta).toEqual([expect.objectContaining({ caseId: dataset.cases[0]!.caseId, placed: '2024-05-10', left: null, taType: 'bedAndBreakfast', outOfArea: false, nightlyCost: 85.5 })]);
    expect(report.issues.some((i) => /no case in the case list/.test(i.message))).toBe(false);
  });
});

describe('bad housing rows', () => {
  const cases = ['Case ID,Date of approach,Household type,Duty owed', '1,02/01/2024,Single adult,Relief', '2,03/01/2024,Mrs Jane Smith of 4 Acacia Avenue,Prevention', '3,04/01/2024,Q7,None', ',,,', '4,,Single adult,Relief'].join('\n');
  const ta = [
    'Case ID,Date placed,Date left,Type of temporary accommodation',
    '1,10/01/2024,05/01/2024,Bed and breakfast', // ends before it starts
    '2,12/01/2024,,Caravan on the Smith farm', // an unknown type (free text: never quoted)
    '3,12/01/2024,,Z9', // an unknown type that cannot be personal (quoted)
    '900,01/06/2019,,Private sector leased', // placed before the export's start: no case
    '1,11/01/2024,,Nightly paid',
  ].join('\n');
  const { dataset, report } = importHousingLists([csv('cases.csv', cases), csv('ta.csv', ta)], options);
  const at = (file: string, row: number) => report.issues.filter((i) => i.file === file && i.row === row);

  it('count every row: read = accepted + rejected + blank', () => {
    expectEveryRowAccounted(report);
    expect(report.cases).toMatchObject({ rowsRead: 5, rowsAccepted: 3, rowsRejected: 1, rowsBlank: 1 });
    expect(report.ta).toMatchObject({ rowsRead: 5, rowsAccepted: 4, rowsRejected: 1, rowsBlank: 0 });
  });

  it('reject a TA placement that ends before it starts, by file, row and column', () => {
    expect(at('ta.csv', 2)).toEqual([{ list: 'ta', file: 'ta.csv', sheet: null, row: 2, column: 'Date left', severity: 'error', message: 'ends (05/01/2024) before it starts (10/01/2024); check both dates' }]);
    expect(dataset.ta.some((p) => p.placed === '2024-01-10')).toBe(false);
  });

  it('count an unknown TA type as other, with a note that names it only when it cannot be personal', () => {
    const [caravan] = at('ta.csv', 3);
    expect(caravan).toMatchObject({ list: 'ta', column: 'Type of temporary accommodation', severity: 'info' });
    expect(caravan!.message).toMatch(/counted as other/);
    expect(caravan!.message).not.toMatch(/Smith|Caravan/i);
    expect(at('ta.csv', 4)[0]!.message).toContain('"Z9" is not a TA type the app knows');
    expect(dataset.ta.filter((p) => p.taType === 'other')).toHaveLength(2);
  });

  it('count a household type the app does not know as another household, named by file, row and column', () => {
    const [unknown] = at('cases.csv', 3);
    expect(unknown).toMatchObject({ list: 'cases', column: 'Household type', severity: 'info' });
    expect(unknown!.message).not.toMatch(/Jane|Smith|Acacia/);
    expect(at('cases.csv', 4)[0]!.message).toContain('"Q7" is not a household type the app knows');
    expect(dataset.cases.map((c) => c.household)).toEqual(['singleAdult', 'other', 'other']);
    expect(JSON.stringify(report)).not.toMatch(/Jane|Smith|Acacia|Caravan/);
  });

  it('keep a TA placement whose case is not in the case list, and count it', () => {
    expect(dataset.ta.filter((p) => p.placed === '2019-06-01')).toHaveLength(1);
    const note = report.issues.find((i) => /no case in the case list/.test(i.message))!;
    expect(note).toMatchObject({ list: 'ta', file: 'ta.csv', column: 'Case ID', severity: 'info' });
    expect(note.message).toMatch(/^1 placements \(1 households\)/);
  });

  it('reject a case without its date of approach', () => {
    expect(at('cases.csv', 6)).toEqual([expect.objectContaining({ column: 'Date of approach', severity: 'error', message: 'missing, so this row cannot be used' })]);
  });

  it('reject TA rows pasted into the case list grid, saying where they belong', () => {
    const result = importHousingLists([pasted('cases', ta)], options);
    expect(result.report.cases).toMatchObject({ rowsRead: 5, rowsRejected: 5 });
    expect(result.report.issues.find((i) => i.severity === 'error')!.message).toBe('These rows look like Temporary accommodation list, not Case list, so none of them was used. Paste them into the Temporary accommodation list grid.');
  });

  it('read rows pasted without their header row in the order housing.md gives', () => {
    const result = importHousingLists([pasted('ta', '5,01/02/2024,,Hostel,In area\n6,02/02/2024,03/03/2024,Bed and breakfast,Out of area\n')], options);
    expect(result.report.ta).toMatchObject({ rowsRead: 2, rowsAccepted: 2 });
    expect(result.dataset.ta.map((p) => [p.taType, p.outOfArea, p.left])).toEqual([['hostel', false, null], ['bedAndBreakfast', true, '2024-03-03']]);
  });

  it('never take one mistyped date, far later than the rest, as the extract date', () => {
    // The lists end in September 2024; an open placement's year was typed as 2026: before today, years after the rest.
    const typo = lists.ta.replace(/\n(H\d+),(\d\d\/\d\d)\/(\d{4}),,/, (_m, id, dm) => `\n${id},${dm}/2026,,`);
    const result = importHousingLists([pasted('cases', lists.cases), pasted('ta', typo)], { ...options, today: '2026-12-02' });
    expect(result.dataset.extracts[0]!.extractDate).toBe('2024-09-30');
    const flagged = result.report.issues.filter((i) => i.list === 'ta' && i.column === 'Date placed');
    expect(flagged).toHaveLength(1);
    expect(flagged[0]!.message).toMatch(/is far later than the rest of this column \(most from .+\): the row was not used, and the date was not taken as the extract date/);
    expectEveryRowAccounted(result.report);
  });

  it('reject a date after the extract date given', () => {
    const result = importHousingLists([{ ...pasted('cases', cases), extractDate: '2024-01-02' }], options);
    expect(result.report.issues.filter((i) => i.severity === 'error').map((i) => [i.row, i.column])).toEqual([[3, 'Date of approach'], [4, 'Date of approach'], [6, 'Date of approach']]);
  });
});
