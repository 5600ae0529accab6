// SSDA903 import on the public csdmpy sample and on small returns written to show each rule: tables by
// their columns, any date style and header case, every row accounted for, overlapping years merged, bad
// rows named with file, row and column, and nothing identifying stored.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importSsda903, type Ssda903File, type Ssda903Import } from '../../shared/import/ssda903/import-ssda903.ts';
import { readZipFiles } from '../../shared/import/ssda903/zip-entries.ts';
import { parseDelimited } from '../../shared/import/text/delimited.ts';
import type { ListCounts } from '../../shared/import/report.ts';
import { testKey } from '../support/synthetic.ts';

const sampleZip = path.resolve(import.meta.dirname, '../../../shared/fixtures/ssda903/csdmpy-sample-v1.zip');
const referenceCsv = path.resolve(import.meta.dirname, '../../../shared/reference/ssda903/csdmpy-sample-v1-month-end-stock.csv');
const options = { pseudonymKey: testKey };
const encode = (text: string) => new TextEncoder().encode(text);

function expectAccounted(c: ListCounts) {
  expect(c.rowsRead).toBe(c.rowsAccepted + c.rowsRejected + c.rowsBlank);
}

// csdmpy's own placement categories (../shared/reference/ssda903/PROVENANCE.md).
const csdmCategory = (place: string | null) => (place?.startsWith('U') ? 'fostering' : place === 'K2' || place === 'R1' ? 'residential' : place === 'H5' || place === 'P2' ? 'supported' : 'other');
const categories = ['fostering', 'residential', 'supported', 'other'] as const;

function stockOn(result: Ssda903Import, day: string): Record<string, number> {
  const counts: Record<string, number> = { fostering: 0, residential: 0, supported: 0, other: 0 };
  for (const p of result.placements) if (p.startDate <= day && (p.endDate === null || p.endDate > day)) counts[csdmCategory(p.placementType)]!++;
  return counts;
}

describe('the csdmpy sample (five returns in a zip)', () => {
  const bytes = new Uint8Array(readFileSync(sampleZip));
  const result = importSsda903([{ path: 'csdmpy-sample-v1.zip', bytes }], options);

  it('reads five returns, every row accounted for, the other tables left aside with a note', () => {
    expect(result.report.returns.map((r) => r.yearEnding)).toEqual(['2018-03-31', '2019-03-31', '2020-03-31', '2021-03-31', '2022-03-31']);
    expectAccounted(result.report.episodes);
    expectAccounted(result.report.header);
    expect(result.report.episodes).toMatchObject({ rowsRead: 3737, rowsRejected: 0, rowsBlank: 0 });
    // Episodes open on 31 March appear again in the next return: those repeats are merged.
    expect(result.report.episodes.duplicates).toBe(910);
    expect(result.placements.length).toBe(3737 - 910);
    const leftAside = result.report.issues.filter((i) => i.message.includes('left aside'));
    expect(leftAside.length).toBe(5 * 6);
    // The sample names its folders by the year the collection starts: the dates say so, and we say so.
    expect(result.report.issues.filter((i) => i.message.includes('is read as the return for the year ending')).length).toBe(5);
    // Each period of care is a run of placements: the open periods on a day are the children in care.
    const day = '2020-09-30';
    const openPeriods = result.care.filter((c) => c.startDate <= day && (c.endDate === null || c.endDate > day)).length;
    expect(Object.values(stockOn(result, day)).reduce((a, b) => a + b, 0)).toBe(openPeriods);
  });

  it('agrees with csdmpy’s month-end stock by its categories; every difference is a child csdmpy keeps in care for ever', () => {
    const reference = readFileSync(referenceCsv, 'utf8').trim().split('\n').slice(1).map((line) => line.split(','));
    // The only rule on which we differ: an episode open at the end of its collection year whose child is in
    // no later return is ended the next day (csdmpy leaves it open, so those children never leave).
    const entries = new Map(readZipFiles(bytes).map((f) => [`csdmpy-sample-v1.zip/${f.path}`, parseDelimited(new TextDecoder().decode(f.bytes))]));
    const closed = result.report.issues
      .filter((i) => i.message.includes('but the child is in no later return'))
      .map((i) => {
        const rows = entries.get(i.file)!;
        const cells = rows.find((r) => r.line === i.row)!.cells;
        const header = rows[0]!.cells;
        const [d, m, y] = cells[header.indexOf('DECOM')]!.split('/');
        return { start: `${y}-${m}-${d}`, closedOn: i.message.match(/(\d\d)\/(\d\d)\/(\d{4})$/)!.slice(1).reverse().join('-'), category: csdmCategory(cells[header.indexOf('PLACE')]!) };
      });
    expect(closed.length).toBe(24);
    let monthsDiffering = 0;
    for (const [day, ...values] of reference) {
      const ours = stockOn(result, day!);
      const theirs = Object.fromEntries(categories.map((c, k) => [c, Number(values[k])]));
      const explained = Object.fromEntries(categories.map((c) => [c, closed.filter((e) => e.category === c && e.start <= day! && e.closedOn <= day!).length]));
      if (categories.some((c) => ours[c] !== theirs[c])) monthsDiffering++;
      for (const c of categories) expect(theirs[c]! - ours[c]!, `${day} ${c}`).toBe(explained[c]);
    }
    // 103 month ends from August 2013 to February 2022: the first 80 agree exactly.
    expect(reference.length).toBe(103);
    expect(monthsDiffering).toBe(23);
  });

  it('stores no CHILD, UPN or postcode', () => {
    const text = new TextDecoder().decode(readZipFiles(bytes).find((f) => f.path === '2017/episodes.csv')!.bytes);
    const header = new TextDecoder().decode(readZipFiles(bytes).find((f) => f.path === '2017/header.csv')!.bytes);
    const stored = JSON.stringify({ care: result.care, placements: result.placements });
    const [first] = parseDelimited(text).slice(1);
    const [firstHeader] = parseDelimited(header).slice(1);
    expect(stored).not.toContain(`"${first!.cells[0]}"`); // CHILD
    expect(stored).not.toContain(first!.cells[10]!); // HOME_POST
    expect(stored).not.toContain(first!.cells[11]!); // PL_POST
    expect(stored).not.toContain(firstHeader!.cells[4]!); // UPN
    expect(result.placements[0]!.child).toMatch(/^C[A-Z0-9]{12}$/);
  });
});

