// The Scenarios step's charts are drawn from lines the window works out ahead of a projection (the expected
// totals, without placements and spend, from the worker's starting point): those lines must be the ones the
// projection then gives, figure for figure, with the same months, names and likely ranges, so the charts do
// not change when it arrives.
import { describe, expect, it } from 'vitest';
import { estimate } from '../../shared/engine/children/estimates.ts';
import { buildHistory } from '../../shared/engine/children/history.ts';
import { interventionPresets } from '../../shared/engine/children/interventions/presets.ts';
import { futureLockdown } from '../../shared/engine/children/presets.ts';
import { costedBaseline, expectedTotals, prepareProjection, projectScenario, withCostedBaseline, withRanges, type ModelRun } from '../../shared/engine/children/run-model.ts';
import { monthLabel } from '../../shared/engine/core/months.ts';
import { withWorkbookCosts } from '../../shared/engine/core/workbook-costs.ts';
import { parseScenario, type Scenario } from '../../shared/engine/scenario.ts';
import { chartPathsFromTotals, chartPathsOf, rangeLinesOf } from '../../shared/result/chart-paths.ts';
import { buildResultJson } from '../../shared/result/result-json.ts';
import { demoImport } from '../../shared/synthetic/demo.ts';
import { createWindowLines } from '../../renderer/src/engine/window-lines.ts';

const { dataset } = demoImport();
const history = buildHistory(dataset, []);
const estimates = estimate(dataset, history, []);
const horizon = 24;
const { setup, placementSetup } = prepareProjection(dataset, history, estimates, horizon);

function parsed(raw: unknown): Scenario {
  const p = parseScenario(raw);
  if (!p.ok) throw new Error(p.messages.join('; '));
  return p.scenario;
}

const from = `${monthLabel(setup.startMonth + 3)}-01`;
const lockdown = futureLockdown(setup.startMonth);
const scenarios = withWorkbookCosts([
  parsed({ ...lockdown, name: 'Another lockdown', shocks: lockdown.shocks.map((s) => ({ ...s, referralChange: -0.37 })) }),
  parsed({ name: 'New normal', newNormal: { from, referralChange: 0.08 }, referralTrendPerYear: 0.02 }),
  parsed({ name: 'Edge of care', interventions: [interventionPresets.find((p) => p.id === 'edge-of-care')!.make(from)] }),
  parsed({ name: 'Step down', placementShifts: [{ from: 'residential', to: 'foster', share: 0.1, fromDate: from, overMonths: 12 }] }),
]);

function both(draws: number) {
  const all = [costedBaseline(scenarios), ...scenarios];
  const paths = all.map((scenario) => projectScenario(setup, estimates, scenario, { draws, seed: 5 }, placementSetup));
  const run: ModelRun = { history, estimates, setup, baseline: paths[0]!, scenarios: paths.slice(1) };
  const result = buildResultJson({ dataset, report: null, run });
  const early = chartPathsFromTotals(
    setup.startMonth,
    horizon,
    paths.map((p) => ({ name: p.scenario.name, series: expectedTotals(setup, p.scenario), bands: p.bands && rangeLinesOf(p.bands) })),
  );
  return { result, early };
}

describe("the charts' lines sent ahead of a projection", () => {
  it('are the expected paths the projection gives, figure for figure, for shocks, a new normal, an intervention and a placement shift', () => {
    expect(placementSetup).not.toBeNull();
    const { result, early } = both(0);
    expect(early).toEqual(chartPathsOf(result.projection!));
    expect(early.months).toHaveLength(horizon);
    expect(early.scenarios.map((s) => s.name)).toEqual(['Another lockdown', 'New normal', 'Edge of care', 'Step down']);
    // Not the baseline's lines over again: each scenario changes what it should.
    expect(early.scenarios[0]!.referrals).not.toEqual(early.baseline.referrals);
    expect(early.scenarios[1]!.referrals.at(-1)).toBeGreaterThan(early.baseline.referrals.at(-1)!);
    expect(early.scenarios[2]!.claOpen.at(-1)).toBeLessThan(early.baseline.claOpen.at(-1)!);
    expect(early.baseline.bands).toBeNull();
  });

  it('carry the likely ranges the projection gives, where they are already worked out', () => {
    const { result, early } = both(40);
    expect(early).toEqual(chartPathsOf(result.projection!));
    const band = early.scenarios[0]!.bands!.claOpen;
    expect(band.p10.every((low, t) => low <= band.p90[t]!)).toBe(true);
    expect(band.p90.some((high, t) => high > band.p10[t]!)).toBe(true);
  });

  it("leave each result's history as the history alone would give it", () => {
    const { result } = both(0);
    const again = buildResultJson({ dataset, report: null, run: { history, estimates, setup, baseline: projectScenario(setup, estimates, costedBaseline([]), { draws: 0, seed: 5 }, placementSetup), scenarios: [] } });
    const fresh = buildResultJson({ dataset, report: null, run: { history: buildHistory(dataset, []), estimates, setup, baseline: projectScenario(setup, estimates, costedBaseline([]), { draws: 0, seed: 5 }, placementSetup), scenarios: [] } });
    expect(again.history).toEqual(result.history);
    expect(fresh.history).toEqual(result.history);
    expect(result.history!.claByPlacement).toBeDefined();
  });

  it('are worked out by the window from a copy of the starting point, with the ranges earlier answers gave for the same settings', () => {
    // As the window holds them: settings as typed, not yet parsed or costed; the starting point as the worker sent it.
    const shocked = (referralChange: number) => ({ ...lockdown, name: 'Another lockdown', shocks: lockdown.shocks.map((s) => ({ ...s, referralChange })) });
    const edgeOfCare = { name: 'Edge of care', interventions: [interventionPresets.find((p) => p.id === 'edge-of-care')!.make(from)] };
    const raw = [shocked(-0.37), edgeOfCare];
    const lines = createWindowLines(structuredClone(setup));
    // As the worker answers: every path, with the ranges worked out for some settings and not (yet) for others.
    const answer = (settings: unknown[], rangesFor: (i: number) => boolean) => {
      const all = withCostedBaseline(settings.map(parsed));
      const paths = all.map((scenario, i) => {
        const path = projectScenario(setup, estimates, scenario, { draws: rangesFor(i) ? 40 : 0, seed: 5 }, placementSetup);
        return { ...withRanges(path, rangesFor(i) ? { bands: path.bands!, placements: null, interventions: [] } : null), scenario };
      });
      return buildResultJson({ dataset, report: null, run: { history, estimates, setup, baseline: paths[0]!, scenarios: paths.slice(1) } }).projection!;
    };

    const first = lines.lines(raw);
    expect(first).toEqual(chartPathsOf(answer(raw, () => false)));
    // The ranges arrive for every line: learnt, and drawn again for the same settings.
    const ranged = answer(raw, () => true);
    lines.learn(ranged);
    expect(lines.lines(raw)).toEqual(chartPathsOf(ranged));
    // A slider moves in the first scenario: its line moves and its range is not known yet; the baseline's stays.
    const moved = [shocked(-0.5), edgeOfCare];
    const next = lines.lines(moved)!;
    expect(next).toEqual(chartPathsOf(answer(moved, (i) => i !== 1)));
    expect(next.scenarios[0]!.bands).toBeNull();
    expect(next.scenarios[0]!.referrals).not.toEqual(first!.scenarios[0]!.referrals);
    expect(next.baseline.bands).toEqual(chartPathsOf(ranged).baseline.bands);
    // A setting out of range: nothing is projected, and no lines are worked out.
    expect(lines.lines([shocked(-3)])).toBeNull();
  });
});
