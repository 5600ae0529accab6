// The demand engine off the UI thread: the window stays responsive while sliders move.
import type { Dataset } from '../../../shared/dataset/types.ts';
import { runBacktest } from '../../../shared/engine/backtest.ts';
import { estimate, type Estimates } from '../../../shared/engine/estimates.ts';
import { buildHistory, type MonthlyHistory } from '../../../shared/engine/history.ts';
import { monthOfIso } from '../../../shared/engine/months.ts';
import { prepareProjection, projectScenario, type ModelRun } from '../../../shared/engine/run-model.ts';
import { baselineScenario, parseScenario } from '../../../shared/engine/scenario.ts';
import { buildResultJson } from '../../../shared/result/result-json.ts';
import type { EngineRequest, EngineResponse } from './protocol.ts';

interface Fitted {
  dataset: Dataset;
  history: MonthlyHistory;
  estimates: Estimates;
}
let fitted: Fitted | null = null;
// The baseline does not move with a scenario's sliders: keep it, with its bands, until its inputs change.
let baselineCache: { key: string; value: ReturnType<typeof projectScenario> } | null = null;

function project(scenariosRaw: unknown[], horizon: number, draws: number, scenarioBands: boolean) {
  if (!fitted) throw new Error('No workbook is loaded.');
  const { setup, placementSetup } = prepareProjection(fitted.dataset, fitted.history, fitted.estimates, horizon);
  const scenarios = scenariosRaw.map((raw, i) => {
    const parsed = parseScenario(raw);
    if (!parsed.ok) throw new Error(`Scenario ${i + 1}: ${parsed.messages.join('; ')}`);
    return parsed.scenario;
  });
  const costed = scenarios[0];
  const base = costed ? { ...baselineScenario, costs: costed.costs, caseloads: costed.caseloads } : baselineScenario;
  const key = JSON.stringify([horizon, draws, base.costs, base.caseloads]);
  if (baselineCache?.key !== key) baselineCache = { key, value: projectScenario(setup, fitted.estimates, base, { draws, seed: 20_201 }, placementSetup) };
  const run: ModelRun = {
    history: fitted.history,
    estimates: fitted.estimates,
    setup,
    baseline: baselineCache.value,
    scenarios: scenarios.map((s) => projectScenario(setup, fitted!.estimates, s, { draws: scenarioBands ? draws : 0, seed: 20_201 }, placementSetup)),
  };
  return buildResultJson({ dataset: fitted.dataset, report: null, run });
}

self.onmessage = (event: MessageEvent<EngineRequest>) => {
  const request = event.data;
  const started = performance.now();
  const reply = (response: EngineResponse) => (self as unknown as Worker).postMessage(response);
  try {
    if (request.kind === 'load') {
      const history = buildHistory(request.dataset, []);
      fitted = { dataset: request.dataset, history, estimates: estimate(request.dataset, history, []) };
      baselineCache = null;
      reply({ id: request.id, kind: 'loaded', result: project([], 24, 300, false), ms: performance.now() - started });
    } else if (request.kind === 'project') {
      reply({ id: request.id, kind: 'projected', result: project(request.scenarios, request.horizon, request.draws, request.scenarioBands), ms: performance.now() - started });
    } else {
      if (!fitted) throw new Error('No workbook is loaded.');
      const backtest = runBacktest(fitted.dataset, [], monthOfIso(`${request.from}-01`), request.horizon, fitted.history);
      reply({ id: request.id, kind: 'backtested', backtest, ms: performance.now() - started });
    }
  } catch (err) {
    reply({ id: request.id, kind: 'failed', message: err instanceof Error ? err.message : String(err) });
  }
};
