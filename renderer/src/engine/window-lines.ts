// The Scenarios step's lines worked out in the window, in the task of the change itself: a scenario's
// expected totals take well under a millisecond (its placements and spend, ten to twenty, are left to the
// engine worker), so the charts are redrawn before the frame that shows the slider moved, rather than after
// a round trip to the worker and a frame later. They are the lines the worker's projection then gives
// (tests/unit/chart-paths.test.ts), with the likely ranges its answers have given for the same settings.
import type { ProjectionSetup, ProjectionSeries } from '../../../shared/engine/children/project.ts';
import { expectedPathKey, expectedTotals, withCostedBaseline } from '../../../shared/engine/children/run-model.ts';
import { parseScenario, type Scenario } from '../../../shared/engine/scenario.ts';
import { chartPathsFromTotals, rangesBySettings, type ChartPaths, type RangeLines } from '../../../shared/result/chart-paths.ts';
import type { ResultJson } from '../../../shared/result/result-json.ts';
import { remember, warmUpLockdown } from './recent.ts';

export interface WindowLines {
  /** The charts' lines for these settings; null if a setting is to be put right first (nothing is projected). */
  lines(scenarios: readonly unknown[]): ChartPaths | null;
  /** Notes the likely ranges a projection gives, to draw them for the same settings later. */
  learn(projection: NonNullable<ResultJson['projection']>): void;
}

/**
 * The engine's code runs several times slower until the browser has run it a few times (the first slider moves
 * took 50 to 80 ms, the rest a fifth of that): once the workbook is fitted, the lines of a few throwaway
 * scenarios (lockdowns of different depths, as the Scenarios step offers) are worked out, one per task so that
 * a person's input never waits behind more than one, and nothing is kept. As the engine worker does.
 */
const warmUps = 8;

/** `setup`: the worker's starting point of the projection for the open workbook (the same numbers, copied). */
export function createWindowLines(setup: ProjectionSetup): WindowLines {
  const totals = new Map<string, ProjectionSeries>();
  const ranges = new Map<string, RangeLines>();
  const linesOf = (raw: readonly unknown[], keep: boolean): ChartPaths | null => {
    const parsed: Scenario[] = [];
    for (const r of raw) {
      const p = parseScenario(r);
      if (!p.ok) return null;
      parsed.push(p.scenario);
    }
    const all = withCostedBaseline(parsed).map((scenario) => ({ scenario, key: expectedPathKey(scenario, setup.horizon) }));
    const totalsOf = (scenario: Scenario, key: string) => totals.get(key) ?? (keep ? remember(totals, key, expectedTotals(setup, scenario)) : expectedTotals(setup, scenario));
    return chartPathsFromTotals(
      setup.startMonth,
      setup.horizon,
      all.map(({ scenario, key }) => ({ name: scenario.name, series: totalsOf(scenario, key), bands: ranges.get(key) ?? null })),
    );
  };
  let left = warmUps;
  const warmUp = () => {
    if (left-- <= 0) return;
    linesOf([warmUpLockdown(setup.startMonth, left)], false);
    setTimeout(warmUp, 0);
  };
  setTimeout(warmUp, 0);
  return {
    lines: (raw) => linesOf(raw, true),
    learn(projection) {
      for (const { key, bands } of rangesBySettings(projection)) remember(ranges, key, bands);
    },
  };
}
