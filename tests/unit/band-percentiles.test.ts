// The bands' percentiles are picked by partitioning, not by sorting every month's draws: they must be the
// very numbers the sorted draws give, whatever the draws look like (ties, runs already in order, few draws).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bandOfSamples, quantilesOf } from '../../shared/engine/core/percentiles.ts';

/** The percentiles as the bands were first defined: each month's draws sorted, then interpolated. */
function bandBySorting(samples: Float64Array, draws: number, horizon: number) {
  const band = { p10: [] as number[], p50: [] as number[], p90: [] as number[] };
  for (let t = 0; t < horizon; t++) {
    const sorted = samples.slice(t * draws, (t + 1) * draws).sort();
    const at = (p: number) => {
      const position = (draws - 1) * p;
      const lo = Math.floor(position);
      const hi = Math.min(draws - 1, lo + 1);
      return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (position - lo);
    };
    band.p10.push(at(0.1));
    band.p50.push(at(0.5));
    band.p90.push(at(0.9));
  }
  return band;
}

describe('band percentiles', () => {
  it('are those of the sorted draws, for any draws', () => {
    const draws = fc.oneof(
      fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true }),
      fc.integer({ min: 0, max: 5 }), // many ties, as counts of children give
    );
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 4 }), fc.array(draws, { minLength: 160, maxLength: 160 }), (n, horizon, values) => {
        const samples = Float64Array.from(values.slice(0, n * horizon));
        expect(bandOfSamples(samples.slice(), n, horizon)).toEqual(bandBySorting(samples, n, horizon));
      }),
      { numRuns: 400 },
    );
  });

  it('are those of the sorted draws for a thousand draws in order, reversed, all equal and at random', () => {
    const n = 1000;
    const cases = [
      Float64Array.from({ length: n }, (_, i) => i),
      Float64Array.from({ length: n }, (_, i) => n - i),
      new Float64Array(n).fill(412.5),
      Float64Array.from({ length: n }, (_, i) => ((i * 7919) % 1009) / 3),
      Float64Array.from({ length: n }, (_, i) => Math.floor(Math.sin(i) * 40) + 300),
    ];
    const samples = new Float64Array(n * cases.length);
    cases.forEach((c, t) => samples.set(c, t * n));
    const band = bandOfSamples(samples.slice(), n, cases.length);
    expect(band).toEqual(bandBySorting(samples, n, cases.length));
    expect(band.p50[0]).toBe(499.5);
    expect(band.p10[2]).toBe(412.5);
  });

  it("an intervention's totals over the draws take the same percentiles, savings below nothing included", () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -5e6, max: 5e6, noNaN: true, noDefaultInfinity: true }), { minLength: 1, maxLength: 600 }), (values) => {
        const totals = Float64Array.from(values);
        const sorted = bandBySorting(totals, totals.length, 1);
        expect(quantilesOf(totals.slice())).toEqual({ p10: sorted.p10[0], p50: sorted.p50[0], p90: sorted.p90[0] });
      }),
      { numRuns: 300 },
    );
    const q = quantilesOf(Float64Array.from({ length: 500 }, (_, d) => 1000 - 2 * d)); // £2 to £1,000, given in reverse
    expect(q.p10).toBeCloseTo(101.8, 9);
    expect(q.p50).toBe(501);
    expect(q.p90).toBeCloseTo(900.2, 9);
  });
});
