// The streaming Excel reader: the same cells as SheetJS on every public fixture and on generated workbooks;
// damaged, truncated and bomb-like files refused quickly in plain words; huge sheets bounded.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { utils, write } from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import type { Cell } from '../../shared/import/cells.ts';
import { importLists } from '../../shared/import/import-lists.ts';
import { parseDateCell } from '../../shared/import/values/dates.ts';
import { readWithSheetJs, readWorkbookGrids, WorkbookReadError, type SheetGrid } from '../../shared/import/workbook.ts';
import { maxRows } from '../../shared/import/xlsx/read-limits.ts';
import { annexASnapshot } from '../../shared/synthetic/annex-a-snapshot.ts';
import { messyWorkbook, templateWorkbook } from '../../shared/synthetic/write-annex-a.ts';
import { createRandom } from '../../shared/engine/core/random.ts';
import { bombWorkbook, craftWorkbook, repeatedPart, workbookWithPart, worksheetEnd, worksheetStart } from '../support/craft-xlsx.ts';
import { generatedAuthority, testKey } from '../support/synthetic.ts';

const fixtures = path.resolve(import.meta.dirname, '../../../shared/fixtures/annex-a');
const fixtureFiles = readdirSync(fixtures).filter((f) => /\.(xlsx|xls)$/.test(f));
const fixture = (file: string) => new Uint8Array(readFileSync(path.join(fixtures, file)));

/** Every cell that holds something, by sheet and absolute row and column, and each sheet's rows in order. */
function cellsOf(grids: readonly SheetGrid[]): Array<{ sheet: string; cells: Map<string, Cell> }> {
  return grids.map((g) => {
    const cells = new Map<string, Cell>();
    g.rows.forEach((row, i) => row.forEach((cell, c) => cell !== null && cells.set(`${g.firstRow + i}:${c}`, cell)));
    return { sheet: g.sheet, cells };
  });
}

function expectSameCells(ours: readonly SheetGrid[], reference: readonly SheetGrid[]): number {
  const a = cellsOf(ours);
  const b = cellsOf(reference);
  expect(a.map((s) => s.sheet)).toEqual(b.map((s) => s.sheet));
  let compared = 0;
  a.forEach((sheet, i) => {
    const other = b[i]!.cells;
    expect([...sheet.cells.keys()].sort(), `cells present on ${sheet.sheet}`).toEqual([...other.keys()].sort());
    for (const [key, value] of sheet.cells) {
      compared++;
      if (!Object.is(value, other.get(key))) expect({ sheet: sheet.sheet, key, value }).toEqual({ sheet: sheet.sheet, key, value: other.get(key) });
    }
  });
  return compared;
}

const plainWords = (message: string) => {
  expect(message).not.toMatch(/compressed size|Cannot read properties|undefined|!data|inflate|CRC|zip|central directory|SheetJS|Error:/i);
};

function refusal(bytes: Uint8Array, file: string): WorkbookReadError {
  try {
    readWorkbookGrids(bytes, file);
  } catch (err) {
    if (err instanceof WorkbookReadError) return err;
    throw err;
  }
  throw new Error('expected the workbook to be refused');
}

