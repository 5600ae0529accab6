// No NaN or Infinity can come out, whatever valid parameters and datasets go in; and an invalid scenario
// is refused with its field named.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ClaRecord, CppRecord, Dataset, ReferralRecord } from '../../shared/dataset/types.ts';
import { allocateSeries, centralDraw, runProjection, type ProjectionSetup } from '../../shared/engine/children/project.ts';
import { runModel } from '../../shared/engine/children/run-model.ts';
import { parseScenario, ScenarioSchema } from '../../shared/engine/scenario.ts';
import { scenarioVectors } from '../../shared/engine/children/scenario-vectors.ts';
import { isoFromDayNumber, dayNumber } from '../../shared/import/values/dates.ts';
import { buildResultJson } from '../../shared/result/result-json.ts';
import { createRandom } from '../../shared/engine/core/random.ts';
import { monthOfIso } from '../../shared/engine/core/months.ts';

const finiteEverywhere = (series: Record<string, ArrayLike<number>>) => {
  for (const [name, values] of Object.entries(series)) for (let i = 0; i < values.length; i++) expect(Number.isFinite(values[i]!), `${name}[${i}]`).toBe(true);
};

const shockArb = fc.record({
  from: fc.integer({ min: 0, max: 2000 }).map((d) => isoFromDayNumber(dayNumber('2024-01-01') + d)),
  days: fc.integer({ min: 0, max: 400 }),
  referralChange: fc.double({ min: -1, max: 5, noNaN: true }),
  returnShare: fc.double({ min: 0, max: 1, noNaN: true }),
  returnMonths: fc.integer({ min: 1, max: 60 }),
  cppExitChange: fc.double({ min: -0.95, max: 5, noNaN: true }),
  claExitChange: fc.double({ min: -0.95, max: 5, noNaN: true }),
}).map(({ days, ...s }) => ({ ...s, to: isoFromDayNumber(dayNumber(s.from) + days) }));

const scenarioArb = fc.record({
  shocks: fc.array(shockArb, { maxLength: 3 }),
  referralTrendPerYear: fc.double({ min: -0.5, max: 1, noNaN: true }),
  conversionChange: fc.record({ cpp: fc.double({ min: -0.95, max: 5, noNaN: true }), cla: fc.double({ min: -0.95, max: 5, noNaN: true }) }),
  newNormal: fc.option(fc.record({ from: fc.constantFrom('2024-06-01', '2025-01-15', '2030-01-01'), referralChange: fc.double({ min: -0.9, max: 5, noNaN: true }) }), { nil: undefined }),
  costs: fc.record({ claWeekly: fc.double({ min: 0, max: 50_000, noNaN: true }), cppMonthly: fc.double({ min: 0, max: 50_000, noNaN: true }) }),
  caseloads: fc.record({ cppPerWorker: fc.double({ min: 1, max: 200, noNaN: true }), claPerWorker: fc.double({ min: 1, max: 200, noNaN: true }) }),
});

