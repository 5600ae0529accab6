// The delimited reader scans by character codes and slices; the character-by-character reader it
// replaced is kept here as the reference, and both must read any text, however awkward, the same.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isBlankRow } from '../../shared/import/cells.ts';
import { ArrayRows } from '../../shared/import/grid-rows.ts';
import { parseDelimited, parseDelimitedRows, scanDelimited, type Delimiter, type DelimitedRecord } from '../../shared/import/text/delimited.ts';

function referenceParse(text: string, delimiter: Delimiter): DelimitedRecord[] {
  const records: DelimitedRecord[] = [];
  let cells: string[] = [];
  let cell = '';
  let line = 1;
  let recordLine = 1;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let atCellStart = true;
  const endCell = () => {
    cells.push(cell);
    cell = '';
    atCellStart = true;
  };
  const endRecord = () => {
    endCell();
    records.push({ line: recordLine, cells });
    cells = [];
  };
  while (i < text.length) {
    const c = text[i]!;
    if (atCellStart && c === '"') {
      i++;
      atCellStart = false;
      for (;;) {
        if (i >= text.length) break;
        const q = text[i]!;
        if (q === '"') {
          if (text[i + 1] === '"') {
            cell += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        if (q === '\n') line++;
        cell += q;
        i++;
      }
      while (i < text.length && text[i] !== delimiter && text[i] !== '\n' && text[i] !== '\r') cell += text[i++];
      continue;
    }
    atCellStart = false;
    if (c === delimiter) {
      endCell();
      i++;
    } else if (c === '\r' || c === '\n') {
      endRecord();
      i += c === '\r' && text[i + 1] === '\n' ? 2 : 1;
      line++;
      recordLine = line;
    } else {
      cell += c;
      i++;
    }
  }
  if (cells.length > 0 || cell !== '' || !atCellStart) endRecord();
  return records;
}

// Text made of the characters that matter to the reader, with a few ordinary ones between them.
const awkward = fc.array(fc.constantFrom('\t', ',', ';', '"', '""', '\r', '\n', '\r\n', 'a', 'Bb', ' ', '\ufeff', '1'), { maxLength: 60 }).map((parts) => parts.join(''));

describe('the delimited scan', () => {
  it('reads any text as the character-by-character reader does, cells and lines', () => {
    fc.assert(
      fc.property(awkward, fc.constantFrom<Delimiter>('\t', ',', ';'), (text, delimiter) => {
        expect(parseDelimited(text, delimiter)).toEqual(referenceParse(text, delimiter));
      }),
      { numRuns: 3000 },
    );
  });

  it('gives the rows and their first lines side by side', () => {
    expect(parseDelimitedRows('a\t"b\nc"\r\nd\t\n\ne', '\t')).toEqual({ rows: [['a', 'b\nc'], ['d', ''], [''], ['e']], lines: [1, 3, 4, 5] });
  });

  it('hands out each cell, and says which rows are blank, as the rows it makes', () => {
    // Blank-looking characters too: a row of spaces, non-breaking spaces or "#N/A" is not blank.
    const blankish = fc.array(fc.constantFrom('\t', ',', '"', '\r\n', '\n', ' ', '\u00a0', '\u200b', '#N/A', 'x', '""'), { maxLength: 40 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(fc.oneof(awkward, blankish), fc.constantFrom<Delimiter>('\t', ',', ';'), (text, delimiter) => {
        const scan = scanDelimited(text, delimiter);
        const { rows, lines } = parseDelimitedRows(text, delimiter);
        expect(scan.length).toBe(rows.length);
        rows.forEach((row, r) => {
          expect(scan.line(r)).toBe(lines[r]);
          expect(scan.blank(r)).toBe(isBlankRow(row));
          for (let c = 0; c <= row.length; c++) expect(scan.cell(r, c)).toBe(row[c]);
          expect(scan.row(r)).toEqual(referenceParse(text, delimiter)[r]!.cells);
        });
        // A column's different cells, as a workbook's rows give them (found by value there, by characters here).
        const widest = Math.max(0, ...rows.map((r) => r.length));
        for (let column = 0; column <= widest; column++) {
          for (const from of [0, 1]) expect(scan.distinct(column, from)).toEqual(new ArrayRows(rows).distinct(column, from));
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('tells apart thousands of different cells in a column, quoted or not, as the rows of a workbook would', () => {
    const lines = ['ID\tDate'];
    for (let i = 0; i < 5000; i++) {
      const day = `${String(1 + (i % 28)).padStart(2, '0')}/${String(1 + ((i * 7) % 12)).padStart(2, '0')}/${2000 + ((i * 13) % 25)}`;
      lines.push(i % 97 === 0 ? `${i}\t"${day}"` : i % 89 === 0 ? `${i}` : `${i}\t${day}`);
    }
    const text = lines.join('\r\n');
    const scan = scanDelimited(text, '\t');
    const rows = parseDelimitedRows(text, '\t').rows;
    for (const column of [0, 1, 2]) expect(scan.distinct(column, 1)).toEqual(new ArrayRows(rows).distinct(column, 1));
    expect(scan.distinct(1, 1).cells.length).toBeGreaterThan(1000);
  });
});
