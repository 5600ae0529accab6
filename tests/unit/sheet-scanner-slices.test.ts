// The worksheet scanner reads bytes as they are unpacked, in slices of whatever size the inflater hands
// over: a row, a tag, a number or a character of several bytes may be cut anywhere. Whatever the cuts,
// the cells read are the same, they are those SheetJS reads, and rows written the usual way and rows
// written any other way (prefixes, inline text, formulas, line breaks) read alike.
import { strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { Cell } from '../../shared/import/cells.ts';
import { readWithSheetJs, readWorkbookGrids } from '../../shared/import/workbook.ts';
import { SheetScanner, type SheetContext } from '../../shared/import/xlsx/sheet-scanner.ts';
import { createRandom } from '../../shared/engine/core/random.ts';
import { craftWorkbook } from '../support/craft-xlsx.ts';

const ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const sharedStrings = ['Child Unique ID', 'a) Male', 'Ünïcödé – ✓'];

// Rows of every kind, usual and unusual, one after another.
const rows = [
  '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="str"><v>Gender</v></c><c r="C1" t="str"><v>Date of referral</v></c><c r="D1" t="str"><v>Notes</v></c></row>',
  '<row r="2" spans="1:4"><c r="A2"><v>1000001</v></c><c r="B2" t="s"><v>1</v></c><c r="C2" s="1"><v>45499</v></c><c r="D2" t="str"><v>café – naïve ✓ 😀 &amp; &lt;b&gt;</v></c></row>',
  '<row r="3">\n  <c r="A3"><v>-12.5</v></c>\n  <c r="B3" t="b"><v>1</v></c>\n  <c r="C3"\ts="1"><v>45500</v></c>\n  <c r="D3" t="e"><v>#DIV/0!</v></c>\n</row>',
  '<row r="4"><c r="A4" s="2"/><c r="B4" t="inlineStr"><is><t>inline text</t></is></c><c r="C4" s="1"></c><c r="D4" t="str"><f>CONCAT("a","b")</f><v>ab</v></c></row>',
  '<!-- a comment between rows --><row r="5"/>',
  '<row r="6"><c r="A6"><v>1E-3</v></c><c r="B6" t="s"><v>2</v></c><c r="C6" t="b"><v>0</v></c><c r="D6" t="str"><v>line one&#10;line two</v></c></row>',
  '<row><c><v>7</v></c><c t="str"><v>no reference</v></c></row>',
  '<row r="9"><c r="A9" s="1"><v>45501</v></c><c r="$B$9" t="str"><v>with dollars</v></c><c r="D9" t="d"><v>2024-03-05</v></c></row>',
];
const sheetXml = `<?xml version="1.0" encoding="UTF-8"?><worksheet ${ns}><dimension ref="A1:D9"/><sheetData>${rows.join('')}</sheetData><mergeCells count="0"/></worksheet>`;
// The same sheet with every element of the main namespace prefixed, as some writers do.
const prefixedXml = sheetXml
  .replace(`<worksheet ${ns}>`, `<x:worksheet ${ns.replace('xmlns=', 'xmlns:x=')}>`)
  .replace(/<(\/?)(worksheet|dimension|sheetData|row|c|v|f|is|t|mergeCells)([\s>/])/g, '<$1x:$2$3');

const context: SheetContext = { part: 'xl/worksheets/sheet1.xml', sharedStrings, dateStyles: [false, true, true], date1904: false };

/** The sheet read from slices of the given sizes (repeated), deciding after its first rows to read on. */
function scanInSlices(bytes: Uint8Array, sizes: readonly number[], headRows: number | null = null) {
  const scanner = new SheetScanner(context, headRows);
  let decided = headRows === null;
  let k = 0;
  for (let at = 0; at < bytes.length && !scanner.done; k++) {
    const size = sizes[k % sizes.length]!;
    scanner.push(bytes.subarray(at, at + size));
    at += size;
    if (scanner.more && !decided) {
      decided = true;
      expect(scanner.grid().rows.length).toBeLessThanOrEqual(headRows!);
      scanner.readOn();
    }
  }
  return scanner.grid();
}

const expectedRows: Cell[][] = [
  ['Child Unique ID', 'Gender', 'Date of referral', 'Notes'],
  [1000001, 'a) Male', 45499, 'café – naïve ✓ 😀 & <b>'],
  [-12.5, true, 45500, '#N/A'],
  [null, 'inline text', null, 'ab'],
  [],
  [0.001, 'Ünïcödé – ✓', false, 'line one\nline two'],
  [7, 'no reference'],
  [],
  [45501, 'with dollars', null, 45356],
];

describe('the worksheet scanner, given its bytes in slices', () => {
  const bytes = strToU8(sheetXml);

  it('reads every kind of cell, usual and unusual, as Excel shows it', () => {
    expect(scanInSlices(bytes, [bytes.length])).toEqual({ firstRow: 1, rows: expectedRows });
  });

  it('reads the same cells wherever the slices are cut: one byte at a time, small, odd and random sizes', () => {
    const random = createRandom(7);
    const randomSizes = Array.from({ length: 200 }, () => random.int(1, 40));
    for (const sizes of [[1], [2], [3], [7], [13], [64], [1, 300, 5], randomSizes]) {
      expect(scanInSlices(bytes, sizes), `slices of ${sizes.slice(0, 3).join(', ')}`).toEqual({ firstRow: 1, rows: expectedRows });
    }
  });

  it('reads the first rows alone, then on to the end, wherever the slices are cut', () => {
    for (const sizes of [[1], [5], [11], [bytes.length]]) expect(scanInSlices(bytes, sizes, 3)).toEqual({ firstRow: 1, rows: expectedRows });
    const head = new SheetScanner(context, 3);
    head.push(bytes);
    expect(head.more).toBe(true);
    expect(head.grid().rows).toEqual(expectedRows.slice(0, 3));
  });

  it('reads a sheet whose elements carry a namespace prefix the same', () => {
    const prefixed = strToU8(prefixedXml);
    expect(prefixedXml).toContain('<x:c r="A2"><x:v>1000001</x:v></x:c>');
    for (const sizes of [[prefixed.length], [1], [9]]) expect(scanInSlices(prefixed, sizes)).toEqual({ firstRow: 1, rows: expectedRows });
  });

  it('reads what SheetJS reads from the same sheet in a workbook', () => {
    // SheetJS puts a row without a number over the row before it; Excel, and this reader, make it the
    // next row. That row is left out here (the slices above read it).
    const numbered = rows.filter((row) => !row.startsWith('<row>'));
    const workbook = craftWorkbook([{ name: 'Mixed', rows: numbered.join('') }], { sharedStrings });
    const ours = readWorkbookGrids(workbook, 'mixed.xlsx')[0]!;
    const theirs = readWithSheetJs(workbook)[0]!;
    const cells = (grid: { firstRow: number; rows: Cell[][] }) => grid.rows.flatMap((row, i) => row.flatMap((cell, c) => (cell === null ? [] : [[grid.firstRow + i, c, cell]])));
    expect(cells(ours)).toEqual(cells(theirs));
    expect(ours.rows).toEqual([...expectedRows.slice(0, 6), [], [], expectedRows[8]]);
  });

  it('waits for the end of a row, and refuses a row longer than any real one', () => {
    const scanner = new SheetScanner(context, null);
    scanner.push(strToU8(`<worksheet ${ns}><sheetData><row r="1"><c r="A1"><v>12`));
    expect(scanner.grid().rows).toEqual([]);
    scanner.push(strToU8('3</v></c></row></sheetData></worksheet>'));
    expect(scanner.grid().rows).toEqual([[123]]);
    const endless = new SheetScanner(context, null);
    endless.push(strToU8(`<worksheet ${ns}><sheetData><row r="1">`));
    const filler = strToU8('<c r="A1" s="2"/>'.repeat(65536));
    expect(() => {
      for (let i = 0; i < 40; i++) endless.push(filler);
    }).toThrow(/too large|row of/i);
  });
});
