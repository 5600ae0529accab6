// The estimators and the projection against generated authorities whose true rates and future are known
// (shared/synthetic/authority.ts). Tolerances are the estimators' own stated uncertainty.
import { describe, expect, it } from 'vitest';
import { defaultDurations } from '../../shared/engine/children/estimates.ts';
import { monthlyRates, survivalSummary } from '../../shared/engine/core/spell-hazards.ts';
import { monthOfIso } from '../../shared/engine/core/months.ts';
import { runModel } from '../../shared/engine/children/run-model.ts';
import { ScenarioSchema } from '../../shared/engine/scenario.ts';
import { defaultAuthorityParameters } from '../../shared/synthetic/authority.ts';
import { extractsOf, generated, sixMonthlyExtracts, trueOpen } from '../support/generated-extracts.ts';

const truth = defaultAuthorityParameters();

describe('estimators on a generated authority with known rates', () => {
  const authority = generated(11);
  const dataset = extractsOf(authority, sixMonthlyExtracts);
  const { estimates, history } = runModel(dataset, [], { horizon: 12, draws: 0 });

  it('rebuilds 42 complete months from seven stacked extracts', () => {
    expect(history.months.length).toBe(42);
    expect(history.series.referrals.every((v) => v !== null)).toBe(true);
  });

  it('recovers the referral level, the flat trend and the seasonal pattern', () => {
    const r = estimates.referrals;
    expect(r.seasonalityEstimated).toBe(true);
    expect(Math.abs(r.level - truth.referralsPerMonth)).toBeLessThan(3 * r.levelSe);
    expect(Math.abs(r.trendPerYear - truth.referralTrendPerYear)).toBeLessThan(3 * r.trendSe);
    r.seasonality.forEach((s, m) => expect(Math.abs(s - truth.seasonality[m]!), `month ${m + 1}`).toBeLessThan(3.5 * r.seasonalitySe[m]!));
    expect(Math.max(...r.seasonalitySe)).toBeLessThan(0.06);
  });

  it('recovers conversion to plans and to care within their stated uncertainty', () => {
    // The generator's realised rates: a child already on a plan (or in care) cannot start another.
    const from = '2021-04-01';
    const to = '2024-09-30';
    const referrals = authority.referrals.filter((r) => r.date >= from && r.date <= to).length;
    const plans = authority.plans.filter((p) => p.start >= from && p.start <= to).length / referrals;
    const care = authority.care.filter((c) => c.start >= from && c.start <= to).length / referrals;
    expect(Math.abs(estimates.cpp.conversion.perReferral - plans)).toBeLessThan(3 * estimates.cpp.conversion.se);
    expect(Math.abs(estimates.cla.conversion.perReferral - care)).toBeLessThan(3 * estimates.cla.conversion.se);
    expect(Math.abs(estimates.cpp.conversion.perReferral - truth.cppPerReferral)).toBeLessThan(0.015);
    expect(estimates.cpp.conversion.lagFromData).toBe(true);
    expect(estimates.cpp.conversion.meanLagMonths).toBeGreaterThan(0.8);
    expect(estimates.cpp.conversion.meanLagMonths).toBeLessThan(2.2);
  });

  it('recovers how long plans and care last, despite left truncation and right censoring', () => {
    const trueCpp = survivalSummary(monthlyRates(defaultDurations.cpp()));
    const trueCla = survivalSummary(monthlyRates(defaultDurations.cla()));
    const tolerance = (median: number, logSe: number) => median * (Math.exp(3 * logSe) - 1) + 0.5;
    expect(Math.abs(estimates.cpp.duration.medianMonths - trueCpp.medianMonths)).toBeLessThan(tolerance(trueCpp.medianMonths, estimates.cpp.duration.logSe));
    expect(Math.abs(estimates.cla.duration.medianMonths - trueCla.medianMonths)).toBeLessThan(tolerance(trueCla.medianMonths, estimates.cla.duration.logSe));
  });

  it('measures the ages of children entering care', () => {
    expect(estimates.cla.entryAgesFromData).toBe(true);
    expect(estimates.cla.entryAgeShares.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 6);
  });
});

