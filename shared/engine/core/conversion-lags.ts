// Delays from an arrival (a referral, an approach) to the start it leads to (a plan, care, a placement in
// temporary accommodation), as shares by whole calendar months after the arrival's month, 0..maxLagMonths.

export const maxLagMonths = 6;

export function exponentialLagWeights(meanMonths: number): number[] {
  // Start times after an arrival, exponential with this mean, binned by calendar-month difference.
  const rate = 1 / Math.max(meanMonths, 0.05);
  const weights = Array.from({ length: maxLagMonths + 1 }, (_, k) => Math.exp(-rate * Math.max(0, k - 0.5)) - Math.exp(-rate * (k + 0.5)));
  weights[0] = 1 - Math.exp(-rate * 0.5);
  const total = weights.reduce((a, b) => a + b, 0);
  return weights.map((w) => w / total);
}
