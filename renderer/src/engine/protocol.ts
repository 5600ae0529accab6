// Messages between the window and the engine's Web Worker. The worker keeps the fitted model of the open
// workbook, so a slider only re-runs the projection, never the estimation; it gives the window the
// projection's starting point, from which the window draws the Scenarios charts' lines itself. A projection
// is answered with the expected paths (and any likely ranges it already knows), then again with every range
// once they are worked out, unless a newer request came first (one with a new path waits a moment, and is
// 'superseded' if a newer request comes meanwhile).
import type { Dataset } from '../../../shared/dataset/types.ts';
import type { HousingDataset } from '../../../shared/dataset/housing.ts';
import type { HousingOutcome } from '../../../shared/result/housing-outcome.ts';
import type { BacktestResult } from '../../../shared/engine/children/backtest.ts';
import type { CalibrationJson } from '../../../shared/result/result-json.ts';
import type { ScenarioInput } from '../../../shared/engine/scenario.ts';
import type { ResultJson } from '../../../shared/result/result-json.ts';
import type { ProjectionSetup } from '../../../shared/engine/children/project.ts';

export type EngineRequest =
  | { id: number; kind: 'load'; dataset: Dataset; horizon: number }
  | { id: number; kind: 'project'; scenarios: ScenarioInput[]; horizon: number; bands: boolean }
  | { id: number; kind: 'backtest'; from: string; horizon: number }
  | { id: number; kind: 'calibrate' }
  /** A housing workbook: its lists are fitted, and its scenarios projected, as the children's are. */
  | { id: number; kind: 'housingLoad'; dataset: HousingDataset }
  | { id: number; kind: 'housingProject'; scenarios: ScenarioInput[]; horizon: number; bands: boolean };

export type EngineResponse =
  | { id: number; kind: 'loaded'; result: ResultJson; setup: ProjectionSetup; ms: number }
  /** No 'projected' answer: a newer projection request came while this one waited. */
  | { id: number; kind: 'superseded' }
  /** `complete` is false while some likely ranges are still being worked out: a 'completed' answer follows. */
  | { id: number; kind: 'projected'; result: ResultJson; ms: number; complete: boolean }
  | { id: number; kind: 'completed'; result: ResultJson; ms: number }
  | { id: number; kind: 'backtested'; backtest: BacktestResult; ms: number }
  | { id: number; kind: 'calibrated'; calibration: CalibrationJson; ms: number }
  | { id: number; kind: 'housingLoaded'; outcome: HousingOutcome; ms: number }
  | { id: number; kind: 'housingProjected'; outcome: HousingOutcome; ms: number; complete: boolean }
  | { id: number; kind: 'housingCompleted'; outcome: HousingOutcome; ms: number }
  | { id: number; kind: 'failed'; message: string };
