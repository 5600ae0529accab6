// The reference check (docs/model.md, "How close the projection should be"): generated authorities of several
// sizes and shapes, simulated two years past their last extract, so the projection is held against a known
// future. Tolerances: each projected year's referrals within 5%; children on plans and in care at 12 and 24
// months within 3% + 2.5 counting-noise standard deviations (2.5 x sqrt(N) / N of the outcome N); and over
// every shape, series and month, between 70% and 90% of outcomes inside the p10-p90 likely range.
import { describe, expect, it } from 'vitest';
import { referenceRun, referenceShapes, type ReferenceRun } from '../support/reference-authorities.ts';

const runs: ReferenceRun[] = referenceShapes.map((shape) => referenceRun(shape, 200));
const tolerance = (outcome: number) => 0.03 + (2.5 * Math.sqrt(outcome)) / outcome;
const sum = (values: ArrayLike<number>, from: number, to: number) => Array.from(values).slice(from, to).reduce((a, b) => a + b, 0);

describe('projections of generated authorities against their known future', () => {
  for (const r of runs) {
    describe(r.shape.name, () => {
      it('projects each year of referrals within 5%', () => {
        for (const [from, to] of [[0, 12], [12, 24]] as const) {
          const projected = sum(r.run.baseline.series.referrals, from, to);
          const happened = sum(r.truth.referrals, from, to);
          expect(Math.abs(projected / happened - 1), `months ${from + 1}-${to}: ${Math.round(projected)} against ${happened}`).toBeLessThan(0.05);
        }
      });
      it('projects children on plans and in care at 12 and 24 months within the stated tolerance', () => {
        for (const series of ['cppOpen', 'claOpen'] as const) {
          for (const at of [11, 23]) {
            const projected = r.run.baseline.series[series][at]!;
            const happened = r.truth[series][at]!;
            expect(Math.abs(projected / happened - 1), `${series} ${at + 1} months ahead: ${Math.round(projected)} against ${happened}`).toBeLessThan(tolerance(happened));
          }
        }
      });
    });
  }

  it('keeps 70% to 90% of outcomes inside the likely range, over every shape, series and month', () => {
    let inside = 0;
    let total = 0;
    for (const r of runs) {
      for (const series of ['referrals', 'cppOpen', 'claOpen'] as const) {
        const band = r.run.baseline.bands![series];
        r.truth[series].forEach((v, t) => {
          total++;
          if (v >= band.p10[t]! && v <= band.p90[t]!) inside++;
        });
      }
    }
    expect(inside / total).toBeGreaterThan(0.7);
    expect(inside / total).toBeLessThan(0.9);
  });

  it('with yearly extracts, does not keep plans and care open that a later extract shows had ended', () => {
    const yearly = runs.find((r) => r.shape.extracts.length === 3)!;
    for (const series of ['cppOpen', 'claOpen'] as const) {
      expect(Math.abs(yearly.run.baseline.series[series][0]! / yearly.truth[series][0]! - 1), series).toBeLessThan(0.06);
    }
  });
});
