// The housing figures a screen or an export shows: one result's history, estimates, import, baseline and
// backtest, with every scenario's projection beside it. The contract's result holds one scenario (the
// command's --scenario); a workbook may hold several, each run with the baseline costed as it is.
import type { HousingDataset } from '../dataset/housing.ts';
import { lastCompleteMonth, monthLabel } from '../engine/core/months.ts';
import type { HousingBands } from '../engine/housing/housing-bands.ts';
import type { HousingInterventionOutcome } from '../engine/housing/housing-interventions.ts';
import { runHousingModel, type HousingProjected, type HousingResult, type HousingRunOptions } from '../engine/housing/run-housing-model.ts';
import { withWorkbookCosts } from '../engine/core/workbook-costs.ts';
import type { Scenario } from '../engine/scenario.ts';

export interface HousingScenarioOutcome extends HousingProjected {
  name: string;
  /** What each of its interventions costs and saves against the same scenario without it. */
  interventions: HousingInterventionOutcome[];
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
      return s ? [{ ...s, name: settings.name, settings, bands: bandsOrNull(result.projection.bands.scenario) }] : [];
    }),
  };
}


/**
 * The baseline and every scenario of a housing workbook. Nightly costs are the workbook's (the first
 * scenario's, as for children's services), so a scenario's cost differs from the baseline's only by what it
 * changes in demand; each run holds the baseline costed the same way. `run` may be one that remembers runs
 * (the window's engine worker, where a slider moves one scenario at a time).
 */
export function runHousingOutcome(dataset: HousingDataset, scenarios: readonly Scenario[], options: HousingRunOptions = {}, run: typeof runHousingModel = runHousingModel): HousingOutcome {
  const costed = withWorkbookCosts(scenarios);
  const runs = costed.map((settings, i) => ({ result: run(dataset, settings, i === 0 ? options : { ...options, backtestFrom: null }), settings }));
  return housingOutcome(runs[0]?.result ?? run(dataset, null, options), runs);
}

/** A backtest over the lists' last twelve complete months, where the lists have an extract date. */
export function yearBackFrom(dataset: HousingDataset): string | null {
  const extract = dataset.extracts.map((e) => e.extractDate).sort().at(-1);
  return extract ? monthLabel(lastCompleteMonth(extract) - 11) : null;
}
