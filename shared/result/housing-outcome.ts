// The housing figures a screen or an export shows: one result's history, estimates, import, baseline and
// backtest, with every scenario's projection beside it. The contract's result holds one scenario (the
// command's --scenario); a workbook may hold several, each run with the baseline costed as it is.
import type { HousingBands } from '../engine/housing/housing-bands.ts';
import type { HousingProjected, HousingResult } from '../engine/housing/run-housing-model.ts';
import type { Scenario } from '../engine/scenario.ts';

export interface HousingScenarioOutcome extends HousingProjected {
  name: string;
  settings: Scenario;
  /** Null while the likely ranges are still being worked out. */
  bands: HousingBands | null;
}

export interface HousingOutcome {
  result: HousingResult;
  /** The baseline's likely ranges; null while they are still being worked out. */
  baselineBands: HousingBands | null;
  scenarios: HousingScenarioOutcome[];
}

/** A run made without draws has bands with no months: it has no likely ranges yet. */
export const bandsOrNull = (bands: HousingBands | undefined): HousingBands | null => (bands && bands.taOpen.p10.length > 0 ? bands : null);

/** `base` gives everything but the scenarios; each run gives its scenario (runs of the same lists and costs). */
export function housingOutcome(base: HousingResult, runs: ReadonlyArray<{ result: HousingResult; settings: Scenario }>): HousingOutcome {
  return {
    result: base,
    baselineBands: bandsOrNull(base.projection.bands.baseline),
    scenarios: runs.flatMap(({ result, settings }) => {
      const s = result.projection.scenario;
      return s ? [{ ...s, settings, bands: bandsOrNull(result.projection.bands.scenario) }] : [];
    }),
  };
}

