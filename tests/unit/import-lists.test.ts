// Import end to end on the public fixtures and on a generated authority written the ways real
// authorities hold their lists.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importLists, sourceKindForFile, type ImportSource } from '../../shared/import/import-lists.ts';
import { annexASnapshot } from '../../shared/synthetic/annex-a-snapshot.ts';
import { columnToName, type ImportReport } from '../../shared/import/report.ts';
import { clipboardText, csvFiles, messyWorkbook, templateWorkbook } from '../../shared/synthetic/write-annex-a.ts';
import { generatedAuthority, testKey } from '../support/synthetic.ts';

const fixtures = path.resolve(import.meta.dirname, '../../../shared/fixtures/annex-a');
const options = { pseudonymKey: testKey };

function expectEveryRowAccounted(report: ImportReport) {
  for (const list of ['referrals', 'cpp', 'cla'] as const) {
    const c = report[list];
    expect(c.rowsRead, list).toBe(c.rowsAccepted + c.rowsRejected + c.rowsBlank);
  }
}

describe('the public Annex A fixtures', () => {
  const files = readdirSync(fixtures).filter((f) => /\.(xlsx|xls)$/.test(f));
  it('are all here', () => expect(files.length).toBe(7));

  it.each(files)('%s imports with every row accounted for', (file) => {
    const { report, dataset } = importLists([{ kind: sourceKindForFile(file), name: file, bytes: readFileSync(path.join(fixtures, file)) } as ImportSource], options);
    expectEveryRowAccounted(report);
    for (const list of ['referrals', 'cpp', 'cla'] as const) expect(dataset[list].length).toBe(report[list].rowsAccepted - report[list].duplicates);
    // A list the file lacks is absent, not an error.
    for (const issue of report.issues.filter((i) => i.severity === 'error')) expect(issue.row, issue.message).not.toBeNull();
  });

  it('reports the LIIA child who entered care before being born, with the row', () => {
    const file = 'liia-tools__Annex_A.xlsx';
    const { report } = importLists([{ kind: 'workbook', name: file, bytes: readFileSync(path.join(fixtures, file)) }], options);
    expect(report.cla).toMatchObject({ rowsRead: 5, rowsAccepted: 4, rowsRejected: 1 });
    expect(report.issues).toContainEqual({
      list: 'cla', file, sheet: 'List 8', row: 5, column: 'Date Started to be Looked After', severity: 'error',
      message: "the period of care starts (24/02/2010) before the child's date of birth (13/03/2018); check both dates",
    });
  });

  it('finds List 3 on a sheet renamed "List 3" in the empty template, and reports the others as present with no rows', () => {
    const file = 'sfdata-annexa-clean__2016-01-sample.xlsx';
    const { report } = importLists([{ kind: 'workbook', name: file, bytes: readFileSync(path.join(fixtures, file)) }], options);
    expect(report.referrals).toMatchObject({ present: true, rowsRead: 0, foundIn: [`${file} › List 3`] });
  });

  it('reads formula dates from their cached values (journeys fixture) and links a child across lists', () => {
    const file = 'child-event-journeys__annexa_example.xlsx';
    const { dataset, report } = importLists([{ kind: 'workbook', name: file, bytes: readFileSync(path.join(fixtures, file)) }], options);
    expect(report.referrals.rowsAccepted).toBe(11);
    const referred = new Set(dataset.referrals.map((r) => r.child));
    expect(dataset.cpp.some((p) => referred.has(p.child))).toBe(true);
  });

  it('stores no raw child ID and no name, team or worker', () => {
    const file = 'liia-tools__Annex_A.xlsx';
    const { dataset } = importLists([{ kind: 'workbook', name: file, bytes: readFileSync(path.join(fixtures, file)) }], options);
    const text = JSON.stringify(dataset);
    for (const secret of ['6537810', '1761444', 'Dustin Hazlett', 'Locality 4 Duty Team', 'T28 2WB']) expect(text).not.toContain(secret);
    expect(dataset.referrals[0]!.child).toMatch(/^C[A-Z0-9]{12}$/);
  });
});

