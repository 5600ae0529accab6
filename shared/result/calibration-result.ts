// Calibration of a workbook as the screens and the export show it, kept per dataset: rolling-origin
// backtests take seconds, and the lists do not change between the Results step and the export.
import type { Dataset } from '../dataset/types.ts';
import type { AggregatePeriod } from '../engine/children/aggregate-history.ts';
import { calibrate } from '../engine/children/calibration.ts';
import type { MonthlyHistory } from '../engine/children/history.ts';
import { calibrationJson, type CalibrationJson } from './result-json.ts';

const kept = new WeakMap<Dataset, CalibrationJson>();

/** Every usable starting month, with the calibration's own number of draws. */
export function calibrationResult(dataset: Dataset, aggregates: readonly AggregatePeriod[], history?: MonthlyHistory): CalibrationJson {
  const cached = aggregates.length === 0 ? kept.get(dataset) : undefined;
  if (cached) return cached;
  const result = calibrationJson(calibrate(dataset, aggregates, {}, history));
  if (aggregates.length === 0) kept.set(dataset, result);
  return result;
}
