// What the rows in a list's grid are: which list their header row names (so rows of another list are offered
// to that list, never moved silently), and which grid column an import issue is about.
import { isBlankRow } from '../../../../shared/import/cells.ts';
import { annexACatalogue, detectTable, headerSearchDepth } from '../../../../shared/import/detect-table.ts';
import { normaliseHeader, type ListId, type TableCatalogue } from '../../../../shared/import/list-catalogue.ts';
import { formatDelimited } from '../../../../shared/import/text/delimited.ts';

/** The list pasted rows belong to by their header row, when that is another list than the grid's own. */
export function otherListOfRows<L extends string = ListId>(rows: readonly string[][], grid: L, catalogue: TableCatalogue<L> = annexACatalogue as unknown as TableCatalogue<L>): L | null {
  const table = detectTable(rows.slice(0, headerSearchDepth), '', grid, catalogue);
  return (table.kind === 'model-list' || table.kind === 'missing-columns') && table.list !== grid ? table.list : null;
}

/**
 * A grid's rows as a pasted source for the bridge: the text they were pasted from when they are that
 * text's rows (the backend reads it with the grid's parser), else the rows written out again.
 */
export function pastedSource<L extends string>(list: L, name: string, rows: readonly string[][], pastedText?: string) {
  return { kind: 'pasted' as const, list, name, text: pastedText ?? formatDelimited(rows) };
}

export function hasNoRows(rows: readonly string[][]): boolean {
  return rows.every((row) => isBlankRow(row));
}

/** The grid column holding the issue's column (named by its header), or the first column. */
export function columnOfIssue<L extends string = ListId>(rows: readonly string[][], list: L, column: string | null, catalogue: TableCatalogue<L> = annexACatalogue as unknown as TableCatalogue<L>): number {
  if (!column || rows.length === 0) return 0;
  const table = detectTable(rows.slice(0, headerSearchDepth), '', list, catalogue);
  if (table.kind !== 'model-list' && table.kind !== 'missing-columns') return 0;
  const wanted = normaliseHeader(column);
  const field = catalogue.lists.find((l) => l.id === list)!.fields.find((f) => normaliseHeader(f.header) === wanted);
  const index = field && table.kind === 'model-list' ? table.columns.get(field.key) : undefined;
  if (index !== undefined) return index;
  const byHeader = table.headers.findIndex((h) => normaliseHeader(h) === wanted);
  return byHeader >= 0 ? byHeader : 0;
}
