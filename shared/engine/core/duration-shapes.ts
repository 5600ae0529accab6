// Duration shapes used as documented defaults where an authority's lists cannot show its own, and by the
// synthetic authority. Each gives the monthly probability of ending by completed months since the start.

/** A discrete monthly hazard from a log-normal duration with the given median (months) and spread. */
export function logNormalMonthlyHazard(medianMonths: number, sigma: number, months = 240): number[] {
  const cdf = (t: number) => (t <= 0 ? 0 : 0.5 * (1 + erf((Math.log(t) - Math.log(medianMonths)) / (sigma * Math.SQRT2))));
  const hazard: number[] = [];
  for (let k = 0; k < months; k++) {
    const survive = 1 - cdf(k);
    hazard.push(survive <= 1e-12 ? 1 : Math.min(1, Math.max(0, (cdf(k + 1) - cdf(k)) / survive)));
  }
  return hazard;
}

/** A mixture of two log-normal stays (short and long), as children's time in care is. */
export function mixtureMonthlyHazard(parts: ReadonlyArray<readonly [weight: number, median: number, sigma: number]>, months = 240): number[] {
  const cdf = (t: number) =>
    parts.reduce((sum, [w, median, sigma]) => sum + w * (t <= 0 ? 0 : 0.5 * (1 + erf((Math.log(t) - Math.log(median)) / (sigma * Math.SQRT2)))), 0);
  const hazard: number[] = [];
  for (let k = 0; k < months; k++) {
    const survive = 1 - cdf(k);
    hazard.push(survive <= 1e-12 ? 1 : Math.min(1, Math.max(0, (cdf(k + 1) - cdf(k)) / survive)));
  }
  return hazard;
}

// Abramowitz and Stegun 7.1.26: accurate to 1.5e-7, plenty for durations.
export function erf(x: number): number {
  const sign = x < 0 ? -1 : 1;
  const t = 1 / (1 + 0.3275911 * Math.abs(x));
  const y = 1 - ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-x * x);
  return sign * y;
}