describe('no NaN or Infinity', () => {
  it('for random valid projection parameters and scenarios, expected and drawn', () => {
    fc.assert(
      fc.property(
        fc.record({
          level: fc.double({ min: 0, max: 1e5, noNaN: true }),
          trend: fc.double({ min: -0.5, max: 1, noNaN: true }),
          perReferral: fc.double({ min: 0, max: 1, noNaN: true }),
          rate: fc.double({ min: 0, max: 50, noNaN: true }),
          open: fc.array(fc.tuple(fc.integer({ min: 0, max: 400 }), fc.oneof(fc.integer({ min: -5, max: 300 }), fc.constant(Infinity)), fc.double({ min: 0, max: 1e4, noNaN: true })), { maxLength: 20 }),
          horizon: fc.integer({ min: 1, max: 120 }),
        }),
        scenarioArb,
        fc.boolean(),
        (p, rawScenario, random) => {
          const rates = new Float64Array(240).map((_, k) => p.rate / (1 + k / 12));
          const open = { duration: Float64Array.from(p.open.map((o) => o[0])), monthsTo18: Float64Array.from(p.open.map((o) => o[1])), count: Float64Array.from(p.open.map((o) => o[2])) };
          const series = { perReferral: p.perReferral, lagWeights: [0.5, 0.3, 0.2], rates, open, entryAgeShares: null };
          const setup: ProjectionSetup = {
            startMonth: monthOfIso('2025-01-01'),
            horizon: p.horizon,
            referralsBefore: Array(7).fill(p.level),
            referral: { level: p.level, trendPerYear: p.trend, seasonality: Array(12).fill(1), anchorMonth: monthOfIso('2024-12-01') },
            cpp: series,
            cla: { ...series, entryAgeShares: Array(18).fill(1 / 18) },
          };
          const scenario = ScenarioSchema.parse(rawScenario);
          const out = runProjection(setup, scenarioVectors(scenario, setup.startMonth, setup.horizon), centralDraw(setup), allocateSeries(setup.horizon), undefined, random ? createRandom(7) : null);
          finiteEverywhere(out);
          for (const v of Object.values(out)) for (const x of v) expect(x).toBeGreaterThanOrEqual(-1e-9);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('for random small datasets through the whole model and the result JSON', () => {
    const day = (offset: number) => isoFromDayNumber(dayNumber('2023-01-01') + offset);
    const datasetArb = fc.record({
      referrals: fc.array(fc.record({ child: fc.constantFrom('C1', 'C2', 'C3', 'C4'), offset: fc.integer({ min: 0, max: 600 }) }), { maxLength: 40 }),
      cpp: fc.array(fc.record({ child: fc.constantFrom('C1', 'C2', 'C5'), start: fc.integer({ min: -2000, max: 600 }), length: fc.option(fc.integer({ min: 0, max: 900 }), { nil: null }) }), { maxLength: 15 }),
      cla: fc.array(fc.record({ child: fc.constantFrom('C1', 'C3', 'C6'), start: fc.integer({ min: -3000, max: 600 }), length: fc.option(fc.integer({ min: 0, max: 3000 }), { nil: null }), birth: fc.option(fc.integer({ min: -6500, max: 0 }), { nil: null }) }), { maxLength: 15 }),
      extractOffset: fc.integer({ min: 300, max: 640 }),
    });
    fc.assert(
      fc.property(datasetArb, scenarioArb, fc.integer({ min: 1, max: 120 }), (raw, rawScenario, horizon) => {
        const extractDate = day(raw.extractOffset);
        const clip = (start: number, length: number | null) => (length === null || start + length > raw.extractOffset ? null : day(start + length));
        const dataset: Dataset = {
          extracts: [{ id: 1, label: 'x', extractDate, extractDateSource: 'given' }],
          referrals: raw.referrals.filter((r) => r.offset <= raw.extractOffset).map((r): ReferralRecord => ({ child: r.child, birthMonth: null, extract: 1, referralDate: day(r.offset), ageYears: null, source: null, nfa: null, referralsInLast12Months: null })),
          cpp: raw.cpp.filter((c) => c.start <= raw.extractOffset).map((c): CppRecord => ({ child: c.child, birthMonth: null, extract: 1, startDate: day(c.start), endDate: clip(c.start, c.length), initialCategory: null, latestCategory: null, previousPlans: null })),
          cla: raw.cla.filter((c) => c.start <= raw.extractOffset).map((c): ClaRecord => ({ child: c.child, birthMonth: c.birth === null ? null : day(c.start + c.birth).slice(0, 7), extract: 1, startDate: day(c.start), endDate: clip(c.start, c.length), uasc: null, reasonCeased: null, legalStatus: null, categoryOfNeed: null, placementType: null, placementGroup: null, placementProvider: null })),
        };
        if (dataset.referrals.length === 0) return; // nothing to project from: refused with a message instead
        const run = runModel(dataset, [], { horizon, draws: 20, scenarios: [ScenarioSchema.parse(rawScenario)], scenarioBands: true });
        const json = buildResultJson({ dataset, report: null, run });
        expect(JSON.stringify(json)).not.toMatch(/NaN|Infinity/);
      }),
      { numRuns: 60 },
    );
  });
});

describe('scenario validation', () => {
  it.each([
    [{ shocks: [{ from: '2025-01-01', to: '2025-03-31', returnShare: 1.5 }] }, 'shocks[0].returnShare: must be at most 1'],
    [{ shocks: [{ from: '2025-04-01', to: '2025-03-31' }] }, 'shocks[0].to: must not be before "from"'],
    [{ shocks: [{ from: '31/03/2025', to: '2025-03-31' }] }, 'shocks[0].from: must be a date written YYYY-MM-DD'],
    [{ shocks: [{ from: '2025-01-01', to: '2025-03-31', returnMonths: 2.5 }] }, 'shocks[0].returnMonths: must be a whole number of months'],
    [{ shocks: [{ from: '2025-01-01', to: '2025-03-31', referalChange: -0.4 }] }, 'shocks[0].referalChange: is not a scenario field'],
    [{ referralTrendPerYear: 3 }, 'referralTrendPerYear: must be at most 1'],
    [{ conversionChange: { cpp: -2 } }, 'conversionChange.cpp: must be at least -0.95'],
    [{ costs: { claWeekly: -5 } }, 'costs.claWeekly: must be at least 0'],
    [{ caseloads: { cppPerWorker: 0 } }, 'caseloads.cppPerWorker: must be at least 1'],
    [{ newNormal: { from: '2025-09-01', referralChange: 'lots' } }, 'newNormal.referralChange'],
    [{ colour: 'blue' }, 'colour: is not a scenario field'],
  ])('refuses %j naming the field', (raw, message) => {
    const parsed = parseScenario(raw);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.messages.join('\n')).toContain(message);
  });

  it('accepts the contract example, comments removed', () => {
    const parsed = parseScenario({
      name: 'Lockdown in winter 2025',
      shocks: [{ from: '2025-01-01', to: '2025-03-31', referralChange: -0.4, returnShare: 0.5, returnMonths: 4, cppExitChange: -0.2, claExitChange: -0.3 }],
      newNormal: { from: '2025-09-01', referralChange: 0.05 },
      referralTrendPerYear: 0.0,
      conversionChange: { cpp: 0.0, cla: 0.0 },
      costs: { claWeekly: 1200, cppMonthly: 350 },
      caseloads: { cppPerWorker: 15, claPerWorker: 15 },
    });
    expect(parsed.ok).toBe(true);
  });
});
