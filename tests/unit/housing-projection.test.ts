// The housing projection against generated authorities whose expected future is known (the generator lives
// its own future many times): TA households, nights and cost by type track it at 12 and 24 months and beat
// carrying the last month forward; households in TA since before the export began are kept and counted;
// the bands are ordered and hold the expected future. Tolerances are those stated in docs/model.md.
import { describe, expect, it } from 'vitest';
import { taTypes } from '../../shared/dataset/housing.ts';
import { daysInMonth, monthOfIso } from '../../shared/engine/core/months.ts';
import { defaultTaNightly } from '../../shared/engine/housing/housing-costs.ts';
import { runHousingModel } from '../../shared/engine/housing/run-housing-model.ts';
import { expectedHousingFuture, simulateHousing } from '../../shared/synthetic/housing-authority.ts';
import { housingDatasetOf } from '../../shared/synthetic/housing-dataset.ts';

const seeds = [3, 8];
const authorities = seeds.map((seed) => {
  const authority = simulateHousing({ seed, from: '2016-04-01', to: '2024-03-31' });
  const dataset = housingDatasetOf(authority, '2021-04-01', '2024-03-31');
  const result = runHousingModel(dataset, null, { horizon: 24, draws: 400, seed });
  const future = expectedHousingFuture(authority, 24, 12);
  return { seed, authority, dataset, result, future };
});
const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
const relative = (value: number, truth: number) => Math.abs(value - truth) / truth;

describe('the housing projection on generated authorities with growing approaches', () => {
  for (const t of [11, 23]) {
    it(`tracks TA households, nights and cost at ${t + 1} months: within 5% in all and 12% (+5 households) by type`, () => {
      for (const { result, future } of authorities) {
        const p = result.projection.baseline;
        const truth = future[t]!;
        const truthNights = sum(Object.values(truth.nights));
        const truthCost = sum(taTypes.map((type) => truth.nights[type] * defaultTaNightly[type].nightly));
        expect(relative(p.taOpen[t]!, truth.total)).toBeLessThan(0.05);
        expect(relative(p.taNights[t]!, truthNights)).toBeLessThan(0.05);
        expect(relative(p.cost[t]!, truthCost)).toBeLessThan(0.05);
        for (const type of taTypes) expect(Math.abs(p.taByType[type][t]! - truth.byType[type])).toBeLessThan(0.12 * truth.byType[type] + 5);
      }
    });

    it(`beats carrying the last month forward at ${t + 1} months`, () => {
      for (const { result, future } of authorities) {
        const p = result.projection.baseline;
        const truth = future[t]!;
        const lastOpen = result.history.taOpen.at(-1)!;
        expect(Math.abs(p.taOpen[t]! - truth.total)).toBeLessThan(Math.abs(lastOpen - truth.total));
        // Nights carried forward as the last month's (March's) nights a night, times the month's days.
        const naiveNights = (result.history.taNights.at(-1)! / 31) * daysInMonth(monthOfIso(`${result.projection.months[t]}-01`));
        const truthNights = sum(Object.values(truth.nights));
        expect(Math.abs(p.taNights[t]! - truthNights)).toBeLessThan(Math.abs(naiveNights - truthNights));
      }
    });
  }

  it('keeps and counts households in TA since before the export began', () => {
    for (const { authority, dataset, result, future, seed } of authorities) {
      const cases = new Set(dataset.cases.map((c) => c.caseId));
      const openWithoutCase = dataset.ta.filter((p) => p.left === null && !cases.has(p.caseId));
      expect(openWithoutCase.length).toBeGreaterThan(100);
      // Every household in TA on the extract date is counted, and the projection starts from all of them.
      expect(result.history.taOpen.at(-1)).toBe(authority.inTa.length);
      expect(sum(taTypes.map((type) => sum(result.estimates.open[type])))).toBe(authority.inTa.length);
      // Some have been in their type three years or more: they keep that time.
      expect(sum(taTypes.map((type) => sum(result.estimates.open[type].slice(36))))).toBeGreaterThan(50);
      expect(relative(result.projection.baseline.taOpen[0]!, future[0]!.total)).toBeLessThan(0.03);
      // Without them the projection would start far too low.
      const dropped = runHousingModel({ ...dataset, ta: dataset.ta.filter((p) => cases.has(p.caseId)) }, null, { horizon: 3, draws: 0, seed });
      expect(dropped.projection.baseline.taOpen[0]!).toBeLessThan(future[0]!.total * 0.9);
    }
  });

  it('gives ordered bands for TA households, cost, approaches and each type that hold the expected future', () => {
    for (const { result, future } of authorities) {
      const bands = result.projection.bands.baseline;
      for (const band of [bands.taOpen, bands.cost, bands.approaches, ...taTypes.map((type) => bands.taByType[type])]) {
        expect(band.p10).toHaveLength(24);
        band.p10.forEach((low, t) => {
          expect(low).toBeLessThanOrEqual(band.p50[t]!);
          expect(band.p50[t]!).toBeLessThanOrEqual(band.p90[t]!);
        });
      }
      expect(bands.taOpen.p90[23]! - bands.taOpen.p10[23]!).toBeGreaterThan(bands.taOpen.p90[0]! - bands.taOpen.p10[0]!);
      const inside = future.filter((m, t) => m.total >= bands.taOpen.p10[t]! && m.total <= bands.taOpen.p90[t]!).length;
      expect(inside).toBeGreaterThanOrEqual(20);
    }
  });

  it('backtests a year from before the extract against what the lists show, beside the last month carried forward', () => {
    const { dataset, seed } = authorities[0]!;
    const result = runHousingModel(dataset, null, { horizon: 12, draws: 0, seed, backtestFrom: '2023-04' });
    const b = result.backtest!;
    expect(b.months).toEqual(result.history.months.slice(-12));
    expect(b.actual.taOpen).toEqual(result.history.taOpen.slice(-12));
    expect(b.mape.taOpen!).toBeLessThan(0.06);
    expect(b.mape.approaches!).toBeLessThan(b.naiveMape.approaches!);
    expect(b.mape.taStarts!).toBeLessThan(b.naiveMape.taStarts!);
  });
});