describe('the streaming reader reads what SheetJS reads, cell for cell', () => {
  it.each(fixtureFiles)('on the public fixture %s', (file) => {
    const bytes = fixture(file);
    const compared = expectSameCells(readWorkbookGrids(bytes, file), readWithSheetJs(bytes));
    expect(compared).toBeGreaterThan(100);
  });

  const { snapshot } = generatedAuthority();
  it('on the generated template workbook and the messy workbook', () => {
    for (const bytes of [templateWorkbook(snapshot), messyWorkbook(snapshot, 3)]) {
      expect(expectSameCells(readWorkbookGrids(bytes, 'generated.xlsx'), readWithSheetJs(bytes))).toBeGreaterThan(10_000);
    }
  });

  it('on every kind of cell: shared and inline text, escapes, numbers, booleans, errors, formulas, dates', () => {
    const rows: unknown[][] = [
      ['Child Unique ID', 'Text', 'Number', 'Flag', 'When'],
      ['A&B <x> "q" \'s\'', 'café – naïve ✓ 😀', -12.5, true, 45382],
      ['line one\nline two', '  spaced  ', 1e-7, false, 59],
      ['', '=not a formula', 123456789012, null, 61],
    ];
    const sheet = utils.aoa_to_sheet(rows);
    sheet['E2']!.z = 'dd/mm/yyyy';
    sheet['E3']!.z = 'dd/mm/yyyy';
    sheet['B4'] = { t: 'e', v: 0x07 }; // #DIV/0!
    sheet['D4'] = { t: 'n', v: 42, f: 'C2*2' }; // a formula: its cached value is read
    sheet['F1'] = { t: 's', v: 'sum', f: 'CONCAT("s","um")' };
    sheet['!ref'] = 'A1:F4';
    for (const bookSST of [true, false]) {
      const book = utils.book_new();
      utils.book_append_sheet(book, sheet, 'Cells');
      const bytes = new Uint8Array(write(book, { type: 'array', bookType: 'xlsx', bookSST, compression: true }) as ArrayBuffer);
      const ours = readWorkbookGrids(bytes, 'cells.xlsx');
      expectSameCells(ours, readWithSheetJs(bytes));
      expect(ours[0]!.rows[1]).toEqual(['A&B <x> "q" \'s\'', 'café – naïve ✓ 😀', -12.5, true, 45382]);
      expect(ours[0]!.rows[3]).toEqual(['', '#N/A', 123456789012, 42, 61]);
    }
  });

  it('on hand-written XML: inline and rich text, namespace prefixes, cells without references, ISO date cells', () => {
    const x = 'xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
    const bytes = craftWorkbook(
      [
        { name: 'Plain', rows: '<row r="3"><c r="B3" t="inlineStr"><is><r><t>Rich </t></r><r><rPr><b/></rPr><t>text</t></r><rPh><t>ruby</t></rPh></is></c><c t="s"><v>1</v></c><c t="str"><v>x &amp; y</v></c></row><row><c r="A4" t="d"><v>2024-03-05</v></c><c r="C4"><v>7</v></c></row>' },
        { name: 'Prefixed', xml: `<?xml version="1.0"?><x:worksheet ${x}><x:dimension ref="A2:B3"/><x:sheetData><x:row r="2"><x:c r="A2" t="s"><x:v>0</x:v></x:c><x:c r="B2" s="1"><x:v>45000</x:v></x:c></x:row></x:sheetData></x:worksheet>` },
      ],
      { sharedStrings: ['first & only', 'second'] },
    );
    const ours = readWorkbookGrids(bytes, 'hand.xlsx');
    expectSameCells(ours, readWithSheetJs(bytes));
    expect(ours[0]).toMatchObject({ firstRow: 3, rows: [[null, 'Rich text', 'second', 'x & y'], [45356, null, 7]] });
    expect(ours[1]).toMatchObject({ firstRow: 2, rows: [['first & only', 45000]] });
  });

  it('reads a formula\'s text result as Excel shows it, where SheetJS undoes its escapes twice', () => {
    const bytes = craftWorkbook([{ name: 'Text', rows: '<row r="1"><c r="A1" t="str"><f>"x &amp;amp; y"</f><v>x &amp;amp; y</v></c></row>' }]);
    expect(readWorkbookGrids(bytes, 'text.xlsx')[0]!.rows).toEqual([['x &amp; y']]);
    expect(readWithSheetJs(bytes)[0]!.rows).toEqual([['x & y']]);
  });
});

