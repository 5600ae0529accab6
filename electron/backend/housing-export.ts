// The Excel export of a housing workbook: its case and TA lists and saved scenarios, projected with
// their likely ranges, backtested a year back, and written as the housing workbook (shared/export).
import type { Scenario } from '../../shared/engine/scenario.ts';
import type { ExportMeta } from '../../shared/export/results-workbook.ts';
import { housingExportedSheetNames, housingWorkbook } from '../../shared/export/housing-workbook.ts';
import { runHousingOutcome, yearBackFrom } from '../../shared/result/housing-outcome.ts';
import type { WorkbookStore } from './storage/workbook-store.ts';

export function housingExport(store: WorkbookStore, scenarios: readonly Scenario[], step: (done: number, stage: string) => void, meta: ExportMeta): { bytes: Uint8Array; sheets: string[] } {
  step(0, 'Reading the workbook’s housing lists');
  const { dataset, report } = store.readHousingLists();
  if (dataset.cases.length === 0 && dataset.ta.length === 0) throw new Error('There is nothing to export yet: add your case list and TA list on the Data step first.');
  step(1, 'Projecting the scenarios');
  // The same horizon and draws as the screens, so a figure on screen is the figure in the file.
  const outcome = runHousingOutcome(dataset, scenarios, { horizon: 24, backtestFrom: yearBackFrom(dataset), import: report ?? undefined });
  step(3, 'Writing the Excel workbook');
  return { bytes: housingWorkbook(outcome, meta), sheets: housingExportedSheetNames(outcome) };
}