describe('a generated authority, held three ways', () => {
  const { snapshot } = generatedAuthority();
  const asOne = (sources: ImportSource[]) => importLists(sources.map((s) => ({ ...s, extract: 'September 2024', extractDate: '2024-09-30' })), options);
  const template = asOne([{ kind: 'workbook', name: 'template.xlsx', bytes: templateWorkbook(snapshot) }]);
  const messy = asOne([{ kind: 'workbook', name: 'messy.xlsx', bytes: messyWorkbook(snapshot, 9) }]);
  const csv = asOne(csvFiles(snapshot).map((f) => ({ kind: 'delimited' as const, name: f.name, bytes: f.bytes })));

  it('has realistic volumes', () => {
    expect(template.dataset.referrals.length).toBeGreaterThan(1000);
    expect(template.dataset.cpp.length).toBeGreaterThan(300);
    expect(template.dataset.cla.length).toBeGreaterThan(250);
  });

  it('imports the template workbook without an issue', () => {
    expect(template.report.issues.filter((i) => i.severity !== 'info')).toEqual([]);
    expectEveryRowAccounted(template.report);
  });

  it('imports the messy workbook (aliases, text dates, stripped prefixes, blank rows, title rows) to the same dataset', () => {
    expect(messy.report.referrals.rowsBlank).toBeGreaterThan(0);
    expectEveryRowAccounted(messy.report);
    expect(messy.dataset).toEqual(template.dataset);
  });

  it.each(['ods', 'xls'] as const)('imports the template saved as .%s to the same dataset', (format) => {
    expect(asOne([{ kind: 'workbook', name: `template.${format}`, bytes: templateWorkbook(snapshot, format) }]).dataset).toEqual(template.dataset);
  });

  it('imports three CSVs (UTF-8 with BOM, UTF-8, Windows-1252) to the same dataset', () => {
    expect(csv.dataset).toEqual(template.dataset);
  });

  it('imports rows pasted from Excel, with or without the header row, to the same records', () => {
    for (const withHeader of [true, false]) {
      const pasted = importLists(
        (['referrals', 'cpp', 'cla'] as const).map((list) => ({ kind: 'pasted' as const, name: `Pasted ${list}`, list, text: clipboardText(snapshot, list, withHeader), extract: 'September 2024', extractDate: '2024-09-30' })),
        options,
      );
      expect(pasted.dataset).toEqual(template.dataset);
    }
  });

  it('stacks two extracts of the same authority, merging the rows they share', () => {
    const { authority } = generatedAuthority();
    const march = annexASnapshot(authority, '2024-03-31');
    const stacked = importLists(
      [
        { kind: 'workbook', name: 'march.xlsx', bytes: templateWorkbook(march), extractDate: '2024-03-31' },
        { kind: 'workbook', name: 'september.xlsx', bytes: templateWorkbook(snapshot), extractDate: '2024-09-30' },
      ],
      options,
    );
    expect(stacked.dataset.extracts.map((e) => e.extractDate)).toEqual(['2024-03-31', '2024-09-30']);
    expect(stacked.report.cla.duplicates).toBeGreaterThan(100); // children in care at both dates
    // A plan open in March and closed by September keeps its end date: the later, more complete row wins.
    const closed = template.dataset.cpp.filter((p) => p.endDate && p.startDate <= '2024-03-31' && p.endDate > '2024-03-31');
    expect(closed.length).toBeGreaterThan(0);
    const stackedByKey = new Map(stacked.dataset.cpp.map((p) => [`${p.child}|${p.startDate}`, p]));
    for (const plan of closed) expect(stackedByKey.get(`${plan.child}|${plan.startDate}`)).toEqual({ ...plan, extract: 2 });
    expect(stacked.dataset.referrals.length).toBeGreaterThan(template.dataset.referrals.length);
  });
});


