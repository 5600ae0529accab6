// The headless command as a function of its arguments, so tests run it in-process. Exit codes follow the
// contract: 0 success, 1 the input cannot be used, 2 a usage error.
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { parseModelOptions, type ModelOptions } from '../../shared/cli/model-options.ts';
import type { Dataset } from '../../shared/dataset/types.ts';
import { parseAggregateHistory, type AggregatePeriod } from '../../shared/engine/children/aggregate-history.ts';
import { calibrate } from '../../shared/engine/children/calibration.ts';
import { monthOfIso } from '../../shared/engine/core/months.ts';
import { NothingToProjectError } from '../../shared/engine/children/estimates.ts';
import { runModel, type ModelRun } from '../../shared/engine/children/run-model.ts';
import { parseScenario, type Scenario } from '../../shared/engine/scenario.ts';
import { importLists } from '../../shared/import/import-lists.ts';
import { nodeInflate } from '../common/node-inflate.ts';
import type { ImportReport } from '../../shared/import/report.ts';
import { buildResultJson } from '../../shared/result/result-json.ts';
import { demoImport } from '../../shared/synthetic/demo.ts';
import { resultsWorkbook } from '../../shared/export/results-workbook.ts';
import { writeFileAtomically } from '../common/atomic-write.ts';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadSources } from './load-sources.ts';
import { listsFound } from '../../shared/import/lists-found.ts';
import { loadSsda903Files } from '../common/load-ssda903.ts';
import { importSsda903, type Ssda903Import } from '../../shared/import/ssda903/import-ssda903.ts';
import { withSsda903 } from '../../shared/import/ssda903/combine.ts';
import { backtestWithPlacements } from '../../shared/engine/children/placements/backtest-with-placements.ts';
import { dateOrderNotes, issueLine, summaryOfImport, summaryOfReturns, summaryText } from './summary-text.ts';
import { exitCodes, optionsOrExitCode, type CommandIO } from './answer-without-running.ts';
import { HousingUsageError, readHousingInputs, runHousing } from './housing-command.ts';

export { exitCodes, type CommandIO };

class InputError extends Error {}

function missingFiles(options: ModelOptions): string[] {
  const files = [...options.inputs, options.history, options.scenario].filter((f): f is string => f !== null);
  return [...files.filter((file) => !existsSync(file) || !statSync(file).isFile()), ...options.ssda903.filter((p) => !existsSync(p))];
}

function loadLists(options: ModelOptions, pseudonymKey: Uint8Array): { dataset: Dataset; report: ImportReport | null; dateNotes: string } {
  if (options.demo) return { ...demoImport(), dateNotes: '' };
  if (options.inputs.length === 0) return { dataset: { extracts: [], referrals: [], cpp: [], cla: [] }, report: null, dateNotes: '' };
  const { dataset, report, dateColumns } = importLists(loadSources(options.inputs, options.extractDate), {
    pseudonymKey,
    inflate: nodeInflate,
    today: new Date().toISOString().slice(0, 10),
    ...(options.dateOrder ? { dateOrder: options.dateOrder } : {}),
  });
  if (!report.referrals.present && !report.cpp.present && !report.cla.present) {
    const reasons = report.issues.filter((i) => i.file && (i.severity === 'error' || i.severity === 'info')).map((i) => `  ${i.message}`);
    throw new InputError(`no referrals (List 3), child protection (List 7) or children in care (List 8) list was found in ${options.inputs.map((f) => `"${f}"`).join(', ')}.\n${reasons.join('\n')}`);
  }
  return { dataset, report, dateNotes: dateOrderNotes(dateColumns) };
}

function loadReturns(paths: readonly string[], pseudonymKey: Uint8Array, lists: Dataset): Ssda903Import {
  const firstExtractId = Math.max(0, ...lists.extracts.map((e) => e.id)) + 1;
  const returns = importSsda903(loadSsda903Files(paths), { pseudonymKey, firstExtractId });
  if (returns.report.episodes.rowsAccepted === 0) {
    const reasons = returns.report.issues.filter((i) => i.severity === 'error' || i.row === null).slice(0, 20).map(issueLine);
    throw new InputError(`no usable SSDA903 episodes were found in ${paths.map((f) => `"${f}"`).join(', ')}.\n${reasons.join('\n')}`);
  }
  return returns;
}

function loadHistory(file: string | null): AggregatePeriod[] {
  if (!file) return [];
  const parsed = parseAggregateHistory(readFileSync(file, 'utf8'), file);
  if (!parsed.ok) throw new InputError(`the history file cannot be used:\n${parsed.messages.map((m) => `  ${m}`).join('\n')}`);
  return parsed.periods;
}

function loadScenario(file: string | null): Scenario | null {
  if (!file) return null;
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new InputError(`the scenario file "${file}" is not valid JSON (${err instanceof Error ? err.message : String(err)}).`);
  }
  const parsed = parseScenario(raw);
  if (!parsed.ok) throw new InputError(`the scenario file "${file}" cannot be used:\n${parsed.messages.map((m) => `  ${m}`).join('\n')}`);
  return parsed.scenario;
}

