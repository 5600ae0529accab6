// Counts drawn from one uniform each: the right distribution, and more for a larger mean at the same number.
import { describe, expect, it } from 'vitest';
import { inverseNormal, poissonFromUniform } from '../../shared/engine/core/common-draws.ts';
import { createRandom } from '../../shared/engine/core/random.ts';

describe('draws from one uniform number', () => {
  it('inverts the normal distribution at its known quantiles', () => {
    expect(inverseNormal(0.5)).toBeCloseTo(0, 9);
    expect(inverseNormal(0.975)).toBeCloseTo(1.959964, 5);
    expect(inverseNormal(0.1)).toBeCloseTo(-1.281552, 5);
    expect(inverseNormal(0.001)).toBeCloseTo(-3.090232, 5);
    expect(inverseNormal(0)).toBeLessThan(-7);
  });

  it.each([0.3, 3, 11.9, 40, 400])('gives Poisson counts of mean %d with the right mean and variance', (mean) => {
    const rng = createRandom(5);
    const n = 40_000;
    let sum = 0;
    let squares = 0;
    for (let i = 0; i < n; i++) {
      const k = poissonFromUniform(mean, rng.next());
      expect(Number.isInteger(k) && k >= 0).toBe(true);
      sum += k;
      squares += k * k;
    }
    const m = sum / n;
    expect(Math.abs(m - mean)).toBeLessThan(4 * Math.sqrt(mean / n) + 0.01);
    expect((squares / n - m * m) / mean).toBeCloseTo(1, 1);
  });

  it('never gives fewer for a larger mean at the same uniform number (each side of the switch to the normal), and nothing for no mean', () => {
    for (const u of [0, 0.01, 0.3, 0.5, 0.77, 0.999]) {
      for (const means of [[0, 0.5, 2, 8, 11.99], [12.01, 20, 100]]) {
        let last = -1;
        for (const mean of means) {
          const k = poissonFromUniform(mean, u);
          expect(k).toBeGreaterThanOrEqual(last);
          last = k;
        }
      }
      // Across the switch the two ways agree to within a count or two in the tails.
      expect(Math.abs(poissonFromUniform(12.01, u) - poissonFromUniform(11.99, u))).toBeLessThanOrEqual(2);
      expect(poissonFromUniform(0, u)).toBe(0);
    }
  });
});