describe('dates', () => {
  it('keeps the 1900 system as Excel writes it, including its 29 February 1900 that never was', () => {
    const rows = [28, 59, 60, 61, 45382].map((serial, i) => `<row r="${i + 1}"><c r="A${i + 1}" s="1"><v>${serial}</v></c></row>`).join('');
    const grid = readWorkbookGrids(craftWorkbook([{ name: 'Dates', rows }]), 'dates.xlsx')[0]!;
    expect(grid.rows.map((r) => parseDateCell(r[0]!))).toEqual([
      { ok: true, iso: '1900-01-28' },
      { ok: true, iso: '1900-02-28' },
      expect.objectContaining({ ok: false }),
      { ok: true, iso: '1900-03-01' },
      { ok: true, iso: '2024-03-31' },
    ]);
  });

  it('reads dates of the 1904 system (old Excel for Mac) as the same days, and leaves other numbers alone', () => {
    // 2024-03-31 is 45382 in the 1900 system and 43920 in the 1904 system; 0 is 1 January 1904.
    const rows = '<row r="1"><c r="A1" s="1"><v>43920</v></c><c r="B1" s="2"><v>0</v></c><c r="C1"><v>12</v></c><c r="D1" s="1"><v>43920.75</v></c></row>';
    const bytes = craftWorkbook([{ name: 'Mac', rows }], { date1904: true });
    const cells = readWorkbookGrids(bytes, 'mac.xlsx')[0]!.rows[0]!;
    expect(cells.map((c, i) => (i === 2 ? c : parseDateCell(c)))).toEqual([{ ok: true, iso: '2024-03-31' }, { ok: true, iso: '1904-01-01' }, 12, { ok: true, iso: '2024-03-31' }]);
  });
});