function workbookTitle(options: ModelOptions): string {
  if (options.demo) return 'Demo authority (synthetic data)';
  if (options.inputs.length || options.ssda903.length) return [...options.inputs, ...options.ssda903].map((f) => path.basename(f)).join(', ');
  return 'Aggregate history';
}

function appVersion(): string {
  const file = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'package.json');
  return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
}

export async function runModelCommand(argv: readonly string[], io: CommandIO): Promise<number> {
  const options = optionsOrExitCode(parseModelOptions(argv), io);
  if (typeof options === 'number') return options;
  const missing = missingFiles(options);
  if (missing.length) {
    io.stderr(missing.map((file) => `Error: cannot read "${file}": there is no such file. Check the path and try again.\n`).join(''));
    return exitCodes.badInput;
  }

  // One service a run: Annex A lists and housing lists together are a usage error, named both.
  let housingInputs = false;
  if (options.inputs.length > 0) {
    const found = listsFound(loadSources(options.inputs, options.extractDate));
    housingInputs = found.housing.length > 0;
    if (found.annexA.length && found.housing.length) {
      io.stderr(
        `Error: the inputs hold both Annex A lists (${found.annexA.join(', ')}) and housing lists (${found.housing.join(', ')}). A run projects one service: give the Annex A lists or the housing lists, not both.
Run "npm run model -- --help" to see every option.
`,
      );
      return exitCodes.usage;
    }
  }

  try {
    const scenario = loadScenario(options.scenario);
    // A fresh key per run: pseudonyms are consistent within this result (lists and returns alike) and
    // mean nothing outside it.
    const pseudonymKey = randomBytes(32);
    const housing = housingInputs ? readHousingInputs(loadSources(options.inputs, options.extractDate), options, pseudonymKey) : null;
    if (housing) {
      // Build everything before writing anything: a failure leaves no file half-written.
      const built = runHousing(housing, scenario, options, { workbookTitle: workbookTitle(options), appVersion: appVersion() });
      if (options.json === '-') io.stdout(built.json);
      else if (options.json) writeFileAtomically(options.json, built.json);
      if (options.xlsx && built.workbook) writeFileAtomically(options.xlsx, built.workbook);
      if (options.json === '-') io.stderr(built.summary);
      else io.stdout(built.summary);
      return exitCodes.ok;
    }
    const aggregates = loadHistory(options.history);
    const lists = loadLists(options, pseudonymKey);
    const returns = options.ssda903.length ? loadReturns(options.ssda903, pseudonymKey, lists.dataset) : null;
    const dataset = returns ? withSsda903(lists.dataset, returns) : lists.dataset;
    const { report, dateNotes } = lists;
    const ssda903 = returns?.report;
    const writeJson = (json: string) => {
      if (options.json === '-') io.stdout(json);
      else if (options.json) writeFileAtomically(options.json, json);
    };
    let run: ModelRun;
    try {
      run = runModel(dataset, aggregates, { horizon: options.horizonMonths, scenarios: scenario ? [scenario] : [] });
    } catch (err) {
      if (!(err instanceof NothingToProjectError)) throw err;
      // Still say what was read, so the analyst can see why there is nothing to project.
      writeJson(`${JSON.stringify(buildResultJson({ dataset, report, ...(ssda903 ? { ssda903 } : {}) }), null, 2)}\n`);
      io.stderr(`${report ? summaryOfImport(report) : ''}${ssda903 ? summaryOfReturns(ssda903) : ''}${dateNotes}Error: there is nothing to project from: the lists hold no dated rows and no aggregate history was given.\n`);
      return exitCodes.badInput;
    }
    const backtestFrom = options.backtestFrom ? monthOfIso(`${options.backtestFrom}-01`) : null;
    const backtest = backtestFrom !== null ? backtestWithPlacements(dataset, aggregates, backtestFrom, options.horizonMonths, run.history, scenario, Boolean(run.baseline.placements)) : undefined;
    const calibration = options.calibrate ? calibrate(dataset, aggregates, {}, run.history) : undefined;
    const result = buildResultJson({ dataset, report, run, ...(backtest ? { backtest } : {}), ...(calibration ? { calibration } : {}), ...(ssda903 ? { ssda903 } : {}) });
    // Build everything before writing anything: a failure leaves no file half-written.
    const json = `${JSON.stringify(result, null, 2)}\n`;
    const workbook = options.xlsx ? resultsWorkbook(result, { workbookTitle: workbookTitle(options), appVersion: appVersion(), createdAt: new Date().toISOString() }) : null;
    writeJson(json);
    if (options.xlsx && workbook) writeFileAtomically(options.xlsx, workbook);
    const summary = `${ssda903 ? summaryOfReturns(ssda903) : ''}${summaryText(run, report, backtest, calibration)}${dateNotes}`;
    if (options.json === '-') io.stderr(summary);
    else io.stdout(summary);
    return exitCodes.ok;
  } catch (err) {
    if (err instanceof HousingUsageError) {
      io.stderr(`Error: ${err.message}\nNothing was written. Run "npm run model -- --help" to see every option.\n`);
      return exitCodes.usage;
    }
    if (err instanceof Error) {
      io.stderr(`Error: ${err.message}\nNothing was written.\n`);
      return exitCodes.badInput;
    }
    throw err;
  }
}
