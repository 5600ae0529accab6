// How far a projection was from what happened, as every service's backtest measures it.

/** The mean of |predicted - actual| / actual over the pairs whose actual is above 0; null when there is none. */
export function meanAbsolutePercentageError(pairs: ReadonlyArray<{ actual: number; predicted: number }>): number | null {
  const errors = pairs.filter((p) => p.actual > 0).map((p) => Math.abs(p.predicted - p.actual) / p.actual);
  return errors.length ? errors.reduce((a, b) => a + b, 0) / errors.length : null;
}
