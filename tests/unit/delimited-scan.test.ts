// The delimited reader scans by character codes and slices; the character-by-character reader it
// replaced is kept here as the reference, and both must read any text, however awkward, the same.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isBlankRow } from '../../shared/import/cells.ts';
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
      }),
      { numRuns: 2000 },
    );
  });
});
