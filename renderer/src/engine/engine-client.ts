// The window's side of the engine worker: promises for requests, and for projections only the latest
// request matters (a slider that moves again makes the previous answer stale).
import type { Dataset } from '../../../shared/dataset/types.ts';
import type { HousingDataset } from '../../../shared/dataset/housing.ts';
import type { HousingOutcome } from '../../../shared/result/housing-outcome.ts';
import type { BacktestResult } from '../../../shared/engine/children/backtest.ts';
import type { ScenarioInput } from '../../../shared/engine/scenario.ts';
import type { CalibrationJson, ResultJson } from '../../../shared/result/result-json.ts';
import type { ProjectionSetup } from '../../../shared/engine/children/project.ts';
import type { EngineRequest, EngineResponse } from './protocol.ts';

export interface Projection {
  result: ResultJson;
  ms: number;
  /** False while likely ranges are still being worked out. */
  complete: boolean;
}

export interface EngineClient {
  /** The lists fitted: the baseline projected, and the projection's starting point for the window's own lines. */
  load(dataset: Dataset, horizon: number): Promise<{ result: ResultJson; setup: ProjectionSetup }>;
  /**
   * Resolves with the expected paths at once (null when a newer projection request replaced this one);
   * `onComplete` is called later with the likely ranges of every scenario, if this is still the latest.
   */
  project(scenarios: ScenarioInput[], horizon: number, onComplete?: (answer: Projection) => void): Promise<Projection | null>;
  backtest(from: string, horizon: number): Promise<BacktestResult>;
  /** Rolling-origin backtests of the loaded workbook (kept by the worker until the lists change). */
  calibrate(): Promise<CalibrationJson>;
  /** A housing workbook's lists: fitted, and the baseline projected without likely ranges. */
  housingLoad(dataset: HousingDataset): Promise<HousingOutcome>;
  /** As `project`, for a housing workbook. */
  housingProject(scenarios: ScenarioInput[], horizon: number, onComplete?: (answer: HousingProjection) => void): Promise<HousingProjection | null>;
}

export interface HousingProjection {
  outcome: HousingOutcome;
  ms: number;
  /** False while likely ranges are still being worked out. */
  complete: boolean;
}

type RequestBody = EngineRequest extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;

export function createEngineClient(): EngineClient {
  const worker = new Worker(new URL('./engine.worker.ts', import.meta.url), { type: 'module' });
  let nextId = 1;
  let latestProjection = 0;
  const pending = new Map<number, (response: EngineResponse) => void>();
  const completions = new Map<number, (answer: Projection) => void>();
  const housingCompletions = new Map<number, (answer: HousingProjection) => void>();
  worker.onmessage = (event: MessageEvent<EngineResponse>) => {
    const response = event.data;
    if (response.kind === 'completed') {
      const complete = completions.get(response.id);
      completions.delete(response.id);
      if (response.id === latestProjection) complete?.({ result: response.result, ms: response.ms, complete: true });
      return;
    }
    if (response.kind === 'housingCompleted') {
      const complete = housingCompletions.get(response.id);
      housingCompletions.delete(response.id);
      if (response.id === latestProjection) complete?.({ outcome: response.outcome, ms: response.ms, complete: true });
      return;
    }
    const resolve = pending.get(response.id);
    pending.delete(response.id);
    resolve?.(response);
  };
  const send = (request: RequestBody, id = nextId++): Promise<EngineResponse> =>
    new Promise<EngineResponse>((resolve) => {
      pending.set(id, resolve);
      worker.postMessage({ ...request, id } as EngineRequest);
    }).then((r) => {
      if (r.kind === 'failed') throw new Error(r.message);
      return r;
    });
  return {
    load: async (dataset, horizon) => {
      const r = (await send({ kind: 'load', dataset, horizon })) as Extract<EngineResponse, { kind: 'loaded' }>;
      return { result: r.result, setup: r.setup };
    },
    project: async (scenarios, horizon, onComplete) => {
      const id = nextId++;
      latestProjection = id;
      for (const stale of completions.keys()) completions.delete(stale);
      if (onComplete) completions.set(id, onComplete);
      const r = await send({ kind: 'project', scenarios, horizon, bands: onComplete !== undefined }, id);
      return id === latestProjection && r.kind === 'projected' ? { result: r.result, ms: r.ms, complete: r.complete } : null;
    },
    backtest: async (from, horizon) => {
      const r = await send({ kind: 'backtest', from, horizon });
      return (r as Extract<EngineResponse, { kind: 'backtested' }>).backtest;
    },
    calibrate: async () => {
      const r = await send({ kind: 'calibrate' });
      return (r as Extract<EngineResponse, { kind: 'calibrated' }>).calibration;
    },
    housingLoad: async (dataset) => {
      const r = await send({ kind: 'housingLoad', dataset });
      return (r as Extract<EngineResponse, { kind: 'housingLoaded' }>).outcome;
    },
    housingProject: async (scenarios, horizon, onComplete) => {
      const id = nextId++;
      latestProjection = id;
      for (const stale of housingCompletions.keys()) housingCompletions.delete(stale);
      if (onComplete) housingCompletions.set(id, onComplete);
      const r = (await send({ kind: 'housingProject', scenarios, horizon, bands: onComplete !== undefined }, id)) as Extract<EngineResponse, { kind: 'housingProjected' }>;
      return id === latestProjection ? { outcome: r.outcome, ms: r.ms, complete: r.complete } : null;
    },
  };
}
