// Issue 15, point 2: month-first dates were read the wrong way round with no warning. Each text date
// column is now decided from all its values, and a column that is ambiguous or contradicts the dd/mm
// default is asked about once, in words, with examples from the data.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runModelCommand } from '../../electron/cli/run-model-command.ts';
import { importLists, type ImportSource } from '../../shared/import/import-lists.ts';
import { templateHeaders } from '../../shared/import/template-headers.ts';
import { formatDelimited, parseDelimited } from '../../shared/import/text/delimited.ts';
import { parseDateCell } from '../../shared/import/values/dates.ts';
import { clipboardText, templateWorkbook } from '../../shared/synthetic/write-annex-a.ts';
import { monthFirst } from '../support/month-first.ts';
import type { AnnexASnapshot } from '../../shared/synthetic/annex-a-snapshot.ts';
import { generatedAuthority, testKey } from '../support/synthetic.ts';

const options = { pseudonymKey: testKey, today: '2026-12-02' };
const { snapshot } = generatedAuthority();

/** List 3 as pasted from Excel, day first or (a machine set to US dates) month first, perhaps with edits. */
function referralsText(snap: AnnexASnapshot, order: 'dmy' | 'mdy', edit?: (row: string[], i: number) => string[]): string {
  const rows = parseDelimited(clipboardText(snap, 'referrals', true)).map((r) => r.cells.map((c) => String(c ?? '')));
  const text = formatDelimited([rows[0]!, ...rows.slice(1).map((row, i) => (edit ? edit(row, i) : row))], '\t');
  return order === 'mdy' ? monthFirst(text) : text;
}

const paste = (text: string, extra: Partial<Parameters<typeof importLists>[1]> = {}) =>
  importLists([{ kind: 'pasted', name: 'Pasted Referrals (List 3)', list: 'referrals', text, extract: 'September 2024', extractDate: '2024-09-30' }], { ...options, ...extra });

describe('reading one date both ways', () => {
  it('reads day first by default and month first when told, and refuses what neither order allows', () => {
    expect(parseDateCell('04/01/2024')).toEqual({ ok: true, iso: '2024-01-04' });
    expect(parseDateCell('04/01/2024', 'mdy')).toEqual({ ok: true, iso: '2024-04-01' });
    expect(parseDateCell('12/25/2023', 'mdy')).toEqual({ ok: true, iso: '2023-12-25' });
    expect(parseDateCell('2024-04-01', 'mdy')).toEqual({ ok: true, iso: '2024-04-01' });
    expect(parseDateCell('25/12/2023', 'mdy')).toMatchObject({ ok: false, message: expect.stringContaining('only makes sense day first') });
    expect(parseDateCell('12/25/2023')).toMatchObject({ ok: false, message: expect.stringContaining('only makes sense month first') });
  });
});

