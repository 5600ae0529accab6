// Housing scenarios move the projection the way they say: a new normal in approaches, a wave of evictions
// (a shock), faster move-on from TA, prevention that keeps households out of TA, and the council's own
// nightly costs. A mistake in a housing field is named.
import { describe, expect, it } from 'vitest';
import { parseScenario, type Scenario } from '../../shared/engine/scenario.ts';
import { runHousingModel } from '../../shared/engine/housing/run-housing-model.ts';
import { simulateHousing } from '../../shared/synthetic/housing-authority.ts';
import { housingDatasetOf } from '../../shared/synthetic/housing-dataset.ts';

const dataset = housingDatasetOf(simulateHousing({ seed: 5, from: '2017-04-01', to: '2024-03-31' }), '2021-04-01', '2024-03-31');
const baseline = runHousingModel(dataset, null, { horizon: 24, draws: 0 }).projection.baseline;

function scenario(raw: unknown): Scenario {
  const parsed = parseScenario(raw);
  if (!parsed.ok) throw new Error(parsed.messages.join('; '));
  return parsed.scenario;
}
const run = (raw: unknown) => runHousingModel(dataset, scenario(raw), { horizon: 24, draws: 0 }).projection;
const total = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

describe('housing scenarios', () => {
  it('a new normal of 20% more approaches: 20% more approaches and duties, then more entries and households in TA', () => {
    const p = run({ newNormal: { from: '2024-04-01', approachChange: 0.2 } }).scenario!;
    p.approaches.forEach((a, t) => expect(a / baseline.approaches[t]!).toBeCloseTo(1.2, 6));
    expect(p.dutiesOwed[5]! / baseline.dutiesOwed[5]!).toBeCloseTo(1.2, 6);
    expect(p.taStarts[12]! / baseline.taStarts[12]!).toBeGreaterThan(1.15);
    expect(p.taOpen[23]!).toBeGreaterThan(baseline.taOpen[23]! * 1.05);
    expect(total(p.cost)).toBeGreaterThan(total(baseline.cost));
  });

  it('a wave of evictions (a shock in approaches) raises households in TA after it, and they stay raised a while', () => {
    const p = run({ shocks: [{ from: '2024-06-01', to: '2024-08-31', approachChange: 0.5 }] }).scenario!;
    expect(p.approaches[3]! / baseline.approaches[3]!).toBeCloseTo(1.5, 6);
    expect(p.approaches[8]!).toBeCloseTo(baseline.approaches[8]!, 6);
    expect(p.taOpen[8]!).toBeGreaterThan(baseline.taOpen[8]!);
    expect(p.taOpen[20]! - baseline.taOpen[20]!).toBeLessThan(p.taOpen[8]! - baseline.taOpen[8]!);
  });

  it('faster move-on from TA lowers households in TA, nights and cost; slower raises them', () => {
    const faster = run({ shocks: [{ from: '2024-04-01', to: '2025-03-31', taExitChange: 0.3 }] }).scenario!;
    const slower = run({ newNormal: { from: '2024-04-01', taExitChange: -0.2 } }).scenario!;
    expect(faster.taOpen[11]!).toBeLessThan(baseline.taOpen[11]! * 0.95);
    expect(total(faster.taNights)).toBeLessThan(total(baseline.taNights));
    expect(total(faster.cost)).toBeLessThan(total(baseline.cost));
    expect(slower.taOpen[11]!).toBeGreaterThan(baseline.taOpen[11]! * 1.03);
    // Approaches do not change with move-on.
    expect(faster.approaches).toEqual(baseline.approaches);
  });

  it('prevention that keeps 30% of households out of TA while it runs: fewer entries, households in TA and cost', () => {
    const p = run({ interventions: [{ name: 'Prevention team', from: '2024-04-01', to: '2026-03-31', costPerYear: 250000, effects: { taStartChange: -0.3 } }] }).scenario!;
    expect(p.taStarts[6]! / baseline.taStarts[6]!).toBeCloseTo(0.7, 6);
    expect(p.taOpen[23]!).toBeLessThan(baseline.taOpen[23]!);
    expect(total(p.cost)).toBeLessThan(total(baseline.cost));
    expect(p.approaches).toEqual(baseline.approaches);
  });

  it('weighs a prevention team: its cost, the TA cost it saves, households kept out of TA, and when it pays back', () => {
    const projection = run({ interventions: [{ name: 'Prevention team', from: '2024-04-01', to: '2026-03-31', costPerYear: 250000, effects: { taStartChange: -0.3 } }] });
    const [team] = projection.scenario!.interventions;
    expect(team!.name).toBe('Prevention team');
    expect(team!.cost[0]).toBeCloseTo(250000 / 12, 6);
    // Without its only intervention the scenario is the baseline: the saving is the baseline's cost less the scenario's.
    team!.saving.forEach((saving, t) => expect(saving).toBeCloseTo(baseline.cost[t]! - projection.scenario!.cost[t]!, 4));
    expect(team!.totals.saving).toBeGreaterThan(0);
    expect(team!.totals.householdsKeptOutOfTa).toBeCloseTo(total(baseline.taStarts) - total(projection.scenario!.taStarts), 6);
    expect(team!.totals.householdsKeptOutOfTa).toBeGreaterThan(50);
    // Savings grow as households kept out would have stayed for months; at these nightly costs some 260 fewer
    // entries a year pay for a £250,000 team within its first year.
    expect(team!.saving[20]!).toBeGreaterThan(team!.saving[2]!);
    expect(team!.totals.saving).toBeGreaterThan(team!.totals.cost);
    expect(team!.totals.net).toBeCloseTo(team!.totals.cost - team!.totals.saving, 4);
    expect(team!.paybackMonth).not.toBeNull();
    expect(team!.paybackMonth! >= '2024-04' && team!.paybackMonth! <= '2025-03').toBe(true);
  });

  it("the council's own nightly costs: cost is nights times them, in the baseline and the scenario", () => {
    const nightly = { bedAndBreakfast: 100, nightlyPaid: 70, hostel: 50, privateLeased: 40, socialHousing: 20, other: 60 };
    const projection = run({ costs: { taNightly: nightly } });
    for (const p of [projection.baseline, projection.scenario!]) {
      p.cost.forEach((c, t) => expect(c).toBeCloseTo(Object.entries(nightly).reduce((s, [type, pounds]) => s + pounds * p.nightsByType[type as keyof typeof nightly][t]!, 0), 4));
    }
    // Only the B&B cost given: the other types keep their defaults, each marked to be replaced.
    const result = runHousingModel(dataset, scenario({ costs: { taNightly: { bedAndBreakfast: 120 } } }), { horizon: 3, draws: 0 });
    expect(result.estimates.taNightly.bedAndBreakfast).toEqual({ nightly: 120, isDefault: false, source: null });
    expect(result.estimates.taNightly.hostel.isDefault).toBe(true);
    expect(result.estimates.taNightly.hostel.source).toContain('Replace with yours');
  });

  it('names the field of a mistake in a housing scenario', () => {
    const messages = (raw: unknown) => {
      const parsed = parseScenario(raw);
      return parsed.ok ? [] : parsed.messages;
    };
    expect(messages({ costs: { taNightly: { castle: 90 } } }).join(' ')).toContain('costs.taNightly.castle');
    expect(messages({ costs: { taNightly: { hostel: -5 } } }).join(' ')).toContain('costs.taNightly.hostel: must be at least 0');
    expect(messages({ shocks: [{ from: '2024-01-01', to: '2024-02-01', taExitChange: -2 }] }).join(' ')).toContain('shocks[0].taExitChange: must be at least -0.95');
    expect(messages({ newNormal: { from: '2024-01-01', approachChange: 'more' } }).join(' ')).toContain('newNormal.approachChange');
  });
});
