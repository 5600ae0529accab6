// Cases worked by hand: the projection must agree with arithmetic anyone can check.
import { describe, expect, it } from 'vitest';
import { allocateSeries, centralDraw, runProjection, type ProjectionSetup } from '../../shared/engine/children/project.ts';
import { baselineScenario, ScenarioSchema } from '../../shared/engine/scenario.ts';
import { scenarioVectors } from '../../shared/engine/children/scenario-vectors.ts';
import { monthOfIso } from '../../shared/engine/core/months.ts';
import { survivalSummary } from '../../shared/engine/core/spell-hazards.ts';

const start = monthOfIso('2025-01-01');
const flat = Array(12).fill(1);

function setup(overrides: { level?: number; rate?: number; open?: Array<[duration: number, to18: number, count: number]>; claAges?: number[] | null; perReferral?: number; horizon?: number } = {}): ProjectionSetup {
  const rates = new Float64Array(240).fill(overrides.rate ?? 0.05);
  const open = overrides.open ?? [];
  const cases = {
    duration: Float64Array.from(open.map((o) => o[0])),
    monthsTo18: Float64Array.from(open.map((o) => o[1])),
    count: Float64Array.from(open.map((o) => o[2])),
  };
  const series = { perReferral: overrides.perReferral ?? 0, lagWeights: [1], rates, open: cases, entryAgeShares: null };
  return {
    startMonth: start,
    horizon: overrides.horizon ?? 60,
    referralsBefore: Array(7).fill(overrides.level ?? 0),
    referral: { level: overrides.level ?? 0, trendPerYear: 0, seasonality: flat, anchorMonth: start - 1 },
    cpp: series,
    cla: { ...series, entryAgeShares: overrides.claAges ?? null },
  };
}

const run = (s: ProjectionSetup, scenario = baselineScenario) => runProjection(s, scenarioVectors(scenario, s.startMonth, s.horizon), centralDraw(s), allocateSeries(s.horizon));

describe('the projection, worked by hand', () => {
  it('a cohort under a constant exit rate decays geometrically', () => {
    const out = run(setup({ rate: 0.1, open: [[5, Infinity, 1000]] }));
    for (let t = 0; t < 24; t++) expect(out.cppOpen[t]).toBeCloseTo(1000 * Math.exp(-0.1 * (t + 1)), 1);
    for (let t = 1; t < 24; t++) expect(out.cppOpen[t]! / out.cppOpen[t - 1]!).toBeCloseTo(Math.exp(-0.1), 3);
    expect(out.cppEnds[0]).toBeCloseTo(1000 - out.cppOpen[0]!, 6);
  });

  it('at equilibrium, stock = inflow x mean duration', () => {
    // 300 referrals a month, 1 in 10 becomes a plan: 30 starts a month; exit rate 0.05 a month: mean 20 months.
    const out = run(setup({ level: 300, perReferral: 0.1, rate: 0.05, horizon: 240 }));
    const mean = survivalSummary(new Float64Array(240).fill(0.05)).meanMonths;
    expect(mean).toBeCloseTo(20, 1);
    expect(out.cppStarts[100]).toBeCloseTo(30, 6);
    expect(out.cppOpen[239]! / (30 * mean)).toBeCloseTo(1, 2);
    // In equilibrium as many end as start each month.
    expect(out.cppEnds[239]).toBeCloseTo(out.cppStarts[239]!, 1);
  });

  it('a shock whose lost referrals all come back conserves total referrals', () => {
    const shock = ScenarioSchema.parse({ shocks: [{ from: '2025-03-01', to: '2025-05-31', referralChange: -0.4, returnShare: 1, returnMonths: 4 }] });
    const base = run(setup({ level: 300 }));
    const shocked = run(setup({ level: 300 }), shock);
    const sum = (a: Float64Array) => a.reduce((x, y) => x + y, 0);
    expect(shocked.referrals[3]).toBeCloseTo(180, 6); // April: 40% fewer
    expect(shocked.referrals[5]).toBeCloseTo(300 + (3 * 120) / 4, 6); // June: a quarter of the 360 lost comes back
    expect(sum(shocked.referrals)).toBeCloseTo(sum(base.referrals), 6);
    const halfBack = run(setup({ level: 300 }), ScenarioSchema.parse({ shocks: [{ ...shock.shocks[0], returnShare: 0.5 }] }));
    expect(sum(base.referrals) - sum(halfBack.referrals)).toBeCloseTo(180, 6);
  });

  it('children leave care at 18', () => {
    // 40 children in care turn 18 in month 5; 25 more have no known date of birth; the exit rate is tiny.
    const out = run(setup({ rate: 1e-6, open: [[10, 5, 40], [10, Infinity, 25]] }));
    expect(out.claOpen[3]).toBeCloseTo(65, 3);
    expect(out.claAgedOut[4]).toBeCloseTo(40, 3);
    expect(out.claOpen[4]).toBeCloseTo(25, 3);
    // Children entering care at 17 leave within the year; those entering at 5 stay.
    const entrants = run(setup({ level: 100, perReferral: 0.1, rate: 1e-6, claAges: [...Array(5).fill(0), 0.5, ...Array(11).fill(0), 0.5], horizon: 24 }));
    expect(entrants.claAgedOut.slice(0, 6).reduce((a, b) => a + b, 0)).toBeCloseTo(0, 6);
    expect(entrants.claAgedOut[6]).toBeCloseTo(5, 3); // the 17-year-olds who entered in the first month
    expect(entrants.claOpen[23]).toBeCloseTo(24 * 5 + 6 * 5, 0); // all 5-year-olds, and the last six months of 17-year-olds
  });

  it('exits slow down while a shock lasts', () => {
    const shock = ScenarioSchema.parse({ shocks: [{ from: '2025-01-01', to: '2025-06-30', claExitChange: -0.5 }] });
    const out = run(setup({ rate: 0.1, open: [[5, Infinity, 1000]] }), shock);
    expect(out.claOpen[5]).toBeCloseTo(1000 * Math.exp(-0.05 * 6), 1);
    expect(out.claOpen[6]! / out.claOpen[5]!).toBeCloseTo(Math.exp(-0.1), 3);
  });
});