describe('a List 3 pasted with month-first dates', () => {
  const dayFirst = paste(referralsText(snapshot, 'dmy'));
  const monthFirstText = referralsText(snapshot, 'mdy');

  it('is asked about, in words, with examples from the data, instead of being read the wrong way round', () => {
    const { dateQuestions, report } = paste(monthFirstText);
    const referralDate = dateQuestions.find((q) => q.column === 'Date of referral');
    expect(referralDate).toMatchObject({ list: 'referrals', file: 'Pasted Referrals (List 3)', sheet: null, suggested: 'mdy' });
    expect(referralDate!.question).toMatch(/^In List 3, Date of referral, dates like (\d\d\/\d\d\/\d{4}) and (\d\d\/\d\d\/\d{4}) could be \d+ \w+ or \d+ \w+\. Your column also has (\d\d\/\d\d\/\d{4}), which only makes sense month first\. How are the dates in this column written\?$/);
    // Every example is a date from the column itself.
    for (const example of referralDate!.question.match(/\d\d\/\d\d\/\d{4}/g)!) expect(monthFirstText).toContain(example);
    // Not a single date was silently read day first: the rows are only rejected for an unanswered question, never accepted wrongly.
    expect(dateQuestions.map((q) => q.column).sort()).toEqual(['Date of Birth', 'Date of referral']);
    // Unanswered, the column is read the only way its values allow, and the report says so.
    expect(report.referrals.rowsRejected).toBe(0);
    expect(report.issues).toContainEqual(expect.objectContaining({ column: 'Date of referral', severity: 'info', message: expect.stringContaining('was read month first (mm/dd/yyyy)') }));
  });

  it('after the person answers "month first", reads every row as the day-first paste reads it', () => {
    const answered = paste(monthFirstText, {
      dateOrders: [
        { list: 'referrals', file: 'Pasted Referrals (List 3)', sheet: null, column: 'Date of referral', order: 'mdy' },
        { list: 'referrals', file: 'Pasted Referrals (List 3)', sheet: null, column: 'Date of Birth', order: 'mdy' },
      ],
    });
    expect(answered.dateQuestions).toEqual([]);
    expect(answered.report.referrals.rowsRejected).toBe(0);
    expect(answered.report.referrals.rowsAccepted).toBe(snapshot.referrals.length);
    expect(answered.dataset.referrals).toEqual(dayFirst.dataset.referrals);
    expect(answered.report.issues).toContainEqual(expect.objectContaining({ list: 'referrals', column: 'Date of referral', severity: 'info', message: expect.stringMatching(/read month first \(mm\/dd\/yyyy\), as you said/) }));
  });

  it('asks nothing about the same list written day first, a workbook of real date cells, or ISO dates', () => {
    expect(dayFirst.dateQuestions).toEqual([]);
    const cells = importLists([{ kind: 'workbook', name: 'template.xlsx', bytes: templateWorkbook(snapshot), extractDate: '2024-09-30' }], options);
    expect(cells.dateQuestions).toEqual([]);
    const isoText = formatDelimited([['Child Unique ID', 'Date of referral'], ...Array.from({ length: 40 }, (_, i) => [`${i}`, `2024-0${1 + (i % 9)}-0${1 + (i % 9)}`])], '\t');
    expect(paste(isoText).dateQuestions).toEqual([]);
  });

  it('asks about a column with enough dates that all read both ways, and reads it as answered', () => {
    const text = formatDelimited([['Child Unique ID', 'Date of referral'], ...Array.from({ length: 12 }, (_, i) => [`${i}`, `${String(1 + (i % 6)).padStart(2, '0')}/0${1 + (i % 8)}/2024`])], '\t');
    const asked = paste(text);
    expect(asked.dateQuestions).toHaveLength(1);
    expect(asked.dateQuestions[0]!.question).toMatch(/^In List 3, Date of referral, dates like 01\/07\/2024 and 02\/08\/2024 could be 1 July or 7 January\. How are the dates in this column written\?$/);
    expect(asked.dateQuestions[0]!.question).not.toContain('only makes sense');
    const answered = paste(text, { dateOrders: [{ list: 'referrals', file: 'Pasted Referrals (List 3)', sheet: null, column: 'Date of referral', order: 'dmy' }] });
    expect(answered.dateQuestions).toEqual([]);
    expect(answered.dataset.referrals.map((r) => r.referralDate)).toContain('2024-03-03');
    expect(answered.dataset.referrals.map((r) => r.referralDate)).toContain('2024-07-01');
  });

  it('reads dates of birth set to the 1st of the month day first when the list\'s own dates prove day first, and asks nothing about a handful of dates', () => {
    const minimised = referralsText(snapshot, 'dmy', (row, i) => row.map((c, k) => (templateHeaders.referrals[k] === 'Date of Birth' && c ? `01/${String(1 + (i % 12)).padStart(2, '0')}/${c.slice(6)}` : c)));
    const { dateQuestions, dataset } = paste(minimised);
    expect(dateQuestions).toEqual([]);
    expect(dataset.referrals.some((r) => r.birthMonth?.endsWith('-11'))).toBe(true);
    const few = formatDelimited([['Child Unique ID', 'Date of referral'], ['1', '04/01/2024'], ['2', '05/02/2024'], ['3', '06/03/2024']], '\t');
    expect(paste(few).dateQuestions).toEqual([]);
    expect(paste(few).dataset.referrals.map((r) => r.referralDate)).toEqual(['2024-01-04', '2024-02-05', '2024-03-06']);
  });

  it('reports the cells of a mostly day-first column that only make sense month first, by row and column', () => {
    const text = referralsText(snapshot, 'dmy', (row, i) => (i === 10 ? row.map((c, k) => (templateHeaders.referrals[k] === 'Date of referral' ? '09/25/2024' : c)) : row));
    const { report, dateQuestions } = paste(text);
    expect(dateQuestions).toEqual([]);
    expect(report.issues).toContainEqual({
      list: 'referrals', file: 'Pasted Referrals (List 3)', sheet: null, row: 12, column: 'Date of referral', severity: 'error',
      message: '09/25/2024 only makes sense month first (25 September 2024), but this column is read day first; check the date',
    });
  });

  it('without an answer, reads a proven month-first column month first and says so; a date order given reads every column that way', () => {
    const source: ImportSource = { kind: 'delimited', name: 'referrals.csv', bytes: new TextEncoder().encode(monthFirstText.replace(/\t/g, ',')), extract: 'CSV', extractDate: '2024-09-30' };
    const decided = importLists([source], options);
    expect(decided.dateQuestions.length).toBe(2);
    expect(decided.dataset.referrals.map((r) => r.referralDate)).toEqual(dayFirst.dataset.referrals.map((r) => r.referralDate));
    expect(decided.report.issues).toContainEqual(expect.objectContaining({ column: 'Date of referral', severity: 'info', message: expect.stringMatching(/^Date of referral in List 3 \(referrals\.csv\) was read month first \(mm\/dd\/yyyy\): [\d,]+ of its dates, such as \d\d\/\d\d\/\d{4}, only make sense that way\.$/) }));
    const forced = importLists([source], { ...options, dateOrder: 'dmy' });
    expect(forced.dateQuestions).toEqual([]);
    expect(forced.report.referrals.rowsRejected).toBeGreaterThan(100);
    expect(forced.report.issues).toContainEqual(expect.objectContaining({ column: 'Date of referral', severity: 'error', message: expect.stringContaining('only makes sense month first') }));
  });
});

