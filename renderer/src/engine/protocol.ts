// Messages between the window and the engine's Web Worker. The worker keeps the fitted model of the open
// workbook, so a slider only re-runs the projection, never the estimation.
import type { Dataset } from '../../../shared/dataset/types.ts';
import type { BacktestResult } from '../../../shared/engine/backtest.ts';
import type { CalibrationJson } from '../../../shared/result/result-json.ts';
import type { ScenarioInput } from '../../../shared/engine/scenario.ts';
import type { ResultJson } from '../../../shared/result/result-json.ts';

export type EngineRequest =
  | { id: number; kind: 'load'; dataset: Dataset }
  | { id: number; kind: 'project'; scenarios: ScenarioInput[]; horizon: number; draws: number; scenarioBands: boolean }
  | { id: number; kind: 'backtest'; from: string; horizon: number }
  | { id: number; kind: 'calibrate' };

export type EngineResponse =
  | { id: number; kind: 'loaded'; result: ResultJson; ms: number }
  | { id: number; kind: 'projected'; result: ResultJson; ms: number }
  | { id: number; kind: 'backtested'; backtest: BacktestResult; ms: number }
  | { id: number; kind: 'calibrated'; calibration: CalibrationJson; ms: number }
  | { id: number; kind: 'failed'; message: string };
