// Random counts drawn from exactly one uniform number each, by inverting the distribution. Two runs that
// differ only in their means (a scenario with and without an intervention) then use the same random
// numbers at the same places and move together: their difference is the intervention's, not noise
// (common random numbers). Drawing by rejection or by Box-Muller pairs would let the runs drift apart
// after the first draw whose mean differs.

// Acklam's rational approximation to the inverse of the standard normal distribution (relative error
// below 1.2e-9), exact enough for counts. Its coefficients are written into the expressions as numbers,
// not read from arrays: it runs for every chance variation of every draw.
const low = 0.02425;

/** The standard normal value below which a share `u` of outcomes lies; `u` is kept inside (0, 1). */
export function inverseNormal(u: number): number {
  const p = Math.min(1 - 1e-15, Math.max(1e-15, u));
  if (p < low) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (((((-7.784894002430293e-3 * q + -3.223964580411365e-1) * q + -2.400758277161838) * q + -2.549732539343734) * q + 4.374664141464968) * q + 2.938163982698783) / ((((7.784695709041462e-3 * q + 3.224671290700398e-1) * q + 2.445134137142996) * q + 3.754408661907416) * q + 1);
  }
  if (p > 1 - low) {
    const q = Math.sqrt(-2 * Math.log(1 - p));
    return -(((((-7.784894002430293e-3 * q + -3.223964580411365e-1) * q + -2.400758277161838) * q + -2.549732539343734) * q + 4.374664141464968) * q + 2.938163982698783) / ((((7.784695709041462e-3 * q + 3.224671290700398e-1) * q + 2.445134137142996) * q + 3.754408661907416) * q + 1);
  }
  const q = p - 0.5;
  const r = q * q;
  return ((((((-3.969683028665376e1 * r + 2.209460984245205e2) * r + -2.759285104469687e2) * r + 1.38357751867269e2) * r + -3.066479806614716e1) * r + 2.506628277459239) * q) / (((((-5.447609879822406e1 * r + 1.615858368580409e2) * r + -1.556989798598866e2) * r + 6.680131188771972e1) * r + -1.328068155288572e1) * r + 1);
}

/**
 * A Poisson count from one uniform `u` in [0, 1): exactly, by walking up the distribution, for means up to
 * 12; above, by the normal approximation with continuity (as close as the bands need, and fast). A larger
 * mean never gives a smaller count for the same `u`.
 */
export function poissonFromUniform(mean: number, u: number): number {
  if (!(mean > 0)) return 0;
  if (mean > 12) return Math.max(0, Math.floor(mean + Math.sqrt(mean) * inverseNormal(u) + 0.5));
  let p = Math.exp(-mean);
  let cdf = p;
  let k = 0;
  while (u >= cdf && k < 200) {
    k++;
    p *= mean / k;
    cdf += p;
  }
  return k;
}