describe('row checks', () => {
  const paste = (list: 'referrals' | 'cpp' | 'cla', text: string, extractDate?: string) =>
    importLists([{ kind: 'pasted', name: 'Pasted', list, text, ...(extractDate ? { extractDate } : {}) }], options);

  it('rejects a row without its key date, naming the row and column, and counts blank rows', () => {
    const { report } = paste('referrals', 'Child Unique ID\tDate of referral\n1\t01/02/2024\n\t\n2\t\n3\t05/02/2024\n');
    expect(report.referrals).toMatchObject({ rowsRead: 4, rowsAccepted: 2, rowsRejected: 1, rowsBlank: 1 });
    expect(report.issues).toContainEqual(expect.objectContaining({ row: 4, column: 'Date of referral', severity: 'error', message: 'missing, so this row cannot be used' }));
  });

  it('rejects a plan that ends before it starts, and keeps a pre-birth plan', () => {
    const { report } = paste('cpp', 'Child Unique ID\tDate of Birth\tChild Protection Plan Start Date\tChild Protection Plan End Date\n1\t01/06/2024\t01/04/2024\t\n2\t01/01/2020\t01/05/2024\t01/03/2024\n');
    expect(report.cpp).toMatchObject({ rowsAccepted: 1, rowsRejected: 1 });
    expect(report.issues).toContainEqual(expect.objectContaining({ row: 3, column: 'Child Protection Plan End Date', message: 'ends (01/03/2024) before it starts (01/05/2024); check both dates' }));
  });

  it('rejects rows dated after the extract date and warns about children still in care at 18', () => {
    const { report } = paste('cla', 'Child Unique ID\tDate of Birth\tDate Started to be Looked After\tDate Ceased to be Looked After\n1\t01/01/2006\t01/01/2020\t\n2\t01/01/2015\t01/12/2024\t\n', '2024-09-30');
    expect(report.cla).toMatchObject({ rowsAccepted: 1, rowsRejected: 1 });
    expect(report.issues).toContainEqual(expect.objectContaining({ row: 2, severity: 'warning', message: expect.stringContaining('at 18 or over') }));
    expect(report.issues).toContainEqual(expect.objectContaining({ row: 3, severity: 'error', message: '01/12/2024 is after the extract date (30/09/2024); check the date' }));
  });

  it('warns about unknown codes and exact duplicates, and keeps the rows', () => {
    const { report, dataset } = paste('cla', 'Child Unique ID\tDate Started to be Looked After\tPlacement Type\n7\t01/01/2024\tBanana\n7\t01/01/2024\tBanana\n');
    expect(report.cla).toMatchObject({ rowsAccepted: 2, duplicates: 1 });
    expect(dataset.cla).toHaveLength(1);
    expect(report.issues).toContainEqual(expect.objectContaining({ row: 2, column: 'Placement Type', severity: 'warning' }));
    expect(report.issues).toContainEqual(expect.objectContaining({ row: 3, message: 'repeats row 2 exactly; it was counted once' }));
  });

  it('names the column of a row problem once: in the issue\'s column, never again at the start of its message', () => {
    // A pasted List 3 as authorities hold it, with a word typed into a count, an answer that is not yes or
    // no, an unreadable date of birth and a missing referral date.
    const { snapshot } = generatedAuthority();
    const rows = snapshot.referrals.slice(0, 120).map((r, i) =>
      i === 96 ? { ...r, 'Number of Referrals in Last 12 Months': 'several', 'Referral NFA?': 'perhaps' } : i === 97 ? { ...r, 'Date of referral': '' } : r,
    );
    const { report } = importLists([{ kind: 'pasted', name: 'Pasted', list: 'referrals', text: clipboardText({ ...snapshot, referrals: rows }, 'referrals', true) }], options);
    const atRow = (row: number) => report.issues.filter((i) => i.row === row);
    expect(atRow(98)).toEqual([
      expect.objectContaining({ column: 'Referral NFA?', severity: 'warning', message: 'a name or other text where yes or no belongs; it was left blank' }),
      expect.objectContaining({ column: 'Number of Referrals in Last 12 Months', severity: 'warning', message: 'a name or other text where a number belongs; it was left blank' }),
    ]);
    expect(atRow(99)).toEqual([expect.objectContaining({ column: 'Date of referral', severity: 'error', message: 'missing, so this row cannot be used' })]);
    for (const issue of report.issues.filter((i) => i.row !== null && i.column)) expect(issue.message.toLowerCase(), issue.message).not.toContain(issue.column!.trim().toLowerCase());
  });

  it('names the column before a message only where the message does not name it already', () => {
    const at = (column: string | null, message: string) => columnToName({ column, message });
    expect(at('Age of Child (Years) ', 'a name or other text where an age belongs; it was left blank')).toBe('Age of Child (Years)');
    expect(at('Age', 'a long number where an age belongs; it was left blank')).toBe('Age');
    expect(at(null, 'repeats row 2 exactly; it was counted once')).toBeNull();
    // A report saved before row messages stopped starting with their column, a note on a whole column, a missing column.
    expect(at('Number of Referrals in Last 12 Months', 'Number of Referrals in Last 12 Months: a name or other text where a number belongs; it was left blank')).toBeNull();
    expect(at('Date of referral', 'Date of referral is missing, so this row cannot be used')).toBeNull();
    expect(at('Date of referral', 'Date of referral in List 3 (referrals.csv) was read day first (dd/mm/yyyy), the UK way')).toBeNull();
    expect(at('DEC', 'The episodes table has no "DEC" column, so none of its 3 rows could be used.')).toBeNull();
    expect(at('DEC', 'DECOM is later than it')).toBe('DEC');
  });

  it('names a missing required column', () => {
    const { report } = importLists([{ kind: 'delimited', name: 'children-in-care.csv', bytes: new TextEncoder().encode('Child Unique ID,Placement Type,Legal Status\n1,U4,C2\n') }], options);
    expect(report.cla).toMatchObject({ present: true, rowsRead: 1, rowsRejected: 1 });
    expect(report.issues).toContainEqual(expect.objectContaining({ severity: 'error', column: 'Date Started to be Looked After', message: expect.stringContaining('has no "Date Started to be Looked After" column') }));
  });

  it('never moves List 8 rows pasted into the List 3 grid to List 8: they are rejected where they were pasted, with where they belong', () => {
    const { snapshot } = generatedAuthority();
    const rows = snapshot.cla.slice(0, 25);
    const { report, dataset } = importLists([{ kind: 'pasted', name: 'Pasted Referrals (List 3)', list: 'referrals', text: clipboardText({ ...snapshot, cla: rows }, 'cla', true) }], options);
    expect(report.cla.present).toBe(false);
    expect(dataset.cla).toEqual([]);
    expect(report.referrals).toMatchObject({ present: true, rowsRead: 25, rowsRejected: 25, rowsAccepted: 0 });
    expect(report.issues).toContainEqual(expect.objectContaining({ list: 'referrals', severity: 'error', message: 'These rows look like Children in care (List 8), not Referrals (List 3), so none of them was used. Paste them into the Children in care (List 8) grid.' }));
  });

  it('gives the same child the same pseudonym across lists and extracts, and a different one under another key', () => {
    const text = (date: string) => `Child Unique ID\tDate of referral\n 00123 \t${date}\n`;
    const a = importLists([{ kind: 'pasted', name: 'a', list: 'referrals', text: text('01/02/2024') }, { kind: 'pasted', name: 'b', list: 'cpp', text: 'Child Unique ID\tChild Protection Plan Start Date\n123\t01/03/2024\n' }], options);
    expect(a.dataset.referrals[0]!.child).toBe(a.dataset.cpp[0]!.child);
    const b = importLists([{ kind: 'pasted', name: 'a', list: 'referrals', text: text('01/02/2024') }], { pseudonymKey: new Uint8Array(32).fill(1) });
    expect(b.dataset.referrals[0]!.child).not.toBe(a.dataset.referrals[0]!.child);
  });
});
