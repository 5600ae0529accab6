// Which service's lists the sources hold, by their header rows alone (the first rows of each sheet or
// file): Annex A lists (children's services) or housing lists (case list, TA list). The command line
// uses it to refuse a run given both, before anything is imported.
import type { Cell } from './cells.ts';
import { annexACatalogue, detectTable, headerSearchDepth } from './detect-table.ts';
import { housingTableCatalogue } from './housing/housing-lists.ts';
import type { ImportSource } from './read-grids.ts';
import { decodeText } from './text/decode.ts';
import { scanDelimited } from './text/delimited.ts';
import { firstRows } from './grid-rows.ts';
import { readWorkbookGrids } from './workbook.ts';

export interface ListsFound {
  /** "file › sheet" of each Annex A list found. */
  annexA: string[];
  /** "file › sheet" of each housing list found. */
  housing: string[];
}

function heads(source: ImportSource<string>): Array<{ where: string; rows: readonly (readonly Cell[])[] }> {
  if (source.kind === 'workbook') {
    try {
      return readWorkbookGrids(source.bytes, source.name, { headRows: headerSearchDepth, readWhole: () => false }).map((s) => ({ where: `${source.name} › ${s.sheet}`, rows: s.rows }));
    } catch {
      return []; // an unreadable file is the import's to report
    }
  }
  const text = source.kind === 'pasted' ? source.text : decodeText(source.bytes).text;
  return [{ where: source.name, rows: firstRows(scanDelimited(text), headerSearchDepth) }];
}

export function listsFound(sources: readonly ImportSource<string>[]): ListsFound {
  const found: ListsFound = { annexA: [], housing: [] };
  for (const source of sources) {
    for (const { where, rows } of heads(source)) {
      const recognised = (kind: string) => kind === 'model-list' || kind === 'missing-columns';
      if (recognised(detectTable(rows, where, undefined, annexACatalogue).kind)) found.annexA.push(where);
      else if (recognised(detectTable(rows, where, undefined, housingTableCatalogue).kind)) found.housing.push(where);
    }
  }
  return found;
}
