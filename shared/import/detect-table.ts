// Finds which list a grid holds and where its header row is. Headers decide; the sheet or file name only
// breaks ties and names the list when its headers are too damaged to recognise. The lists searched for are
// one service's: the Annex A lists by default, or the housing lists.
import { cellText, type Cell } from './cells.ts';
import { fieldMatches, listCatalogue, normaliseHeader, otherLists, type FieldSpec, type ListId, type TableCatalogue } from './list-catalogue.ts';
import { templateHeaders } from './template-headers.ts';

export type DetectedTable<Id extends string = ListId> =
  | { kind: 'model-list'; list: Id; headerIndex: number | null; columns: ReadonlyMap<string, number>; headers: readonly string[] }
  | { kind: 'missing-columns'; list: Id; headerIndex: number; missing: readonly FieldSpec[]; headers: readonly string[] }
  | { kind: 'other-list'; number: number; name: string }
  | { kind: 'unrecognised' };

/** How far down a sheet a header row may be: title rows, notes and logos above it are common. */
export const headerSearchDepth = 30;

export const annexACatalogue: TableCatalogue<ListId> = {
  lists: Object.values(listCatalogue),
  idField: listCatalogue.referrals.fields.find((f) => f.kind === 'id')!,
  otherLists,
  templateHeaders,
};

function mapColumns(fields: readonly FieldSpec[], normalised: readonly string[]): Map<string, number> {
  const columns = new Map<string, number>();
  for (const field of fields) {
    const index = normalised.findIndex((header) => header !== '' && fieldMatches(field, header));
    if (index >= 0) columns.set(field.key, index);
  }
  return columns;
}

function hinted(hints: readonly RegExp[], name: string): boolean {
  return hints.some((hint) => hint.test(name));
}

interface Candidate<Id extends string> {
  list: Id;
  headerIndex: number;
  columns: Map<string, number>;
  complete: boolean;
  hint: boolean;
  headers: string[];
}

export function detectTable(rows: readonly (readonly Cell[])[], nameHint: string, listHint?: ListId): DetectedTable;
export function detectTable<Id extends string>(rows: readonly (readonly Cell[])[], nameHint: string, listHint: Id | undefined, catalogue: TableCatalogue<Id>): DetectedTable<Id>;
export function detectTable(rows: readonly (readonly Cell[])[], nameHint: string, listHint?: string, catalogue: TableCatalogue = annexACatalogue): DetectedTable<string> {
  let best: Candidate<string> | null = null;
  let other: { number: number; name: string; score: number } | null = null;
  const depth = Math.min(rows.length, headerSearchDepth);
  for (let r = 0; r < depth; r++) {
    const row = rows[r]!;
    if (row.length > 5000) continue; // not a header row anyone typed
    const headers = row.map((cell) => (typeof cell === 'string' ? cellText(cell) : ''));
    const normalised = headers.map(normaliseHeader);
    if (normalised.every((h) => h === '')) continue;
    for (const spec of catalogue.lists) {
      const columns = mapColumns(spec.fields, normalised);
      if (columns.size < 2) continue;
      const complete = spec.fields.every((f) => !f.required || columns.has(f.key));
      const hint = listHint === spec.id || hinted(spec.sheetHints, nameHint);
      const candidate: Candidate<string> = { list: spec.id, headerIndex: r, columns, complete, hint, headers };
      if (!best || rank(candidate) > rank(best)) best = candidate;
    }
    // Guidance and code sheets mention these headers in prose: a list's header row also names the child.
    const namesChild = normalised.some((h) => h !== '' && (fieldMatches(catalogue.idField, h) || h === 'individualadopteridentifier'));
    for (const list of namesChild ? catalogue.otherLists : []) {
      const score = list.signatures.filter((s) => normalised.includes(s)).length;
      if (score > 0 && (!other || score > other.score)) other = { number: list.number, name: list.name, score };
    }
  }

  if (best?.complete) return { kind: 'model-list', list: best.list, headerIndex: best.headerIndex, columns: best.columns, headers: best.headers };
  if (other) return { kind: 'other-list', number: other.number, name: other.name };
  // Damaged headers: believe it is the list when the name says so, or the child and two more columns match.
  if (best && (best.hint || (best.columns.has(catalogue.idField.key) && best.columns.size >= 3))) {
    const spec = catalogue.lists.find((l) => l.id === best!.list)!;
    return { kind: 'missing-columns', list: best.list, headerIndex: best.headerIndex, missing: spec.fields.filter((f) => f.required && !best.columns.has(f.key)), headers: best.headers };
  }
  // Rows pasted into a list's grid without their header row: read them in the template's column order.
  if (listHint) {
    const spec = catalogue.lists.find((l) => l.id === listHint)!;
    const template = catalogue.templateHeaders[listHint]!;
    const columns = mapColumns(spec.fields, template.map(normaliseHeader));
    return { kind: 'model-list', list: listHint, headerIndex: null, columns, headers: [...template] };
  }
  return { kind: 'unrecognised' };
}

// Complete beats incomplete; then the name hint; then more recognised columns; then the higher row.
function rank(c: Candidate<string>): number {
  return (c.complete ? 1_000_000 : 0) + (c.hint ? 100_000 : 0) + c.columns.size * 100 - c.headerIndex;
}
