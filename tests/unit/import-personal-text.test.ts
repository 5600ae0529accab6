// Issue 15, point 12: free text typed into a code or age column (a person's name, a postcode) was quoted in
// messages, stored in the workbook's import report and written to the export's Data quality sheet. Such a
// cell is now described, not quoted; only values that cannot be personal (code-shaped values, numbers,
// dates) are quoted.
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createBackend } from '../../electron/backend/backend.ts';
import { savePathChooser } from '../../electron/common/export-folder.ts';
import { importLists } from '../../shared/import/import-lists.ts';
import { normaliseCode, parseYesNo } from '../../shared/import/values/codes.ts';
import { parseDateCell } from '../../shared/import/values/dates.ts';
import { parseAge, parseCount } from '../../shared/import/values/numbers.ts';
import { storedZipEntries } from '../support/zip-entries.ts';
import { testKey } from '../support/synthetic.ts';

const secrets = ['196768', '7700900123', '07700 900123', 'Dustin Hazlett', 'Jane Smith', 'T28 2WB', 'SW1A 1AA', 'Mary Jones', 'Flat 2', 'Tomasz', 'jo.bloggs@example.org', 'B15 2TT'];

const referrals = [
  ['Child Unique ID', 'Date of Birth', 'Age of Child (Years)', 'Date of referral', 'Referral Source', 'Referral NFA?', 'Number of Referrals in Last 12 Months'],
  ['101', 'Mary Jones', 'Dustin Hazlett', '03/04/2024', 'Jane Smith', 'T28 2WB', 'SW1A 1AA'],
  ['102', '01/05/2015', 'B15 2TT', '13/04/2024', 'Z9', 'Tomasz', '2'],
  ['103', '01/05/2015', '27', '14/04/2024', '2A', 'N', 'Flat 2'],
  // A child's ID and a phone number in the wrong columns.
  ['104', '196768', '07700900123', '15/04/2024', '3A', 'Y', '07700 900123'],
].map((r) => r.join('\t')).join('\n');
const childrenInCare = [
  ['Child Unique ID', 'Date Started to be Looked After', 'Placement Type', "Child's Legal Status", 'Placement Provider', "Child's Category of Need", 'Reason Ceased to be Looked After'],
  ['201', '01/02/2024', 'Dustin Hazlett', 'T28 2WB', 'Flat 2', 'Tomasz', ''],
  ['202', '02/02/2024', 'U7', 'C2', 'PR4', 'N1', ''],
  ['203', '03/02/2024', 'U1', 'C2', 'PR4', 'N1', 'jo.bloggs@example.org'],
].map((r) => r.join('\t')).join('\n');
const sources = [
  { kind: 'pasted' as const, name: 'Pasted Referrals (List 3)', list: 'referrals' as const, text: referrals },
  { kind: 'pasted' as const, name: 'Pasted Children in care (List 8)', list: 'cla' as const, text: childrenInCare },
];

const expectNoSecret = (text: string) => {
  for (const secret of secrets) expect(text.toLowerCase(), secret).not.toContain(secret.toLowerCase());
};

describe('a name or a postcode where a code, an age or a date belongs', () => {
  it('is described in the message, never quoted; values that cannot be personal still are', () => {
    expect(normaliseCode('placement-type', 'Dustin Hazlett')).toEqual({ ok: false, message: 'a name or other text where a code belongs' });
    expect(normaliseCode('placement-type', 'T28 2WB')).toEqual({ ok: false, message: 'a name or other text where a code belongs' });
    expect(normaliseCode('placement-type', 'U7')).toEqual({ ok: false, message: '"U7" is not a code Demand Workbook recognises' });
    expect(parseAge('Dustin Hazlett')).toEqual({ ok: false, message: 'a name or other text where an age belongs' });
    expect(parseAge('SW1A 1AA')).toEqual({ ok: false, message: 'a name or other text where an age belongs' });
    expect(parseAge('27')).toEqual({ ok: false, message: '27 is not a plausible age for a child (from -1 for unborn to 25)' });
    expect(parseAge('12..5')).toEqual({ ok: false, message: '"12..5" is not an age in years' });
    expect(parseCount('Flat 2')).toEqual({ ok: false, message: 'a name or other text where a number belongs' });
    expect(parseCount('07700 900123')).toEqual({ ok: false, message: 'a long number where a number belongs' });
    expect(parseCount('2.5')).toEqual({ ok: false, message: '"2.5" is not a whole number from 0 to 1000' });
    expect(parseDateCell(196768)).toEqual({ ok: false, message: 'a long number where a date belongs' });
    expect(parseYesNo('Tomasz')).toEqual({ ok: false, message: 'a name or other text where yes or no belongs' });
    expect(parseDateCell('Mary Jones')).toEqual({ ok: false, message: 'a name or other text where a date belongs' });
    expect(parseDateCell('31/02/2024')).toMatchObject({ ok: false, message: expect.stringContaining('31/02/2024') });
  });

  it('reaches neither the report nor the dataset, and the rows are kept', () => {
    const { dataset, report } = importLists(sources, { pseudonymKey: testKey, today: '2026-12-02' });
    expectNoSecret(JSON.stringify(report));
    expectNoSecret(JSON.stringify(dataset));
    expect(report.referrals).toMatchObject({ rowsAccepted: 4, rowsRejected: 0 });
    expect(report.issues).toContainEqual(expect.objectContaining({ list: 'referrals', row: 5, column: 'Age of Child (Years)', message: 'a long number where an age belongs; it was left blank' }));
    expect(report.issues).toContainEqual(expect.objectContaining({ list: 'referrals', row: 5, column: 'Date of Birth', message: 'a long number where a date belongs; it was left blank' }));
    expect(report.cla).toMatchObject({ rowsAccepted: 3, rowsRejected: 0 });
    expect(report.issues).toContainEqual(expect.objectContaining({ list: 'cla', row: 2, column: 'Placement Type', severity: 'warning', message: 'a name or other text where a code belongs; it was left blank' }));
    expect(report.issues).toContainEqual(expect.objectContaining({ list: 'referrals', row: 2, column: 'Age of Child (Years)', message: 'a name or other text where an age belongs; it was left blank' }));
    expect(report.issues).toContainEqual(expect.objectContaining({ list: 'cla', row: 3, column: 'Placement Type', message: '"U7" is not a code Demand Workbook recognises; it was left blank' }));
    expect(report.issues).toContainEqual(expect.objectContaining({ list: 'referrals', row: 3, column: 'Referral Source', message: '"Z9" is not a code Demand Workbook recognises; it was left blank' }));
  });

  it('is neither stored in the workbook file nor written to the Excel export', async () => {
    const dataFolder = mkdtempSync(path.join(os.tmpdir(), 'personal-'));
    const backend = createBackend({ productName: 'Demand Workbook', version: '1.0.0', transport: 'loopback', dataFolder, chooseSavePath: savePathChooser(dataFolder) });
    const imported = await backend.importLists({ sources, extractDate: '2024-09-30', replaceWithoutAsking: [] });
    expect(imported.report.issues.length).toBeGreaterThan(5);
    expectNoSecret(JSON.stringify(imported));
    const stored = await backend.getWorkbookData();
    expect(stored.report?.issues.length).toBe(imported.report.issues.length);
    expectNoSecret(JSON.stringify(stored));
    const exported = await backend.exportToExcel();
    const sheets = [...storedZipEntries(readFileSync(exported.filePath!)).values()].join('\n');
    expect(sheets).toContain('where a code belongs');
    expectNoSecret(sheets);
    backend.shutdown();
  }, 90_000);
});