describe('the projection against what the generated authority then did', () => {
  const seeds = [21, 22, 23, 24];
  const horizon = 24;
  const shock = { from: '2025-01-01', to: '2025-03-31', referralChange: -0.4, returnShare: 0.5, returnMonths: 4, cppExitChange: -0.3, claExitChange: -0.3 };
  const checkpoints = [monthOfIso('2025-05-01'), monthOfIso('2025-09-01'), monthOfIso('2026-09-01')];

  // Each seed: fit on extracts up to September 2024, then compare with the simulated months after it.
  const runs = seeds.map((seed) => {
    const plain = generated(seed, { to: '2026-09-30' });
    const shocked = generated(seed, { to: '2026-09-30', parameters: { shocks: [shock] } });
    const scenario = ScenarioSchema.parse({ name: 'Shock', shocks: [shock] });
    const plainRun = runModel(extractsOf(plain, sixMonthlyExtracts), [], { horizon, draws: 200, seed });
    const shockedRun = runModel(extractsOf(shocked, sixMonthlyExtracts), [], { horizon, draws: 0, scenarios: [scenario] });
    return { plain, shocked, plainRun, shockedRun };
  });

  it('tracks the expected future: the baseline is within 6% of what happened, on average over authorities', () => {
    for (const list of ['plans', 'care'] as const) {
      for (const month of checkpoints) {
        let error = 0;
        for (const { plain, plainRun } of runs) {
          const t = month - plainRun.setup.startMonth;
          const projected = list === 'plans' ? plainRun.baseline.series.cppOpen[t]! : plainRun.baseline.series.claOpen[t]!;
          error += (projected - trueOpen(plain, list, month)) / trueOpen(plain, list, month);
        }
        expect(Math.abs(error / runs.length), `${list} ${month}`).toBeLessThan(0.06);
      }
    }
  });

  it('puts what happened inside the p10-p90 band most of the time', () => {
    let inside = 0;
    let checks = 0;
    for (const { plain, plainRun } of runs) {
      const bands = plainRun.baseline.bands!;
      for (const month of checkpoints) {
        const t = month - plainRun.setup.startMonth;
        for (const [list, band] of [['plans', bands.cppOpen], ['care', bands.claOpen]] as const) {
          const actual = trueOpen(plain, list, month);
          checks++;
          if (actual >= band.p10[t]! && actual <= band.p90[t]!) inside++;
        }
      }
    }
    // 80% bands: expect about 19 of 24; fewer than 14 would mean the bands are too narrow.
    expect(inside / checks).toBeGreaterThanOrEqual(0.6);
  });

  it('a shock scenario tracks an authority that lives through that shock, and the baseline does not', () => {
    const during = [monthOfIso('2025-01-01'), monthOfIso('2025-02-01'), monthOfIso('2025-03-01')];
    const sum = (values: ArrayLike<number>, setupStart: number) => during.reduce((total, m) => total + values[m - setupStart]!, 0);
    let actualReferrals = 0;
    let scenarioReferrals = 0;
    let baselineReferrals = 0;
    let actualStarts = 0;
    let scenarioStarts = 0;
    let baselineStarts = 0;
    for (const { shocked, shockedRun } of runs) {
      const start = shockedRun.setup.startMonth;
      actualReferrals += shocked.referrals.filter((r) => r.date >= '2025-01-01' && r.date <= '2025-03-31').length;
      actualStarts += shocked.plans.filter((p) => p.start >= '2025-01-01' && p.start <= '2025-03-31').length;
      scenarioReferrals += sum(shockedRun.scenarios[0]!.series.referrals, start);
      baselineReferrals += sum(shockedRun.baseline.series.referrals, start);
      scenarioStarts += sum(shockedRun.scenarios[0]!.series.cppStarts, start);
      baselineStarts += sum(shockedRun.baseline.series.cppStarts, start);
    }
    expect(Math.abs(scenarioReferrals / actualReferrals - 1)).toBeLessThan(0.05);
    expect(baselineReferrals / actualReferrals - 1).toBeGreaterThan(0.4);
    expect(Math.abs(scenarioStarts / actualStarts - 1)).toBeLessThan(0.12);
    expect(baselineStarts / actualStarts - 1).toBeGreaterThan(0.25);
    // Open plans and children in care stay on track through the shock and after it.
    for (const list of ['plans', 'care'] as const) {
      for (const month of checkpoints) {
        let error = 0;
        for (const { shocked, shockedRun } of runs) {
          const t = month - shockedRun.setup.startMonth;
          const projected = list === 'plans' ? shockedRun.scenarios[0]!.series.cppOpen[t]! : shockedRun.scenarios[0]!.series.claOpen[t]!;
          error += (projected - trueOpen(shocked, list, month)) / trueOpen(shocked, list, month);
        }
        expect(Math.abs(error / runs.length), `${list} ${month}`).toBeLessThan(0.06);
      }
    }
  });
});