describe('damaged files are refused as damaged, in plain words, and never lose a list silently', () => {
  const { snapshot } = generatedAuthority();
  const small = annexASnapshot(generatedAuthority().authority, '2023-03-31');
  const generated: Array<[string, Uint8Array]> = [
    ['template.xlsx', templateWorkbook({ ...small, referrals: small.referrals.slice(0, 300), cpp: small.cpp.slice(0, 200), cla: small.cla.slice(0, 200) })],
    ['template.ods', templateWorkbook({ ...snapshot, referrals: snapshot.referrals.slice(0, 200), cpp: snapshot.cpp.slice(0, 100), cla: snapshot.cla.slice(0, 100) }, 'ods')],
  ];
  const zipped = [...fixtureFiles.filter((f) => f.endsWith('.xlsx')).map((f): [string, Uint8Array] => [f, fixture(f)]), ...generated];

  it.each(zipped)('%s: every flipped byte reads the same rows or is refused as damaged', (file, bytes) => {
    const intact = readWorkbookGrids(bytes, file);
    const random = createRandom(bytes.length);
    const positions = new Set<number>();
    // Spread over the whole file, and the directory at its end, where one byte decides most.
    for (let i = 0; i < 60; i++) positions.add(random.int(0, bytes.length - 1));
    for (let i = 1; i <= 60; i++) positions.add(bytes.length - i * Math.max(1, Math.floor(Math.min(bytes.length, 4000) / 60)));
    let refused = 0;
    for (const at of positions) {
      const damaged = bytes.slice();
      damaged[at] = damaged[at]! ^ (1 << random.int(0, 7));
      try {
        const grids = readWorkbookGrids(damaged, file);
        expect(grids, `flip at ${at} read different rows`).toEqual(intact);
      } catch (err) {
        expect(err, `flip at ${at}`).toBeInstanceOf(WorkbookReadError);
        const e = err as WorkbookReadError;
        expect(e.message).toContain(`"${file}"`);
        plainWords(e.message);
        refused++;
      }
    }
    expect(refused).toBeGreaterThan(positions.size / 2);
  });

  it.each(zipped)('%s: a truncated copy is refused as incomplete or damaged', (file, bytes) => {
    for (const keep of [0.1, 0.5, 0.9, 0.99].map((f) => Math.floor(bytes.length * f)).concat([bytes.length - 1, bytes.length - 22, 100, 3])) {
      const e = refusal(bytes.subarray(0, keep), file);
      expect(e.reason === 'incomplete' || e.reason === 'damaged' || e.reason === 'not-a-workbook').toBe(true);
      expect(e.message).toContain(`"${file}"`);
      plainWords(e.message);
    }
  });

  it('an import of a damaged workbook says so, names the file and adds no rows; an intact copy still imports', () => {
    const [file, bytes] = generated[0]!;
    const intact = importLists([{ kind: 'workbook', name: file, bytes }], { pseudonymKey: testKey });
    expect(intact.dataset.referrals.length).toBeGreaterThan(100);
    const damaged = bytes.slice();
    damaged[Math.floor(bytes.length / 2)] = damaged[Math.floor(bytes.length / 2)]! ^ 0x10;
    const result = importLists([{ kind: 'workbook', name: file, bytes: damaged }], { pseudonymKey: testKey });
    const errors = result.report.issues.filter((i) => i.severity === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]!.message).toMatch(/^"template\.xlsx" is damaged/);
    expect(result.dataset.referrals.length + result.dataset.cpp.length + result.dataset.cla.length).toBe(0);
  });

  it('a damaged .xls, which has no checksums, is read or refused in the same plain words', () => {
    const file = fixtureFiles.find((f) => f.endsWith('.xls'))!;
    const bytes = fixture(file);
    const random = createRandom(11);
    let refused = 0;
    for (let i = 0; i < 40; i++) {
      const damaged = bytes.slice();
      // The first sectors hold the file's structure: damage there is what SheetJS cannot read.
      const at = random.int(0, i < 20 ? 2048 : bytes.length - 1);
      damaged[at] = damaged[at]! ^ 0xff;
      try {
        readWorkbookGrids(damaged, file);
      } catch (err) {
        expect(err).toBeInstanceOf(WorkbookReadError);
        expect((err as Error).message).toContain(`"${file}"`);
        plainWords((err as Error).message);
        refused++;
      }
    }
    expect(refused).toBeGreaterThan(0);
    plainWords(refusal(bytes.subarray(0, 5000), file).message);
  });

  it('a truncated .xls is refused as incomplete before SheetJS reads part of it', () => {
    const { snapshot } = generatedAuthority();
    const written = templateWorkbook({ ...snapshot, referrals: snapshot.referrals.slice(0, 2000) }, 'xls');
    for (const [file, bytes] of [['fixture.xls', fixture(fixtureFiles.find((f) => f.endsWith('.xls'))!)], ['written.xls', written]] as const) {
      expect(readWorkbookGrids(bytes, file).length).toBeGreaterThan(0);
      for (const keep of [0.3, 0.5, 0.7, 0.9, 0.99]) {
        const e = refusal(bytes.subarray(0, Math.floor(bytes.length * keep)), file);
        expect(e.reason).toBe('incomplete');
        expect(e.message).toMatch(new RegExp(`^"${file.replace('.', '\\.')}" is incomplete`));
      }
    }
  });

  it('a file that is not a workbook at all is said to be one it cannot read', () => {
    const e = refusal(new TextEncoder().encode('Child Unique ID,Date of referral\n1,01/02/2024\n'.repeat(3)).subarray(0, 2), 'notes.xlsx');
    plainWords(e.message);
    expect(e.message).toContain('"notes.xlsx"');
  });
});