// A small authority with two returns, written as a test would write them by hand.
const header2023 = 'CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\n101,1,15/06/2010,WBRI,A123456789012,,\n102,2,01/02/2008,WBRI,B123456789012,,\n';
const episodes2023 = [
  'CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN',
  '101,10/05/2022,S,C2,N1,U4,PR1,01/09/2022,X1,CARPL,AB1 2CD,EF3 4GH,',
  '101,01/09/2022,P,C2,N1,K2,PR4,,,,AB1 2CD,EF3 4GH,SC123456',
  '102,20/01/2023,S,V2,N4,U6,PR4,,,,XY9 8ZW,,',
].join('\n');
const header2024 = 'CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\n101,1,15/06/2010,WBRI,A123456789012,,\n102,2,01/02/2008,WBRI,B123456789012,,\n';
const episodes2024 = [
  'CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN',
  '101,01/09/2022,P,C2,N1,K2,PR4,03/07/2023,E13,,AB1 2CD,EF3 4GH,SC123456',
  '102,20/01/2023,S,V2,N4,U6,PR4,11/11/2023,X1,CARPL,XY9 8ZW,,',
  '102,11/11/2023,P,V2,N4,H5,PR4,,,,XY9 8ZW,,',
].join('\n');
const twoReturns = (e2023 = episodes2023, h2024 = header2024): Ssda903File[] => [
  { path: 'returns/2023/header.csv', bytes: encode(header2023) },
  { path: 'returns/2023/episodes.csv', bytes: encode(e2023) },
  { path: 'returns/2024/header.csv', bytes: encode(h2024) },
  { path: 'returns/2024/episodes.csv', bytes: encode(episodes2024) },
];

