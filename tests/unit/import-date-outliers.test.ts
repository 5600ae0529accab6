// Issue 15, point 11: one mistyped future date (01/01/2031 in List 3, 2035 in List 7) became the extract
// date and shifted the whole model, said only as "info". Dates after the day of import, or far outside the
// bulk of a list, are now flagged on their cell and never become the extract date.
import { describe, expect, it } from 'vitest';
import { importLists } from '../../shared/import/import-lists.ts';
import type { ListId } from '../../shared/import/list-catalogue.ts';
import { clipboardText } from '../../shared/synthetic/write-annex-a.ts';
import { parseDelimited } from '../../shared/import/text/delimited.ts';
import { formatDelimited } from '../../shared/import/text/delimited.ts';
import { generatedAuthority, testKey } from '../support/synthetic.ts';

const options = { pseudonymKey: testKey, today: '2026-12-02' };
const { snapshot } = generatedAuthority();

/** The list as pasted (day first), with one cell of one data row (0-based, after the header) retyped. */
function pasted(list: ListId, edits: Array<{ row: number; header: string; value: string }> = []): string {
  const rows = parseDelimited(clipboardText(snapshot, list, true)).map((r) => r.cells.map((c) => String(c ?? '')));
  const headers = rows[0]!;
  for (const e of edits) rows[e.row + 1]![headers.indexOf(e.header)] = e.value;
  return formatDelimited(rows, '\t');
}

const importPasted = (texts: Partial<Record<ListId, string>>) =>
  importLists(
    Object.entries(texts).map(([list, text]) => ({ kind: 'pasted' as const, name: `Pasted ${list}`, list: list as ListId, text: text!, extract: 'Pasted' })),
    options,
  );

describe('a mistyped date far from the rest', () => {
  const clean = importPasted({ referrals: pasted('referrals'), cpp: pasted('cpp'), cla: pasted('cla') });
  const cleanDate = clean.dataset.extracts[0]!.extractDate;

  it('the clean lists give an extract date at the end of September 2024, and flag nothing', () => {
    expect(cleanDate).toMatch(/^2024-09-(2\d|30)$/);
    expect(clean.report.issues.filter((i) => /day of import|far (earlier|later) than/.test(i.message))).toEqual([]);
  });

  it('01/01/2031 in List 3 (after the day of import) is flagged on its cell and is not the extract date', () => {
    const { dataset, report } = importPasted({ referrals: pasted('referrals', [{ row: 56, header: 'Date of referral', value: '01/01/2031' }]), cpp: pasted('cpp'), cla: pasted('cla') });
    expect(dataset.extracts[0]!.extractDate).toBe(cleanDate);
    expect(report.issues).toContainEqual({
      list: 'referrals', file: 'Pasted referrals', sheet: null, row: 58, column: 'Date of referral', severity: 'error',
      message: '01/01/2031 is after the day of import (02/12/2026), so it cannot be right: the row was not used, and the date was not taken as the extract date. Check the date',
    });
    expect(report.referrals.rowsRejected).toBe(1);
  });

  it('a 2035 end date in List 7 and a 2025 referral date (both before no import day) are flagged and are not the extract date', () => {
    const { dataset, report } = importLists(
      [
        { kind: 'pasted', name: 'Pasted referrals', list: 'referrals', text: pasted('referrals', [{ row: 5, header: 'Date of referral', value: '15/06/2025' }]), extract: 'Pasted' },
        { kind: 'pasted', name: 'Pasted cpp', list: 'cpp', text: pasted('cpp', [{ row: 3, header: 'Child Protection Plan End Date', value: '01/01/2035' }]), extract: 'Pasted' },
      ],
      { ...options, today: '2036-01-01' },
    );
    expect(dataset.extracts[0]!.extractDate).toBe(clean.dataset.extracts[0]!.extractDate);
    const flagged = report.issues.filter((i) => /far later than the rest of/.test(i.message));
    expect(flagged.map((i) => [i.list, i.row, i.column])).toEqual([
      ['cpp', 5, 'Child Protection Plan End Date'],
      ['referrals', 7, 'Date of referral'],
    ]);
    expect(flagged[1]!.message).toMatch(/^15\/06\/2025 is far later than the rest of this column \(most from \d\d\/\d\d\/2024 to \d\d\/\d\d\/2024\): the row was not used, and the date was not taken as the extract date\. Check the date$/);
  });

  it('a referral dated years before the rest is kept, with a warning on its cell', () => {
    const { report } = importPasted({ referrals: pasted('referrals', [{ row: 9, header: 'Date of referral', value: '03/02/2014' }]) });
    expect(report.issues).toContainEqual(expect.objectContaining({
      list: 'referrals', row: 11, column: 'Date of referral', severity: 'warning', message: expect.stringMatching(/^03\/02\/2014 is far earlier than the rest of this column \(most from \d\d\/\d\d\/2024 to \d\d\/\d\d\/2024\); check the date$/),
    }));
    expect(report.referrals.rowsRejected).toBe(0);
  });

  it('a given extract date is kept, and a date after the day of import is still flagged', () => {
    const { dataset, report } = importLists([{ kind: 'pasted', name: 'Pasted referrals', list: 'referrals', text: pasted('referrals', [{ row: 1, header: 'Date of referral', value: '01/01/2031' }]), extract: 'Pasted', extractDate: '2024-09-30' }], options);
    expect(dataset.extracts[0]).toMatchObject({ extractDate: '2024-09-30', extractDateSource: 'given' });
    expect(report.issues).toContainEqual(expect.objectContaining({ row: 3, column: 'Date of referral', severity: 'error', message: expect.stringContaining('01/01/2031 is after the day of import (02/12/2026)') }));
  });
});
