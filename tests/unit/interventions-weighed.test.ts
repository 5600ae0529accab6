// Interventions weighed cost against outcome on the demo authority (its List 8 gives placements): every
// intervention against the same scenario without it, on the same draws, so the books balance to the pound.
import { beforeAll, describe, expect, it } from 'vitest';
import { buildHistory } from '../../shared/engine/children/history.ts';
import { estimate, type Estimates } from '../../shared/engine/children/estimates.ts';
import { monthLabel } from '../../shared/engine/core/months.ts';
import { costedBaseline, prepareProjection, projectScenario, type PreparedProjection, type ProjectedScenario } from '../../shared/engine/children/run-model.ts';
import { ScenarioSchema, type ScenarioInput } from '../../shared/engine/scenario.ts';
import { withoutIntervention } from '../../shared/engine/core/interventions-running.ts';
import { demoImport } from '../../shared/synthetic/demo.ts';

const H = 36;
const options = { draws: 200, seed: 7 };
let prepared: PreparedProjection;
let estimates: Estimates;
let from: string;
let twoYearsOn: string;

beforeAll(() => {
  const { dataset } = demoImport();
  const history = buildHistory(dataset, []);
  estimates = estimate(dataset, history, []);
  prepared = prepareProjection(dataset, history, estimates, H);
  // A two-year intervention from the projection's third month.
  const first = prepared.setup.startMonth + 2;
  from = `${monthLabel(first)}-01`;
  const last = first + 23;
  twoYearsOn = new Date(Date.UTC(Math.floor(last / 12), (last % 12) + 1, 0)).toISOString().slice(0, 10);
});

const project = (input: ScenarioInput, draws = options.draws): ProjectedScenario =>
  projectScenario(prepared.setup, estimates, ScenarioSchema.parse(input), { draws, seed: options.seed }, prepared.placementSetup);
const total = (values: ArrayLike<number>) => Array.from(values).reduce((a, b) => a + b, 0);

