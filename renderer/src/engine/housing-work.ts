// The housing side of the engine worker. A slider move is answered at once with the expected paths (runs
// without draws, a few hundred milliseconds a scenario); the likely ranges follow once the settings have
// rested, run for run as the export makes them, so a figure on screen is the figure in the Excel file.
// Runs are remembered by their settings (names aside): moving one scenario re-runs only that one.
import type { HousingDataset } from '../../../shared/dataset/housing.ts';
import { runHousingModel, type HousingResult, type HousingRunOptions } from '../../../shared/engine/housing/run-housing-model.ts';
import { parseScenario, type Scenario } from '../../../shared/engine/scenario.ts';
import { runHousingOutcome, yearBackFrom, type HousingOutcome } from '../../../shared/result/housing-outcome.ts';
import { scenarioProblemsInWords } from '../../../shared/text/scenario-problems.ts';
import type { EngineRequest, EngineResponse } from './protocol.ts';

let dataset: HousingDataset | null = null;
let backtest: HousingResult['backtest'] = null;
const runs = new Map<string, HousingResult>();
let latest = 0;
/** How long the settings must rest before the likely ranges are worked out. */
const restMs = 150;

function rememberedRun(data: HousingDataset, scenario: Scenario | null, options: HousingRunOptions): HousingResult {
  const key = JSON.stringify([options.horizon, options.draws, options.backtestFrom ?? null, scenario ? { ...scenario, name: '', description: '' } : null]);
  let result = runs.get(key);
  if (!result) {
    if (runs.size >= 64) runs.delete(runs.keys().next().value!);
    runs.set(key, (result = runHousingModel(data, scenario, options)));
  }
  return result;
}

function outcome(scenariosRaw: readonly unknown[], horizon: number, draws: number): HousingOutcome {
  if (!dataset) throw new Error('No housing workbook is loaded.');
  const scenarios = scenariosRaw.map((raw, i) => {
    const parsed = parseScenario(raw);
    if (!parsed.ok) throw new Error(scenarioProblemsInWords(raw, i).join(' '));
    return parsed.scenario;
  });
  const data = dataset;
  const made = runHousingOutcome(data, scenarios, { horizon, draws, backtestFrom: null }, (d, s, o = {}) => rememberedRun(d, s, o));
  return { ...made, result: { ...made.result, backtest } };
}

export function isHousingRequest(request: EngineRequest): request is Extract<EngineRequest, { kind: 'housingLoad' | 'housingProject' }> {
  return request.kind === 'housingLoad' || request.kind === 'housingProject';
}

export function answerHousing(request: Extract<EngineRequest, { kind: 'housingLoad' | 'housingProject' }>, reply: (response: EngineResponse) => void): void {
  const started = performance.now();
  if (request.kind === 'housingLoad') {
    dataset = request.dataset;
    runs.clear();
    // The backtest is of the lists, not of a scenario: worked out once, when they are loaded.
    const from = yearBackFrom(dataset);
    backtest = from ? runHousingModel(dataset, null, { horizon: 12, draws: 0, backtestFrom: from }).backtest : null;
    reply({ id: request.id, kind: 'housingLoaded', outcome: outcome([], 24, 0), ms: performance.now() - started });
    return;
  }
  latest = request.id;
  const expected = outcome(request.scenarios, request.horizon, 0);
  reply({ id: request.id, kind: 'housingProjected', outcome: expected, ms: performance.now() - started, complete: !request.bands });
  if (!request.bands) return;
  const data = dataset;
  setTimeout(() => {
    if (request.id !== latest || dataset !== data) return;
    try {
      reply({ id: request.id, kind: 'housingCompleted', outcome: outcome(request.scenarios, request.horizon, 1000), ms: performance.now() - started });
    } catch (err) {
      reply({ id: request.id, kind: 'failed', message: err instanceof Error ? err.message : String(err) });
    }
  }, restMs);
}
