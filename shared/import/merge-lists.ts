// An import replaces only the lists it brings usable rows for; the workbook's other lists, their extracts
// and their part of the import report stay as they were. A list the import read but could not use a single
// row of is not replaced by nothing: the workbook keeps its own.
import type { Dataset, ExtractInfo } from '../dataset/types.ts';
import { inferredExtractDateNote, type ImportResult } from './import-lists.ts';
import type { ListId } from './list-catalogue.ts';
import { emptyCounts, type ImportIssue, type ImportReport } from './report.ts';

export const listIds: readonly ListId[] = ['referrals', 'cpp', 'cla'];

export interface WorkbookLists {
  extracts: readonly ExtractInfo[];
  report: ImportReport | null;
  /** Which extracts each list's rows refer to now. */
  extractsInUse: Readonly<Record<ListId, readonly number[]>>;
}

export interface ListMerge {
  /** The lists the import replaces: those it has at least one usable row for (every list, over the demo). */
  replaced: ListId[];
  /** Lists the import read without a single usable row: the workbook keeps its own. */
  unusable: ListId[];
  /** The whole extracts table afterwards, and the new rows of the replaced lists (the others are empty). */
  dataset: Dataset;
  /** The workbook's import report afterwards. */
  report: ImportReport;
}

export function mergeImport(current: WorkbookLists, incoming: ImportResult, options: { replaceEveryList?: boolean } = {}): ListMerge {
  const usable = listIds.filter((l) => incoming.dataset[l].length > 0);
  const unusable = listIds.filter((l) => incoming.report[l].present && incoming.dataset[l].length === 0);
  const replaced = usable.length > 0 && options.replaceEveryList ? [...listIds] : usable;
  const kept = listIds.filter((l) => !replaced.includes(l));

  // Extracts: those the kept lists use stay with their ids; the import's extracts join them. An extract with
  // the same label is the same extract (the pasted lists, one file read again) when the dates agree or were
  // both inferred (then the later date holds for both, as if the lists had been imported together).
  const keptIds = new Set(kept.flatMap((l) => current.extractsInUse[l]));
  const extracts: ExtractInfo[] = current.extracts.filter((e) => keptIds.has(e.id)).map((e) => ({ ...e }));
  let nextId = Math.max(0, ...current.extracts.map((e) => e.id)) + 1;
  const usedIncoming = new Set(replaced.flatMap((l) => incoming.dataset[l].map((r) => r.extract)));
  const idFor = new Map<number, number>();
  const notes = new Map<string, ImportIssue>();
  for (const e of incoming.dataset.extracts.filter((x) => usedIncoming.has(x.id))) {
    const same = extracts.find((k) => k.label === e.label && (k.extractDate === e.extractDate || (k.extractDateSource === 'inferred' && e.extractDateSource === 'inferred')));
    if (same) {
      if (e.extractDate > same.extractDate) same.extractDate = e.extractDate;
      if (same.extractDateSource === 'inferred') notes.set(same.label, inferredExtractDateNote(same.label, same.extractDate));
      idFor.set(e.id, same.id);
    } else {
      const id = nextId++;
      extracts.push({ ...e, id });
      idFor.set(e.id, id);
    }
  }
  extracts.sort((a, b) => a.id - b.id);

  const dataset: Dataset = { extracts, referrals: [], cpp: [], cla: [] };
  for (const list of replaced) (dataset[list] as Array<{ extract: number }>) = incoming.dataset[list].map((r) => ({ ...r, extract: idFor.get(r.extract)! }));

  // The report: each list's counts and issues from where its rows came from; notes on the files as a whole
  // from this import, and those of earlier imports whose extracts are still in use.
  const before = current.report;
  const issues: ImportIssue[] = [];
  const report: ImportReport = { referrals: emptyCounts(), cpp: emptyCounts(), cla: emptyCounts(), issues };
  for (const list of listIds) {
    const from = replaced.includes(list) || !before ? incoming.report : before;
    report[list] = from[list];
    issues.push(...from.issues.filter((i) => i.list === list));
  }
  const incomingLabels = new Set(incoming.dataset.extracts.map((e) => e.label));
  const keptLabels = new Set(extracts.filter((e) => keptIds.has(e.id)).map((e) => e.label));
  for (const issue of before?.issues ?? []) {
    if (issue.list === null && keptLabels.has(issue.file) && !incomingLabels.has(issue.file)) issues.push(issue);
  }
  for (const issue of incoming.report.issues) {
    if (issue.list !== null) continue;
    const note = notes.get(issue.file);
    if (note && issue.message.startsWith('No extract date')) continue;
    issues.push(issue);
  }
  issues.push(...notes.values());
  issues.sort((a, b) => a.file.localeCompare(b.file) || (a.sheet ?? '').localeCompare(b.sheet ?? '') || (a.row ?? 0) - (b.row ?? 0));
  return { replaced, unusable, dataset, report };
}