describe('small returns', () => {
  it('merge overlapping years: the later return wins for the same child and start', () => {
    const result = importSsda903(twoReturns(), options);
    expect(result.extracts.map((e) => [e.extractDate, e.windowStart])).toEqual([['2023-03-31', '2022-03-31'], ['2024-03-31', '2023-03-31']]);
    expect(result.report.episodes).toMatchObject({ rowsRead: 6, rowsAccepted: 6, duplicates: 2 });
    const child101 = result.placements.filter((p) => p.placementType === 'U4' || p.placementType === 'K2');
    expect(child101.map((p) => [p.startDate, p.endDate, p.placementGroup, p.provider])).toEqual([
      ['2022-05-10', '2022-09-01', 'foster', 'inHouse'],
      ['2022-09-01', '2023-07-03', 'residential', 'private'],
    ]);
    // One period of care each: 101's ended when they went home (E13); 102 is still looked after.
    expect(result.care.map((c) => [c.startDate, c.endDate, c.reasonCeased, c.placementGroup]).sort()).toEqual([
      ['2022-05-10', '2023-07-03', 'E13', 'residential'],
      ['2023-01-20', null, null, 'independent'],
    ]);
    expect(result.placements.every((p) => p.periodStart === (p.placementType === 'U4' || p.placementType === 'K2' ? '2022-05-10' : '2023-01-20'))).toBe(true);
  });

  it('reads ISO dates, lower-case headers, a zip of the folder or single files alike', () => {
    const base = importSsda903(twoReturns(), options);
    const iso = twoReturns(episodes2023.replace(/(\d\d)\/(\d\d)\/(\d{4})/g, '$3-$2-$1').replace(/^[^\n]+/, (h) => h.toLowerCase()));
    const fromIso = importSsda903(iso, options);
    expect(fromIso.placements).toEqual(base.placements);
    // The same files given one by one (each folder still a return).
    const single = importSsda903(twoReturns().map((f) => ({ ...f, path: f.path.replace('returns/', '') })), options);
    expect(single.placements.map((p) => [p.startDate, p.endDate])).toEqual(base.placements.map((p) => [p.startDate, p.endDate]));
  });

  it('names the file, row and column of a missing column, an end before its start, and a child with no header', () => {
    const broken = episodes2023.replace('101,10/05/2022,S,C2,N1,U4,PR1,01/09/2022', '101,10/05/2022,S,C2,N1,U4,PR1,01/04/2022') + '\n999,01/03/2023,S,V2,N1,U4,PR1,,,,,,';
    const result = importSsda903([...twoReturns(broken)], options);
    expectAccounted(result.report.episodes);
    expect(result.report.episodes).toMatchObject({ rowsRead: 7, rowsRejected: 2 });
    expect(result.report.issues).toContainEqual({ list: null, file: 'returns/2023/episodes.csv', sheet: null, row: 2, column: 'DEC', severity: 'error', message: 'the episode ends (01/04/2022) before it begins (10/05/2022); check both dates' });
    expect(result.report.issues).toContainEqual(expect.objectContaining({ file: 'returns/2023/episodes.csv', row: 5, column: 'CHILD', severity: 'error', message: expect.stringContaining('has no row in the header table') }));

    const noDec = twoReturns(episodes2023.replace(',DEC,', ',END,'));
    const missing = importSsda903(noDec, options);
    expect(missing.report.episodes).toMatchObject({ rowsRead: 6, rowsRejected: 3, rowsAccepted: 3 });
    expect(missing.report.issues).toContainEqual(expect.objectContaining({ file: 'returns/2023/episodes.csv', row: 1, column: 'DEC', severity: 'error', message: expect.stringContaining('has no "DEC" column, so none of its 3 rows could be used') }));
  });

  it('says what is wrong with a cell without naming its column again (the column is shown beside it)', () => {
    const broken = episodes2023
      .replace('101,10/05/2022,S,C2,N1,U4,PR1,01/09/2022', '101,31/02/2022,S,C2,N1,U4,PR1,01/09/2022')
      .replace('\n102,20/01/2023,', '\n,20/01/2023,');
    const result = importSsda903([...twoReturns(broken)], options);
    const rows = result.report.issues.filter((i) => i.file === 'returns/2023/episodes.csv' && i.row !== null);
    expect(rows).toContainEqual(expect.objectContaining({ column: 'DECOM', severity: 'error', message: '"31/02/2022" is not a real date (dates are read day first, as dd/mm/yyyy); this row cannot be used' }));
    expect(rows).toContainEqual(expect.objectContaining({ column: 'CHILD', severity: 'error', message: 'the child’s ID is blank, so this episode cannot be used' }));
    for (const issue of rows) expect(issue.message, issue.message).not.toMatch(new RegExp(`\\b${issue.column}\\b`));
  });

  it('counts blank rows and reports a reason for ending with no end date', () => {
    const result = importSsda903(twoReturns(`${episodes2023}\n,,,,,,,,,,,,\n\n`), options);
    expectAccounted(result.report.episodes);
    expect(result.report.episodes.rowsBlank).toBeGreaterThanOrEqual(1);
    const withReason = importSsda903(twoReturns(episodes2023.replace('PR4,,,,XY9', 'PR4,,E8,,XY9')), options);
    expect(withReason.report.issues).toContainEqual(expect.objectContaining({ file: 'returns/2023/episodes.csv', row: 4, column: 'REC', severity: 'warning' }));
  });
});