describe('an intervention weighed against the same scenario without it', () => {
  it('with no effect costs exactly what it says and saves exactly nothing, in every draw; it never pays back', () => {
    const s = project({ name: 'Pays for nothing', interventions: [{ name: 'Idle team', from, to: twoYearsOn, costPerYear: 240_000 }] });
    expect(prepared.placementSetup).not.toBeNull();
    const o = s.interventions[0]!;
    expect(total(o.cost)).toBeCloseTo(480_000, 6);
    expect(o.cost[0]).toBe(0); // not yet running
    expect(o.cost[2]).toBeCloseTo(20_000, 9);
    expect(Array.from(o.saving).every((v) => v === 0)).toBe(true);
    expect(o.ranges!.saving).toEqual({ p10: 0, p50: 0, p90: 0 });
    expect(o.ranges!.childrenKeptOutOfCare).toEqual({ p10: 0, p50: 0, p90: 0 });
    expect(o.ranges!.cumulativeSaving.p90.every((v) => v === 0)).toBe(true);
    expect(o.paybackMonth).toBeNull();
    // The scenario spends what the baseline spends plus the team.
    const base = project(costedBaseline([ScenarioSchema.parse({})]) as ScenarioInput);
    s.cost.forEach((v, t) => expect(v - base.cost[t]!).toBeCloseTo(o.cost[t]!, 4));
  }, 60_000);

  it('housing effects are accepted but change nothing in children’s services', () => {
    const s = project({ interventions: [{ name: 'Prevention', from, costPerYear: 100_000, effects: { approachChange: -0.3, taStartChange: -0.2, taExitChange: 0.1 } }] }, 0);
    expect(Array.from(s.interventions[0]!.saving).every((v) => v === 0)).toBe(true);
  });

  it('balances month by month: net = cost - saving; scenario spend - baseline = the intervention’s net + the scenario’s other changes', () => {
    const shock = { from, to: twoYearsOn, referralChange: 0.1 };
    const edge = { name: 'Edge of care team', from, to: twoYearsOn, costPerYear: 400_000, effects: { claStartChange: -0.15 } };
    const s = project({ name: 'Busier, with a team', shocks: [shock], interventions: [edge] });
    const withoutIt = project({ name: 'Busier', shocks: [shock] }, 0);
    const base = project(costedBaseline([ScenarioSchema.parse({})]) as ScenarioInput, 0);
    const o = s.interventions[0]!;
    expect(o.expected.saving).toBeGreaterThan(0);
    for (let t = 0; t < H; t++) {
      expect(o.net[t]).toBeCloseTo(o.cost[t]! - o.saving[t]!, 6);
      expect(o.saving[t]).toBeCloseTo(withoutIt.serviceCost[t]! - s.serviceCost[t]!, 4);
      expect(s.cost[t]! - base.cost[t]!).toBeCloseTo(o.net[t]! + (withoutIt.cost[t]! - base.cost[t]!), 4);
    }
    expect(o.expected.net).toBeCloseTo(o.expected.cost - o.expected.saving, 4);
    // Totals over the draws: net's percentiles mirror saving's.
    const r = o.ranges!;
    expect(r.net.p10).toBeCloseTo(o.expected.cost - r.saving.p90, 4);
    expect(r.net.p90).toBeCloseTo(o.expected.cost - r.saving.p10, 4);
  }, 60_000);

  it('pays back in the month the cumulative lines cross, and its ranges are ordered and tight (common random numbers)', () => {
    const s = project({ interventions: [{ name: 'Edge of care team', from, to: twoYearsOn, costPerYear: 400_000, effects: { claStartChange: -0.2 } }, { name: 'Conferences', from, costPerYear: 150_000, effects: { cppStartChange: -0.1, claStartChange: -0.05 } }] });
    for (const o of s.interventions) {
      const p = o.paybackMonth!;
      expect(p).not.toBeNull();
      expect(o.cumulativeSaving[p]!).toBeGreaterThanOrEqual(o.cumulativeCost[p]!);
      expect(o.cumulativeSaving[p - 1]!).toBeLessThan(o.cumulativeCost[p - 1]!);
      const r = o.ranges!;
      for (const q of [r.saving, r.net, r.childrenKeptOutOfCare, r.plansAvoided, r.childMonthsInCareAvoided]) {
        expect(q.p10).toBeLessThanOrEqual(q.p50);
        expect(q.p50).toBeLessThanOrEqual(q.p90);
      }
      for (let t = 0; t < H; t++) {
        expect(r.cumulativeSaving.p10[t]!).toBeLessThanOrEqual(r.cumulativeSaving.p50[t]!);
        expect(r.cumulativeSaving.p50[t]!).toBeLessThanOrEqual(r.cumulativeSaving.p90[t]!);
      }
      // Drawn with the same random numbers with and without it, the saving is the intervention's, not
      // noise: its whole likely range is a saving, around the expected figure.
      expect(r.saving.p10).toBeGreaterThan(0.5 * o.expected.saving);
      expect(r.saving.p90).toBeLessThan(1.5 * o.expected.saving);
      expect(r.childrenKeptOutOfCare.p10).toBeGreaterThan(0);
    }
    // Children kept out of care by the conferences, and plans avoided, roughly as their rates say.
    const fgc = s.interventions[1]!;
    expect(fgc.expected.plansAvoided).toBeGreaterThan(0);
    // The scenario's spend includes both running costs.
    s.cost.forEach((v, t) => expect(v).toBeCloseTo(s.serviceCost[t]! + s.interventions[0]!.cost[t]! + fgc.cost[t]!, 4));
  }, 60_000);

  it('acts only while it runs: before it starts nothing differs; its placement shifts end with it', () => {
    const stepDown = { name: 'Step-down', from, to: twoYearsOn, costPerYear: 300_000, placementShifts: [{ from: 'residential', to: 'foster', share: 0.2, overMonths: 6 }] };
    const s = project({ interventions: [stepDown] }, 0);
    const without = project(withoutIntervention(ScenarioSchema.parse({ interventions: [stepDown] }), 0), 0);
    const o = s.interventions[0]!;
    expect(o.saving[0]).toBe(0);
    expect(o.saving[1]).toBe(0);
    expect(o.saving[5]!).toBeGreaterThan(0); // residential costs more than fostering
    expect(o.expected.childrenKeptOutOfCare).toBe(0); // the same children, elsewhere
    const end = 2 + 24; // the first month after it ends
    expect(s.placements!.byGroup.residential[end - 1]!).toBeLessThan(without.placements!.byGroup.residential[end - 1]!);
    expect(s.placements!.byGroup.residential[end]!).toBeCloseTo(without.placements!.byGroup.residential[end]!, 9);
    expect(o.saving[end]).toBeCloseTo(0, 6);
  });
});
