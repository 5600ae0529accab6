// Random and hostile input: the readers never throw, never lose a row and never touch prototypes.
import { utils, write } from '@e965/xlsx';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { importLists, type ImportSource } from '../../shared/import/import-lists.ts';
import { formatDelimited, parseDelimited } from '../../shared/import/text/delimited.ts';
import { parseDateCell } from '../../shared/import/values/dates.ts';
import { templateHeaders } from '../../shared/import/template-headers.ts';
import { testKey } from '../support/synthetic.ts';

const options = { pseudonymKey: testKey };
const hostileHeaders = ['__proto__', 'constructor', 'prototype', 'hasOwnProperty', 'toString', '=cmd|calc!A1', 'Child Unique ID', 'Date of referral', 'Child Protection Plan Start Date', 'Date Started to be Looked After', ''];
const cellArb = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.constantFrom('01/02/2024', '2024-02-01', '1 Feb 2024', '45323', '31/02/2024', '=1+1', '=HYPERLINK("http://x")', '#N/A', '-', '\u00a0', 'a) Yes', 'U4', '-1', '16.5'),
  fc.integer({ min: -100000, max: 100000 }).map(String),
  fc.constant('x'.repeat(5000)),
);

function toText(rows: string[][], delimiter: string): string {
  return rows.map((r) => r.map((c) => (/[\t,;"\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(delimiter)).join('\r\n');
}

function expectAccounted(result: ReturnType<typeof importLists>) {
  for (const list of ['referrals', 'cpp', 'cla'] as const) {
    const c = result.report[list];
    expect(c.rowsRead).toBe(c.rowsAccepted + c.rowsRejected + c.rowsBlank);
    expect(result.dataset[list].length).toBe(c.rowsAccepted - c.duplicates);
  }
}

afterEach(() => {
  expect(Object.keys(Object.prototype)).toEqual([]);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
});

describe('import under random and hostile input', () => {
  it('delimited text round-trips: every row and cell comes back', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.string({ maxLength: 12 }), { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 20 }), fc.constantFrom('\t', ',', ';'), (rows, delimiter) => {
        // Each row ends with a line break, as Excel writes them: an empty last row is then still a row.
        const parsed = parseDelimited(`${toText(rows, delimiter)}\r\n`, delimiter as '\t' | ',' | ';');
        expect(parsed.map((r) => r.cells)).toEqual(rows);
      }),
      { numRuns: 300 },
    );
  });

  it('formatDelimited writes what parseDelimited reads back, for tabs, commas and semicolons', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.string({ maxLength: 12 }), { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 20 }), fc.constantFrom('\t', ',', ';'), (rows, delimiter) => {
        const d = delimiter as '\t' | ',' | ';';
        expect(parseDelimited(formatDelimited(rows, d), d).map((r) => r.cells)).toEqual(rows);
      }),
      { numRuns: 300 },
    );
  });

  it('random pasted grids with hostile headers never throw and lose no row', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...hostileHeaders), { minLength: 1, maxLength: 12 }),
        fc.array(fc.array(cellArb, { maxLength: 12 }), { maxLength: 40 }),
        fc.constantFrom('referrals' as const, 'cpp' as const, 'cla' as const),
        (headers, rows, list) => {
          const text = `${toText([headers, ...rows], '\t')}\r\n`;
          const result = importLists([{ kind: 'pasted', name: 'Pasted', list, text }], options);
          expectAccounted(result);
          const read = result.report.referrals.rowsRead + result.report.cpp.rowsRead + result.report.cla.rowsRead;
          const keyHeaders = ['Date of referral', 'Child Protection Plan Start Date', 'Date Started to be Looked After'];
          // Every line after the header row is a row read (rejected in the grid's own list when the headers
          // name another list, never moved there): none disappears. Without a recognisable header the first line is read as data too (rows pasted
          // without their header row).
          if (headers.includes('Child Unique ID') && keyHeaders.some((h) => headers.includes(h))) expect(read).toBe(rows.length);
          else expect(read).toBe(rows.length + 1);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('random bytes as a CSV or a workbook never throw', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), fc.boolean(), (bytes, asWorkbook) => {
        const source: ImportSource = asWorkbook ? { kind: 'workbook', name: 'random.xlsx', bytes } : { kind: 'delimited', name: 'random.csv', bytes };
        expectAccounted(importLists([source], options));
      }),
      { numRuns: 150 },
    );
  });

  it('a workbook with a thousand columns, huge cells, formulas and prototype-named headers imports safely', () => {
    fc.assert(
      fc.property(fc.array(fc.array(cellArb, { maxLength: 8 }), { minLength: 1, maxLength: 15 }), fc.constantFrom(...hostileHeaders), (rows, hostile) => {
        const headers = [...templateHeaders.cla, hostile, ...Array.from({ length: 1000 }, (_, i) => `Extra ${i}`)];
        const sheet = utils.aoa_to_sheet([['List 8: Children in care'], headers, ...rows.map((r) => [String(r.length), ...r])]);
        sheet['B3'] = { t: 'n', v: 45000, f: 'TODAY()' };
        const book = utils.book_new();
        utils.book_append_sheet(book, sheet, 'List_8');
        const bytes = new Uint8Array(write(book, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
        const result = importLists([{ kind: 'workbook', name: 'hostile.xlsx', bytes }], options);
        expectAccounted(result);
        expect(result.report.cla.rowsRead).toBe(rows.length);
      }),
      { numRuns: 15 },
    );
  });

  it('mixed date forms always give a real ISO date or a message, never an invalid date', () => {
    fc.assert(
      fc.property(fc.oneof(fc.date({ min: new Date('1950-01-01'), max: new Date('2090-12-31'), noInvalidDate: true }), fc.string(), fc.double(), fc.integer()), (value) => {
        const parsed = parseDateCell(value);
        if (parsed.ok) {
          expect(parsed.iso).toMatch(/^\d{4}-\d{2}-\d{2}$/);
          expect(Number.isNaN(Date.parse(parsed.iso))).toBe(false);
        } else expect(parsed.message.length).toBeGreaterThan(5);
      }),
      { numRuns: 500 },
    );
  });

  it('any real date written in any supported form reads back as the same day', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1960-01-01'), max: new Date('2049-12-31'), noInvalidDate: true }), fc.integer({ min: 0, max: 5 }), (date, form) => {
        const iso = date.toISOString().slice(0, 10);
        const [y, m, d] = [iso.slice(0, 4), iso.slice(5, 7), iso.slice(8, 10)];
        const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
        const text = [`${d}/${m}/${y}`, `${+d}/${+m}/${y}`, iso, `${+d} ${months[+m - 1]} ${y}`, `${d}-${m}-${y}`, `${d}.${m}.${y}`][form]!;
        expect(parseDateCell(text)).toEqual({ ok: true, iso });
      }),
      { numRuns: 500 },
    );
  });
});
