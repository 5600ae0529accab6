// Paths that follow a scenario's draws (the scenario without one of its interventions) copy the months in
// which they cannot differ from it, and skip whole halves (plans, care) the difference never touches. Each
// must still be, draw for draw and to the last bit, what bands of its own with the same seed would draw.
import { describe, expect, it } from 'vitest';
import { buildHistory } from '../../shared/engine/children/history.ts';
import { estimate } from '../../shared/engine/children/estimates.ts';
import { unitCosts } from '../../shared/engine/children/money.ts';
import { departures } from '../../shared/engine/children/following-paths.ts';
import { prepareProjection } from '../../shared/engine/children/run-model.ts';
import { ScenarioSchema } from '../../shared/engine/scenario.ts';
import { scenarioVectors } from '../../shared/engine/children/scenario-vectors.ts';
import { seriesKeys, type ProjectionSeries } from '../../shared/engine/children/project.ts';
import { startBands } from '../../shared/engine/children/uncertainty.ts';
import { withoutIntervention } from '../../shared/engine/core/interventions-running.ts';
import { demoImport } from '../../shared/synthetic/demo.ts';

const { dataset } = demoImport();
const history = buildHistory(dataset, []);
const estimates = estimate(dataset, history, []);
const H = 30;
const { setup } = prepareProjection(dataset, history, estimates, H);

// Starts month 5 of the projection (the demo's extract ends in September 2024), lost referrals come back.
const scenario = ScenarioSchema.parse({
  name: 'Four interventions and a lockdown',
  shocks: [{ from: '2025-01-01', to: '2025-03-31', referralChange: -0.4, returnShare: 0.5, returnMonths: 4, claExitChange: -0.3 }],
  interventions: [
    { name: 'Edge of care', from: '2025-03-01', to: '2026-02-28', costPerYear: 400_000, effects: { claStartChange: -0.15 } },
    { name: 'Early help', from: '2025-06-15', costPerYear: 200_000, effects: { referralChange: -0.1 } },
    { name: 'Plans end sooner', from: '2026-01-01', costPerYear: 100_000, effects: { cppExitChange: 0.2 } },
    { name: 'Step-down', from: '2025-03-01', costPerYear: 300_000, placementShifts: [{ from: 'residential', to: 'foster', share: 0.1, overMonths: 12 }] },
  ],
});

const copy = (out: ProjectionSeries) => Object.fromEntries(seriesKeys.map((k) => [k, Array.from(out[k])]));

describe('paths following a scenario draw by draw', () => {
  it('depart where their means first differ: never for a half the intervention does not touch', () => {
    const vectors = scenarioVectors(scenario, setup.startMonth, H);
    const without = (i: number) => departures(vectors, scenarioVectors(withoutIntervention(scenario, i), setup.startMonth, H), H);
    expect(without(0)).toEqual({ referrals: H, cpp: H, cla: 5 });
    expect(without(1)).toEqual({ referrals: 8, cpp: 8, cla: 8 });
    expect(without(2)).toEqual({ referrals: H, cpp: 15, cla: H });
    expect(without(3)).toEqual({ referrals: H, cpp: H, cla: H });
  });

  it('are, draw for draw, what their own bands with the same seed draw', () => {
    const draws = 40;
    const seed = 11;
    const costs = unitCosts(scenario, estimates.placementMix);
    const vectors = scenarioVectors(scenario, setup.startMonth, H);
    const others = scenario.interventions.map((_, i) => scenarioVectors(withoutIntervention(scenario, i), setup.startMonth, H));
    const followed = others.map(() => [] as Array<ReturnType<typeof copy>>);
    const led: Array<ReturnType<typeof copy>> = [];
    const run = startBands(setup, vectors, estimates, costs, draws, seed, (_, out) => led.push(copy(out)), others.map((v, i) => ({ vectors: v, observe: (_, out) => followed[i]!.push(copy(out)) })));
    run.run(draws);
    const alone = (v: typeof vectors) => {
      const seen: Array<ReturnType<typeof copy>> = [];
      startBands(setup, v, estimates, costs, draws, seed, (_, out) => seen.push(copy(out))).run(draws);
      return seen;
    };
    expect(led).toEqual(alone(vectors));
    others.forEach((v, i) => {
      const own = alone(v);
      expect(followed[i]).toEqual(own);
      // Not trivially so: the interventions that change the totals do change them in some draw.
      if (i < 3) expect(own).not.toEqual(led);
    });
  });
});
