// An intervention worked by hand on a steady authority: 300 referrals a month, 1 in 50 comes into care
// (6 children a month), and children leave care at a constant rate of one in six a month (an expected stay
// of six months). Stopping half of the entries for a year keeps 36 children out of care, and saves what 36
// children times six months times the weekly cost says.
import { describe, expect, it } from 'vitest';
import type { Estimates } from '../../shared/engine/children/estimates.ts';
import { monthOfIso, weeksPerMonth } from '../../shared/engine/core/months.ts';
import type { ProjectionSetup } from '../../shared/engine/children/project.ts';
import { projectScenario } from '../../shared/engine/children/run-model.ts';
import { ScenarioSchema } from '../../shared/engine/scenario.ts';
import { interventionSentence } from '../../shared/text/intervention-words.ts';

const start = monthOfIso('2025-04-01');
const horizon = 120;
const exitRate = 1 / 6;

function steadyAuthority(): ProjectionSetup {
  const none = { duration: new Float64Array(0), monthsTo18: new Float64Array(0), count: new Float64Array(0) };
  // Children already in care at the steady level: they are the same with and without the intervention.
  const open = { duration: Float64Array.from([0, 3, 6, 12]), monthsTo18: Float64Array.from([Infinity, Infinity, Infinity, Infinity]), count: Float64Array.from([12, 10, 8, 6]) };
  const rates = new Float64Array(240).fill(exitRate);
  return {
    startMonth: start,
    horizon,
    referralsBefore: Array(7).fill(300),
    referral: { level: 300, trendPerYear: 0, seasonality: Array(12).fill(1), anchorMonth: start - 1 },
    cpp: { perReferral: 0, lagWeights: [1], rates: new Float64Array(240).fill(0.1), open: none, entryAgeShares: null },
    cla: { perReferral: 0.02, lagWeights: [1], rates, open, entryAgeShares: null },
  };
}

// Only the placement mix is read (for unit costs) when no draws are made; none is known here.
const estimates = { placementMix: {} } as unknown as Estimates;

describe('an intervention on a steady authority, worked by hand', () => {
  it('stopping 36 entries to care saves 36 children x 6 months x the weekly cost', () => {
    const weekly = 1_000;
    const scenario = ScenarioSchema.parse({
      name: 'Edge of care',
      costs: { claWeekly: weekly, cppMonthly: 0 },
      interventions: [{ name: 'Edge of care team', from: '2025-04-01', to: '2026-03-31', costPerYear: 300_000, effects: { claStartChange: -0.5 } }],
    });
    const s = projectScenario(steadyAuthority(), estimates, scenario, { draws: 0, seed: 1 }, null);
    const o = s.interventions[0]!;
    // 6 a month for 12 months, half of them stopped.
    expect(o.expected.childrenKeptOutOfCare).toBeCloseTo(36, 9);
    expect(o.expected.plansAvoided).toBe(0);
    // Each child kept out would have stayed six months on average (counted at month ends, as the model
    // counts children in care), at the weekly cost for the weeks of those months.
    const byHand = 36 * 6 * weeksPerMonth * weekly;
    expect(byHand).toBeCloseTo(939_214, 0);
    expect(o.expected.childMonthsInCareAvoided / (36 * 6)).toBeCloseTo(1, 2);
    expect(o.expected.saving / byHand).toBeCloseTo(1, 2);
    expect(o.expected.cost).toBeCloseTo(300_000, 6);
    // Saving £0.94m for £0.3m: it pays for itself within its year, when 36 x (months so far) of care
    // have been avoided... the month the cumulative lines cross.
    const p = o.paybackMonth!;
    expect(o.cumulativeSaving[p]!).toBeGreaterThanOrEqual(o.cumulativeCost[p]!);
    expect(o.cumulativeSaving[p - 1]!).toBeLessThan(o.cumulativeCost[p - 1]!);
    const month = ['April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December', 'January', 'February', 'March'][p];
    expect(interventionSentence(o, start, horizon)).toMatch(
      new RegExp(`^Edge of care team: for £300,000 a year, it keeps about 36 children out of care and saves £93\\d,\\d00 over the ten years projected \\(April 2025 to March 2035\\); it pays for itself from ${month} ${p < 9 ? 2025 : 2026}\\.$`),
    );
  });

  it('an intervention that only adds cost never pays back, and says so', () => {
    const scenario = ScenarioSchema.parse({ costs: { claWeekly: 1_000 }, interventions: [{ name: 'Extra panel', from: '2025-04-01', costPerYear: 50_000 }] });
    const s = projectScenario(steadyAuthority(), estimates, scenario, { draws: 0, seed: 1 }, null);
    const o = s.interventions[0]!;
    expect(o.paybackMonth).toBeNull();
    expect(o.expected.cost).toBeCloseTo(500_000, 6);
    expect(interventionSentence(o, start, horizon)).toBe('Extra panel: for £50,000 a year, it saves nothing on services over the ten years projected (April 2025 to March 2035); it does not pay for itself within them.');
  });
});
