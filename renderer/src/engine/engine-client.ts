// The window's side of the engine worker: promises for requests, and for projections only the latest
// request matters (a slider that moves again makes the previous answer stale).
import type { Dataset } from '../../../shared/dataset/types.ts';
import type { BacktestResult } from '../../../shared/engine/backtest.ts';
import type { ScenarioInput } from '../../../shared/engine/scenario.ts';
import type { CalibrationJson, ResultJson } from '../../../shared/result/result-json.ts';
import type { EngineRequest, EngineResponse } from './protocol.ts';

export interface EngineClient {
  load(dataset: Dataset): Promise<ResultJson>;
  /** Resolves with null when a newer projection request replaced this one. */
  project(scenarios: ScenarioInput[], horizon: number, options?: { draws?: number; scenarioBands?: boolean }): Promise<{ result: ResultJson; ms: number } | null>;
  backtest(from: string, horizon: number): Promise<BacktestResult>;
  /** Rolling-origin backtests of the loaded workbook (kept by the worker until the lists change). */
  calibrate(): Promise<CalibrationJson>;
}

type RequestBody = EngineRequest extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;

export function createEngineClient(): EngineClient {
  const worker = new Worker(new URL('./engine.worker.ts', import.meta.url), { type: 'module' });
  let nextId = 1;
  let latestProjection = 0;
  const pending = new Map<number, (response: EngineResponse) => void>();
  worker.onmessage = (event: MessageEvent<EngineResponse>) => {
    const resolve = pending.get(event.data.id);
    pending.delete(event.data.id);
    resolve?.(event.data);
  };
  const send = (request: RequestBody): Promise<EngineResponse> => {
    const id = nextId++;
    return new Promise((resolve) => {
      pending.set(id, resolve);
      worker.postMessage({ ...request, id } as EngineRequest);
    }).then((response) => {
      const r = response as EngineResponse;
      if (r.kind === 'failed') throw new Error(r.message);
      return r;
    }) as Promise<EngineResponse>;
  };
  return {
    load: async (dataset) => {
      const r = await send({ kind: 'load', dataset });
      return (r as Extract<EngineResponse, { kind: 'loaded' }>).result;
    },
    project: async (scenarios, horizon, options = {}) => {
      const mine = ++latestProjection;
      const r = (await send({ kind: 'project', scenarios, horizon, draws: options.draws ?? 200, scenarioBands: options.scenarioBands ?? false })) as Extract<EngineResponse, { kind: 'projected' }>;
      return mine === latestProjection ? { result: r.result, ms: r.ms } : null;
    },
    backtest: async (from, horizon) => {
      const r = await send({ kind: 'backtest', from, horizon });
      return (r as Extract<EngineResponse, { kind: 'backtested' }>).backtest;
    },
    calibrate: async () => {
      const r = await send({ kind: 'calibrate' });
      return (r as Extract<EngineResponse, { kind: 'calibrated' }>).calibration;
    },
  };
}