describe('the command line, which cannot ask', () => {
  const run = async (argv: string[]) => {
    let out = '';
    let err = '';
    const code = await runModelCommand(argv, { stdout: (t) => void (out += t), stderr: (t) => void (err += t) });
    return { code, out, err };
  };
  const folder = mkdtempSync(path.join(os.tmpdir(), 'date-order-'));
  const csv = path.join(folder, 'referrals.csv');
  writeFileSync(csv, referralsText(snapshot, 'mdy').replace(/\t/g, ','));

  it('says in its notes which way round each column was read, and how to say otherwise', async () => {
    const { code, out } = await run(['--input', csv, '--extract-date', '2024-09-30', '--horizon', '3']);
    expect(code).toBe(0);
    expect(out).toMatch(/Note: Date of referral in List 3 \(referrals\.csv\) was read month first \(mm\/dd\/yyyy\): [\d,]+ of its dates, such as \d\d\/\d\d\/\d{4}, only make sense that way\. If that is wrong, run again with --date-order dmy\./);
    expect(out).toMatch(/rejected 0|0 rejected/);
  });

  it('reads every text date the way --date-order says, reporting the cells that contradict it', async () => {
    const json = path.join(folder, 'forced.json');
    const { code, out } = await run(['--input', csv, '--extract-date', '2024-09-30', '--horizon', '3', '--date-order', 'dmy', '--json', json]);
    expect(code).toBe(0);
    expect(out).not.toContain('If that is wrong');
    const result = JSON.parse(readFileSync(json, 'utf8')) as { import: { referrals: { rowsRejected: number }; issues: { message: string }[] } };
    expect(result.import.referrals.rowsRejected).toBeGreaterThan(100);
    expect(result.import.issues.some((i) => i.message.includes('only makes sense month first'))).toBe(true);
  });

  it('refuses a date order it does not know', async () => {
    const { code, err } = await run(['--input', csv, '--date-order', 'ymd']);
    expect(code).toBe(2);
    expect(err).toContain('--date-order must be dmy (day first, 30/09/2024) or mdy (month first, 09/30/2024)');
  });
});

describe('never the wrong way round without a word', () => {
  it('a column written either way round is read right, or asked about when it holds a date that settles it', () => {
    const day = 86_400_000;
    const dates = fc.array(fc.integer({ min: Date.UTC(2000, 0, 1) / day, max: Date.UTC(2030, 11, 31) / day }).map((d) => new Date(d * day).toISOString().slice(0, 10)), { minLength: 1, maxLength: 30 });
    fc.assert(
      fc.property(dates, fc.constantFrom('dmy' as const, 'mdy' as const), (isos, order) => {
        const write = (iso: string) => (order === 'dmy' ? `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}` : `${iso.slice(5, 7)}/${iso.slice(8, 10)}/${iso.slice(0, 4)}`);
        const text = formatDelimited([['Child Unique ID', 'Date of referral'], ...isos.map((iso, i) => [`${i + 1}`, write(iso)])], '\t');
        const { dataset, dateQuestions } = importLists([{ kind: 'pasted', name: 'p', list: 'referrals', text, extractDate: '2030-12-31' }], { pseudonymKey: testKey, today: '2031-01-01' });
        const settles = isos.some((iso) => +iso.slice(8, 10) > 12);
        if (order === 'mdy' && settles) expect(dateQuestions.map((q) => q.column)).toEqual(['Date of referral']);
        if (order === 'dmy') expect(dateQuestions.filter((q) => q.suggested === 'mdy')).toEqual([]);
        // Whatever was asked, what is read follows what the column's own dates show.
        if (order === 'dmy' || settles) expect(dataset.referrals.map((r) => r.referralDate).sort()).toEqual([...isos].sort());
      }),
      { numRuns: 150 },
    );
  });
});
