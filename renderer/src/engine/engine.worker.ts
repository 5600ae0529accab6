// The demand engine off the UI thread: the window stays responsive while sliders move. A slider move is
// answered with the expected paths (a moment later where a path is new: the window draws the charts' lines
// itself first); the likely ranges (hundreds of simulated futures each) follow,
// worked out a slice at a time so that the next slider move never waits behind them. Ranges are kept by
// scenario settings, so moving one scenario's slider recomputes only that scenario's range. Where placements
// are known, the expected paths and the ranges carry them too, as the export's do.
import type { Dataset } from '../../../shared/dataset/types.ts';
import { backtestWithPlacements } from '../../../shared/engine/children/placements/backtest-with-placements.ts';
import { calibrationResult } from '../../../shared/result/calibration-result.ts';
import { estimate, type Estimates } from '../../../shared/engine/children/estimates.ts';
import { buildHistory, type MonthlyHistory } from '../../../shared/engine/children/history.ts';
import { monthOfIso } from '../../../shared/engine/core/months.ts';
import { withWorkbookCosts } from '../../../shared/engine/core/workbook-costs.ts';
import { remember, warmUpLockdown } from './recent.ts';
import {
  bandOptions,
  expectedPathKey,
  prepareProjection,
  projectScenario,
  startScenarioBands,
  withCostedBaseline,
  withRanges,
  type ModelRun,
  type PreparedProjection,
  type ProjectedScenario,
  type ScenarioBandRun,
  type ScenarioRanges,
} from '../../../shared/engine/children/run-model.ts';
import { parseScenario, type Scenario } from '../../../shared/engine/scenario.ts';
import { buildResultJson } from '../../../shared/result/result-json.ts';
import type { EngineRequest, EngineResponse } from './protocol.ts';
import { answerHousing, isHousingRequest } from './housing-work.ts';
import { scenarioProblemsInWords } from '../../../shared/text/scenario-problems.ts';

interface Fitted {
  dataset: Dataset;
  history: MonthlyHistory;
  estimates: Estimates;
  setups: Map<number, PreparedProjection>;
}
let fitted: Fitted | null = null;
/** Expected paths and finished ranges by scenario settings (names aside), for the open workbook. */
const expected = new Map<string, ProjectedScenario>();
const finished = new Map<string, ScenarioRanges>();
/** Ranges being worked out, by the same key, kept across requests that still need them. */
let running = new Map<string, ScenarioBandRun>();
let latestProjection = 0;

const reply = (response: EngineResponse) => (self as unknown as Worker).postMessage(response);

function setupFor(f: Fitted, horizon: number): PreparedProjection {
  let prepared = f.setups.get(horizon);
  if (!prepared) f.setups.set(horizon, (prepared = prepareProjection(f.dataset, f.history, f.estimates, horizon)));
  return prepared;
}

function expectedPath(f: Fitted, horizon: number, key: string, scenario: Scenario): ProjectedScenario {
  const { setup, placementSetup } = setupFor(f, horizon);
  return expected.get(key) ?? remember(expected, key, projectScenario(setup, f.estimates, scenario, { draws: 0, seed: bandOptions.seed }, placementSetup));
}

interface Projected {
  result: ReturnType<typeof buildResultJson>;
  /** Scenarios (baseline first) whose range is still to be worked out. */
  missing: Array<{ key: string; scenario: Scenario }>;
}

/** The baseline and the scenarios, costed as the workbook costs them, each with its key. */
function scenariosOf(scenariosRaw: unknown[], horizon: number): Array<{ key: string; scenario: Scenario }> {
  const scenarios = scenariosRaw.map((raw, i) => {
    const parsed = parseScenario(raw);
    if (!parsed.ok) throw new Error(scenarioProblemsInWords(raw, i).join(' '));
    return parsed.scenario;
  });
  return withCostedBaseline(scenarios).map((scenario) => ({ key: expectedPathKey(scenario, horizon), scenario }));
}

function project(all: Array<{ key: string; scenario: Scenario }>, horizon: number, bands: boolean): Projected {
  const f = fitted;
  if (!f) throw new Error('No workbook is loaded.');
  const { setup } = setupFor(f, horizon);
  const missing: Projected['missing'] = [];
  const projected = all.map(({ key, scenario }) => {
    const path = expectedPath(f, horizon, key, scenario);
    const known = finished.get(key) ?? null;
    if (bands && !known && !missing.some((m) => m.key === key)) missing.push({ key, scenario });
    return { ...withRanges(path, bands ? known : null), scenario };
  });
  const run: ModelRun = { history: f.history, estimates: f.estimates, setup, baseline: projected[0]!, scenarios: projected.slice(1) };
  return { result: buildResultJson({ dataset: f.dataset, report: null, run }), missing };
}

/** How long the settings must rest before range work starts. */
const restMs = 150;

/**
 * How long a projection with a new expected path waits: its placements and spend are about 10 ms of work
 * (20 on a large authority) that would otherwise share the processor with the window while it draws the
 * charts' lines, which it works out itself.
 */
const restOfAnswerMs = 40;

/** The expected paths, then the likely ranges still to be worked out. */
function answer(request: Extract<EngineRequest, { kind: 'project' }>, all: Array<{ key: string; scenario: Scenario }>, started: number): void {
  try {
    const { result, missing } = project(all, request.horizon, request.bands);
    reply({ id: request.id, kind: 'projected', result, ms: performance.now() - started, complete: missing.length === 0 });
    if (missing.length) workOutRanges(request, missing, started);
  } catch (err) {
    reply({ id: request.id, kind: 'failed', message: err instanceof Error ? err.message : String(err) });
  }
}

