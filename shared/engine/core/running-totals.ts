// Money and people summed from the start of a projection, month by month (spend to date, payback).

/** The running total: element t is the sum of values[0..t]. */
export function cumulative(values: ArrayLike<number>): number[] {
  let sum = 0;
  return Array.from(values, (v) => (sum += v));
}