describe('bounded reading', () => {
  it('refuses a sheet that would unpack to 300 MB at once, naming file and sheet, and reads the rest', () => {
    const bytes = bombWorkbook(300, 'true-size');
    expect(bytes.length).toBeLessThan(2_000_000);
    const before = process.memoryUsage();
    const started = performance.now();
    const result = importLists([{ kind: 'workbook', name: 'bomb.xlsx', bytes }], { pseudonymKey: testKey });
    expect(performance.now() - started).toBeLessThan(5000);
    const after = process.memoryUsage();
    expect(after.heapUsed + after.arrayBuffers - before.heapUsed - before.arrayBuffers).toBeLessThan(100 * 1024 * 1024);
    const error = result.report.issues.find((i) => i.severity === 'error')!;
    expect(error.message).toBe('Sheet "Referrals" of "bomb.xlsx" is too large to read: opened, it would take more than 200 MB, so it was not read. If it holds a list, copy the list alone into a new workbook and import that.');
  });

  it('refuses as damaged, without unpacking it, a sheet that unpacks to far more than it states', () => {
    const bytes = bombWorkbook(300, 10_000);
    const before = process.memoryUsage();
    const started = performance.now();
    const e = refusal(bytes, 'liar.xlsx');
    expect(performance.now() - started).toBeLessThan(5000);
    const after = process.memoryUsage();
    expect(after.heapUsed + after.arrayBuffers - before.heapUsed - before.arrayBuffers).toBeLessThan(100 * 1024 * 1024);
    expect(e.reason).toBe('damaged');
    expect(e.message).toMatch(/^"liar\.xlsx" is damaged/);
  });

  it('reads a list above a million styled but empty rows, and stops there', () => {
    const head = '<row r="1"><c r="A1" t="inlineStr"><is><t>Child Unique ID</t></is></c><c r="B1" t="inlineStr"><is><t>Date of referral</t></is></c></row>' +
      '<row r="2"><c r="A2"><v>101</v></c><c r="B2" s="1"><v>45300</v></c></row><row r="3"><c r="A3"><v>102</v></c><c r="B3" s="1"><v>45310</v></c></row>';
    // Rows without numbers follow on from the last: 1,048,573 of them fill the sheet to Excel's last row.
    const part = repeatedPart(worksheetStart + head, '<row s="2" customFormat="1"><c s="2"/><c s="2"/></row>', maxRows - 3, worksheetEnd);
    const bytes = workbookWithPart('List 3', part, [{ name: 'Empty', rows: '<row r="5" s="2"><c r="A5" s="2"/></row>' }]);
    expect(part.size).toBeGreaterThan(50_000_000);
    const before = process.memoryUsage();
    const result = importLists([{ kind: 'workbook', name: 'huge.xlsx', bytes }], { pseudonymKey: testKey });
    const after = process.memoryUsage();
    expect(after.heapUsed + after.arrayBuffers - before.heapUsed - before.arrayBuffers).toBeLessThan(200 * 1024 * 1024);
    expect(result.report.referrals).toMatchObject({ rowsRead: 2, rowsAccepted: 2 });
    expect(result.report.issues.filter((i) => i.severity === 'error')).toEqual([]);
  });

  it('refuses a sheet with rows past Excel\'s last row as damaged', () => {
    const e = refusal(craftWorkbook([{ name: 'Odd', rows: `<row r="${maxRows + 1}"><c r="A${maxRows + 1}"><v>1</v></c></row>` }]), 'odd.xlsx');
    expect(e.reason).toBe('damaged');
  });

  it('reads a sheet without a list only as far as its header rows, and still says it holds no list', () => {
    const notes: string[] = [];
    for (let r = 1; r <= 50_000; r++) notes.push(`<row r="${r}"><c r="A${r}" t="inlineStr"><is><t>Note ${r}: nothing here is a list</t></is></c></row>`);
    const bytes = craftWorkbook([{ name: 'Notes', rows: notes.join('') }]);
    const grids = readWorkbookGrids(bytes, 'notes.xlsx', { headRows: 30, readWhole: () => false });
    expect(grids[0]).toMatchObject({ sheet: 'Notes', firstRow: 1, more: true });
    expect(grids[0]!.rows).toHaveLength(30);
    const result = importLists([{ kind: 'workbook', name: 'notes.xlsx', bytes }], { pseudonymKey: testKey });
    expect(result.report.issues.map((i) => i.message)).toContain('No Annex A list was recognised on sheet "Notes" of "notes.xlsx", so it was not read. If it holds a list, check its header row.');
  });
});
