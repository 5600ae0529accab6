// The dataset the model reads from a workbook: its Annex A lists and its SSDA903 returns combined, as the
// headless command combines them. The returns keep extract ids of their own (1, 2, ...) in the file, so an
// import of lists never collides with them; here they are numbered after the lists' extracts.
import type { Dataset } from '../../shared/dataset/types.ts';
import type { ImportReport } from '../../shared/import/report.ts';
import { withSsda903 } from '../../shared/import/ssda903/combine.ts';
import type { Ssda903Import } from '../../shared/import/ssda903/import-ssda903.ts';
import type { WorkbookStore } from './storage/workbook-store.ts';

export function renumberReturns(returns: Ssda903Import, after: number): Ssda903Import {
  return {
    ...returns,
    extracts: returns.extracts.map((e) => ({ ...e, id: e.id + after })),
    care: returns.care.map((c) => ({ ...c, extract: c.extract + after })),
    placements: returns.placements.map((p) => ({ ...p, extract: p.extract + after })),
  };
}

export function workbookDataset(store: WorkbookStore): { dataset: Dataset; report: ImportReport | null; returns: Ssda903Import | null } {
  const { dataset: lists, report } = store.readLists();
  const returns = store.readReturns();
  if (!returns) return { dataset: lists, report, returns: null };
  const after = Math.max(0, ...lists.extracts.map((e) => e.id));
  return { dataset: withSsda903(lists, renumberReturns(returns, after)), report, returns };
}