// Yielding through a message port lets a newer request in between two slices of range work.
const tick = new MessageChannel();
let work: (() => void) | null = null;
tick.port1.onmessage = () => work?.();

function workOutRanges(request: Extract<EngineRequest, { kind: 'project' }>, missing: Projected['missing'], started: number): void {
  const f = fitted!;
  const { setup, placementSetup } = setupFor(f, request.horizon);
  const keep = new Map<string, ScenarioBandRun>();
  for (const m of missing) {
    const central = expectedPath(f, request.horizon, m.key, m.scenario).placements;
    keep.set(m.key, running.get(m.key) ?? startScenarioBands(setup, f.estimates, m.scenario, bandOptions, placementSetup && central ? { placementSetup, central } : null));
  }
  running = keep;
  work = () => {
    if (request.id !== latestProjection || fitted !== f) return;
    const sliceEnds = performance.now() + 4;
    for (const [key, run] of running) {
      while (run.remaining > 0 && performance.now() < sliceEnds) run.run(10);
      if (run.remaining > 0) break;
      remember(finished, key, run.ranges());
      running.delete(key);
    }
    if (running.size > 0) {
      tick.port2.postMessage(null);
      return;
    }
    try {
      const { result } = project(scenariosOf(request.scenarios, request.horizon), request.horizon, true);
      reply({ id: request.id, kind: 'completed', result, ms: performance.now() - started });
    } catch (err) {
      reply({ id: request.id, kind: 'failed', message: err instanceof Error ? err.message : String(err) });
    }
  };
  // While a slider is still moving, each range would be thrown away at the next move: start once the
  // settings have rested a moment, leaving the processor to the expected paths and the charts meanwhile.
  setTimeout(() => request.id === latestProjection && tick.port2.postMessage(null), Math.max(0, restMs - (performance.now() - started)));
}

// The engine's code runs several times slower until the browser has run it a few times: the first slider
// moves after a workbook opens took 100 ms and more each, the rest a tenth of that. Once a workbook is
// loaded, a few throwaway scenarios (lockdowns of different depths, as the Scenarios step offers) are
// projected, one per task so that a request never waits behind more than one, and nothing is kept.
const warmUpPaths = 6;
const warmUpTick = new MessageChannel();
let warmUpLeft = 0;
warmUpTick.port1.onmessage = () => {
  const f = fitted;
  if (!f || warmUpLeft <= 0) return;
  warmUpLeft--;
  const { setup, placementSetup } = setupFor(f, 24);
  const scenario = warmUpLockdown(setup.startMonth, warmUpLeft);
  try {
    projectScenario(setup, f.estimates, withWorkbookCosts([scenario])[0]!, { draws: 0, seed: bandOptions.seed }, placementSetup);
  } catch {
    warmUpLeft = 0; // only ever a head start: a real request says what is wrong, if anything is
    return;
  }
  if (warmUpLeft > 0) warmUpTick.port2.postMessage(null);
};

self.onmessage = (event: MessageEvent<EngineRequest>) => {
  const request = event.data;
  const started = performance.now();
  try {
    if (isHousingRequest(request)) answerHousing(request, reply);
    else if (request.kind === 'load') {
      const history = buildHistory(request.dataset, []);
      const f = (fitted = { dataset: request.dataset, history, estimates: estimate(request.dataset, history, []), setups: new Map() });
      expected.clear();
      finished.clear();
      running.clear();
      // With the starting point of the projection, from which the window works out the charts' lines itself.
      reply({ id: request.id, kind: 'loaded', result: project(scenariosOf([], request.horizon), request.horizon, false).result, setup: setupFor(f, request.horizon).setup, ms: performance.now() - started });
      warmUpLeft = warmUpPaths;
      warmUpTick.port2.postMessage(null);
    } else if (request.kind === 'project') {
      latestProjection = request.id;
      if (!fitted) throw new Error('No workbook is loaded.');
      const all = scenariosOf(request.scenarios, request.horizon);
      if (all.every(({ key }) => expected.has(key))) {
        answer(request, all, started);
        return;
      }
      // A new path: the window has drawn its lines itself (window-lines.ts). The rest waits while the window
      // draws, and is not worked out at all if the settings change again meanwhile (a slider being dragged).
      const f = fitted;
      setTimeout(() => {
        if (request.id !== latestProjection || fitted !== f) reply({ id: request.id, kind: 'superseded' });
        else answer(request, all, started);
      }, restOfAnswerMs);
    } else if (request.kind === 'calibrate') {
      if (!fitted) throw new Error('No workbook is loaded.');
      reply({ id: request.id, kind: 'calibrated', calibration: calibrationResult(fitted.dataset, [], fitted.history), ms: performance.now() - started });
    } else {
      if (!fitted) throw new Error('No workbook is loaded.');
      // Placements are backtested where the workbook knows them, as the command does.
      const placementsKnown = setupFor(fitted, 24).placementSetup !== null;
      const backtest = backtestWithPlacements(fitted.dataset, [], monthOfIso(`${request.from}-01`), request.horizon, fitted.history, null, placementsKnown);
      reply({ id: request.id, kind: 'backtested', backtest, ms: performance.now() - started });
    }
  } catch (err) {
    reply({ id: request.id, kind: 'failed', message: err instanceof Error ? err.message : String(err) });
  }
};
