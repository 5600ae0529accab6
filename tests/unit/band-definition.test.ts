// One definition of the likely ranges: the window's engine worker (expected paths first, ranges worked
// out a slice at a time) and the export's runModel give the same ranges, to the pound.
import { describe, expect, it } from 'vitest';
import { buildHistory } from '../../shared/engine/children/history.ts';
import { estimate } from '../../shared/engine/children/estimates.ts';
import { futureLockdown } from '../../shared/engine/children/presets.ts';
import { bandOptions, costedBaseline, prepareProjection, projectScenario, runModel, startScenarioBands, withRanges } from '../../shared/engine/children/run-model.ts';
import { ScenarioSchema } from '../../shared/engine/scenario.ts';
import { buildResultJson } from '../../shared/result/result-json.ts';
import { demoImport } from '../../shared/synthetic/demo.ts';

const { dataset } = demoImport();

describe('the likely ranges', () => {
  it('are the same run a slice at a time (as in the window) and at once (as for the export)', () => {
    const history = buildHistory(dataset, []);
    const estimates = estimate(dataset, history, []);
    const { setup, placementSetup } = prepareProjection(dataset, history, estimates, 24);
    const scenarios = [futureLockdown(setup.startMonth), ScenarioSchema.parse({ name: 'Dearer care', newNormal: { from: '2025-01-01', referralChange: 0.1 }, costs: { claWeekly: 1500 } })];
    const exported = buildResultJson({ dataset, report: null, run: runModel(dataset, [], { horizon: 24, scenarios }) });

    // As the worker does it: expected paths, then each range in slices of ten draws (the demo's List 8
    // gives placements, so their ranges too).
    const sliced = [costedBaseline(scenarios), ...scenarios].map((scenario) => {
      const path = projectScenario(setup, estimates, scenario, { draws: 0, seed: bandOptions.seed }, placementSetup);
      const run = startScenarioBands(setup, estimates, scenario, bandOptions, placementSetup && path.placements ? { placementSetup, central: path.placements } : null);
      expect(() => run.bands()).toThrow(/have not run yet/);
      while (run.remaining > 0) run.run(10);
      return withRanges(path, run.ranges());
    });
    const onScreen = buildResultJson({ dataset, report: null, run: { history, estimates, setup, baseline: sliced[0]!, scenarios: sliced.slice(1) } });

    expect(exported.projection!.bands.baseline!.claByPlacement).toBeDefined();
    expect(onScreen.projection!.bands).toEqual(exported.projection!.bands);
    expect(onScreen.projection!.scenarios!.map((s) => s.bands)).toEqual(exported.projection!.scenarios!.map((s) => s.bands));
    expect(exported.projection!.scenarios![1]!.bands!.cost.p90[11]).toBeGreaterThan(exported.projection!.bands.baseline!.cost.p90[11]!);
  });

  it('are drawn for every scenario by default, with the shared number of draws and seed', () => {
    expect(bandOptions).toEqual({ draws: 500, seed: 20_201, scenarioBands: true });
    const run = runModel(dataset, [], { horizon: 12, scenarios: [ScenarioSchema.parse({ name: 'Flat' })] });
    expect(run.scenarios[0]!.bands).not.toBeNull();
    // The same settings as the baseline give the baseline's range: same draws, same seed.
    expect(run.scenarios[0]!.bands).toEqual(run.baseline.bands);
  });
});
