// The likely ranges by placement are the same whether worked out a slice at a time (the window's engine
// worker) or at once (the export and the command): each draw's path is observed in draw order either way.
import { describe, expect, it } from 'vitest';
import { estimate } from '../../shared/engine/children/estimates.ts';
import { buildHistory } from '../../shared/engine/children/history.ts';
import { bandOptions, costedBaseline, prepareProjection, projectScenario, runModel, startScenarioBands, withRanges } from '../../shared/engine/children/run-model.ts';
import { parseScenario } from '../../shared/engine/scenario.ts';
import { withSsda903 } from '../../shared/import/ssda903/combine.ts';
import { importSsda903 } from '../../shared/import/ssda903/import-ssda903.ts';
import { buildResultJson } from '../../shared/result/result-json.ts';
import { simulatePlacements, write903Returns } from '../../shared/synthetic/placement-authority.ts';
import { testKey } from '../support/synthetic.ts';

const encode = (text: string) => new TextEncoder().encode(text);
const authority = simulatePlacements({ seed: 3, from: '2016-04-01', to: '2024-03-31' });
const returns = importSsda903(write903Returns(authority, [2022, 2023, 2024]).map((f) => ({ path: f.path, bytes: encode(f.text) })), { pseudonymKey: testKey });
const dataset = withSsda903({ extracts: [], referrals: [], cpp: [], cla: [] }, returns);

describe('likely ranges by placement', () => {
  it('are the same run in slices of seven draws as run at once, spend and every group', () => {
    const parsed = parseScenario({ name: 'Step down', placementShifts: [{ from: 'residential', to: 'foster', share: 0.1, fromDate: '2024-07-01', overMonths: 12 }], costs: { claWeekly: 1500 } });
    if (!parsed.ok) throw new Error(parsed.messages.join('; '));
    const scenarios = [parsed.scenario];
    const horizon = 18;
    const exported = buildResultJson({ dataset, report: null, run: runModel(dataset, [], { horizon, scenarios }) });

    const history = buildHistory(dataset, []);
    const estimates = estimate(dataset, history, []);
    const { setup, placementSetup } = prepareProjection(dataset, history, estimates, horizon);
    expect(placementSetup).not.toBeNull();
    const sliced = [costedBaseline(scenarios), ...scenarios].map((scenario) => {
      const path = projectScenario(setup, estimates, scenario, { draws: 0, seed: bandOptions.seed }, placementSetup);
      expect(path.placements!.bands).toBeNull();
      const run = startScenarioBands(setup, estimates, scenario, bandOptions, { placementSetup: placementSetup!, central: path.placements! });
      expect(() => run.ranges()).toThrow(/have not run yet/);
      while (run.remaining > 0) run.run(7);
      return withRanges(path, run.ranges());
    });
    const onScreen = buildResultJson({ dataset, report: null, run: { history, estimates, setup, baseline: sliced[0]!, scenarios: sliced.slice(1) } });

    const projection = exported.projection!;
    expect(projection.bands.baseline!.claByPlacement!.residential!.p90.length).toBe(horizon);
    expect(projection.scenarios![0]!.bands!.claByPlacement!.foster!.p10.length).toBe(horizon);
    expect(onScreen.projection).toEqual(projection);
    // The spend's range is the placements' spend, and a dearer, stepped-down scenario has its own range.
    const baselineCost = sliced[0]!.bands!.cost;
    expect(baselineCost).toEqual(sliced[0]!.placements!.bands!.cost);
    expect(sliced[1]!.placements!.bands!.byGroup.residential.p50.at(-1)).toBeLessThan(sliced[0]!.placements!.bands!.byGroup.residential.p50.at(-1)!);
  });
});
