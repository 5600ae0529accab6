// Rows pasted into a grid go to the backend as the text they were pasted from, not written out again
// (writing 50,000 rows out took the window's thread a third of a second). The backend reads that text
// with the parser the grid used, so the import must be the same, row for row and message for message, as
// the import of the grid's rows written out: on lists as Excel puts them on the clipboard, and on texts
// that Excel or a CSV file would give with line breaks in cells, quotes, commas and blank lines.
import { describe, expect, it } from 'vitest';
import { importLists } from '../../shared/import/import-lists.ts';
import type { ListId } from '../../shared/import/list-catalogue.ts';
import { formatDelimited, parseDelimitedRows } from '../../shared/import/text/delimited.ts';
import { clipboardText } from '../../shared/synthetic/write-annex-a.ts';
import { generatedAuthority, testKey } from '../support/synthetic.ts';

const { snapshot } = generatedAuthority();
const options = { pseudonymKey: testKey, today: '2026-12-01' };
const lists: ListId[] = ['referrals', 'cpp', 'cla'];

const importText = (list: ListId, text: string) => importLists([{ kind: 'pasted', name: 'Pasted', list, text }], options);

/** Every cell of every `every`th data row as `cell` makes it (quoted, with a line break or a quote in it). */
function withAwkwardCells(text: string, every: number, cell: (old: string) => string): string {
  return text
    .split('\n')
    .map((line, i) => (i > 0 && i % every === 0 && line ? line.split('\t').map(cell).join('\t') : line))
    .join('\n');
}

const asExcelGives = 'as Excel puts it on the clipboard';

function variants(list: ListId): Array<[string, string]> {
  const excel = clipboardText(snapshot, list, true);
  const lf = excel.replace(/\r\n/g, '\n');
  const asCsv = parseDelimitedRows(excel)
    .rows.map((row) => row.map((c) => (/[",\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(','))
    .join('\n');
  return [
    [asExcelGives, excel],
    ['with bare line feeds and blank lines at the end', `${lf}\n\n\n`],
    ['with line breaks inside quoted cells', withAwkwardCells(lf, 7, (c) => `"${c}\r\nsecond line"`)],
    ['with quotes inside quoted cells', withAwkwardCells(lf, 5, (c) => `"${c} ""as written"""`)],
    ['with a blank row among the rows', lf.replace(/\n/, '\n\t\t\n')],
    ['as comma-separated text', asCsv],
    ['without the header row', excel.slice(excel.indexOf('\r\n') + 2).replace(/\r\n/g, '\n')],
  ];
}

describe('rows pasted into a grid, sent as the text they came from', () => {
  for (const list of lists) {
    for (const [how, text] of variants(list)) {
      it(`import as the grid's rows written out would: ${list}, ${how}`, () => {
        const rows = parseDelimitedRows(text).rows;
        const written = formatDelimited(rows);
        if (how !== asExcelGives) expect(text).not.toBe(written);
        const fromText = importText(list, text);
        const fromRows = importText(list, written);
        expect(fromText.report[list].rowsRead).toBeGreaterThan(0);
        // Cells with a line break are rejected, each with its row's line number in the text.
        if (how.includes('line breaks')) expect(fromText.report.issues.filter((i) => i.severity === 'error' && i.row !== null).length).toBeGreaterThan(10);
        expect(fromText.report).toEqual(fromRows.report);
        expect(fromText.dataset).toEqual(fromRows.dataset);
      });
    }
  }
});
