// The headless command for housing lists (cli-contract.md, Housing): a case list and a temporary
// accommodation (TA) list given with --input are read as housing's, run through the housing model, and
// written as the contract's housing result and the housing Excel export. Options that belong to children's
// services (--history, --ssda903, --calibrate) are a usage error beside housing lists; Annex A lists beside
// them are refused before (run-model-command.ts, lists-found.ts).
import type { ModelOptions } from '../../shared/cli/model-options.ts';
import { runHousingModel, type HousingResult } from '../../shared/engine/housing/run-housing-model.ts';
import type { Scenario } from '../../shared/engine/scenario.ts';
import { housingWorkbook } from '../../shared/export/housing-workbook.ts';
import { importHousingLists, type HousingImportReport, type HousingImportSource } from '../../shared/import/housing/import-housing.ts';
import type { ImportSource } from '../../shared/import/import-lists.ts';
import { housingOutcome } from '../../shared/result/housing-outcome.ts';
import { housingInterventionSentence } from '../../shared/text/housing-scenario-words.ts';
import { countForPeople, monthForPeople, poundsForPeople } from '../../shared/text/people-format.ts';
import { dateOrderNotes, issueLine } from './summary-text.ts';

/** A mistake in what was asked for (exit 2), rather than in the data (exit 1). */
export class HousingUsageError extends Error {}

export interface HousingRun {
  result: HousingResult;
  json: string;
  workbook: Uint8Array | null;
  summary: string;
}

/** The housing lists given with --input (the caller has found them by their headers, and no Annex A list beside them). */
export function readHousingInputs(sources: ImportSource[], options: ModelOptions, pseudonymKey: Uint8Array): ReturnType<typeof importHousingLists> {
  const children = [options.history ? '--history' : '', options.ssda903.length ? '--ssda903' : '', options.calibrate ? '--calibrate' : ''].filter(Boolean);
  if (children.length) throw new HousingUsageError(`${children.join(', ')} ${children.length === 1 ? 'is' : 'are'} for children's services and cannot be used with housing lists.`);
  // Files from the command line name no list: each is recognised by its headers.
  const files = sources.flatMap((s): HousingImportSource[] => (s.kind === 'pasted' ? [] : s.kind === 'workbook' ? [s] : [{ kind: s.kind, name: s.name, bytes: s.bytes, ...(s.extract ? { extract: s.extract } : {}), ...(s.extractDate ? { extractDate: s.extractDate } : {}) }]));
  return importHousingLists(files, { pseudonymKey, today: new Date().toISOString().slice(0, 10), ...(options.dateOrder ? { dateOrder: options.dateOrder } : {}) });
}

function importSummary(report: HousingImportReport): string {
  const list = (name: string, c: HousingImportReport['cases']) => (c.present ? `${name}: ${c.rowsRead} rows read, ${c.rowsAccepted} accepted, ${c.rowsRejected} rejected, ${c.rowsBlank} blank` : `${name}: not given`);
  const problems = report.issues.filter((i) => i.severity !== 'info').length;
  return `Imported. ${list('Case list', report.cases)}; ${list('TA list', report.ta)}.${problems ? `\n${problems} ${problems === 1 ? 'row has an issue' : 'rows have issues'}: see "import.issues" in the JSON result.` : ''}`;
}

/** Runs the housing model on imported lists and builds (but does not write) the JSON, the workbook and the summary. */
export function runHousing(imported: ReturnType<typeof importHousingLists>, scenario: Scenario | null, options: ModelOptions, meta: { workbookTitle: string; appVersion: string }): HousingRun {
  const { dataset, report, dateColumns } = imported;
  if (dataset.cases.length === 0 && dataset.ta.length === 0) throw new Error(`there is nothing to project from: the housing lists hold no accepted rows.\n${report.issues.filter((i) => i.severity === 'error').slice(0, 20).map(issueLine).join('\n')}`);
  const result = runHousingModel(dataset, scenario, { horizon: options.horizonMonths, backtestFrom: options.backtestFrom, import: report });
  const outcome = housingOutcome(result, scenario ? [{ result, settings: scenario }] : []);
  const workbook = options.xlsx ? housingWorkbook(outcome, { ...meta, createdAt: new Date().toISOString() }) : null;
  const p = result.projection;
  const at = Math.min(12, p.months.length) - 1;
  const b = p.baseline;
  const band = p.bands.baseline.taOpen.p10.length ? ` (likely ${countForPeople(p.bands.baseline.taOpen.p10[at]!)} to ${countForPeople(p.bands.baseline.taOpen.p90[at]!)})` : '';
  const lines = [
    importSummary(report),
    `Last month observed: ${result.history.months.at(-1) ?? 'none'}. About ${Math.round(result.estimates.approaches.level)} households approach a month; ${Math.round(result.estimates.duty.share * 100)} in 100 assessed are owed a duty; ${countForPeople(result.history.taOpen.at(-1) ?? 0)} households in temporary accommodation at the end of it.`,
    `Baseline in ${monthForPeople(p.months[at]!)}: ${countForPeople(b.taOpen[at]!)} households in temporary accommodation${band}, ${countForPeople(b.taNights[at]!)} nights, ${poundsForPeople(b.cost[at]!)} that month.`,
  ];
  if (p.scenario) lines.push(`${p.scenario.name} in ${monthForPeople(p.months[at]!)}: ${countForPeople(p.scenario.taOpen[at]!)} households in temporary accommodation, ${poundsForPeople(p.scenario.cost[at]!)} that month.`);
  for (const i of p.scenario?.interventions ?? []) lines.push(housingInterventionSentence(i, p.months.length));
  if (result.backtest) {
    const bt = result.backtest;
    const pct = (x: number | null) => (x === null ? 'not known' : `${(x * 100).toFixed(1)}%`);
    lines.push(`Backtest from ${bt.from}: households in TA off by ${pct(bt.mape.taOpen)} on average (carrying the last month forward: ${pct(bt.naiveMape.taOpen)}).`);
  }
  return { result, json: `${JSON.stringify(result, null, 2)}\n`, workbook, summary: `${lines.join('\n')}\n${dateOrderNotes(dateColumns)}` };
}
