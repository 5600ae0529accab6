// The 10th, 50th and 90th percentiles of each month's Monte Carlo draws. A band needs six order statistics of
// a month's draws (the two either side of each percentile's position), not the whole order: they are picked
// by partitioning, as quickselect does, which gives the very values a full sort would put there in a
// fraction of the time (a typed array's sort is most of a band's cost otherwise).

/** Each month's 10th, 50th and 90th percentiles over the draws: a likely range and its middle. */
export interface Band {
  p10: number[];
  p50: number[];
  p90: number[];
}

/** The 10th, 50th and 90th percentiles of a total over the Monte Carlo draws. */
export interface Quantiles {
  p10: number;
  p50: number;
  p90: number;
}

/**
 * Reorders values[lo..hi] so that values[r] is the r-th smallest (counting from 0 at values[0]) for every
 * rank r in ranks[from..to), which are in ascending order. Values are compared with < and >: the engine
 * makes no NaN.
 */
function selectRanks(values: Float64Array, lo: number, hi: number, ranks: readonly number[], from: number, to: number): void {
  while (from < to && lo < hi) {
    // Median of three as the pivot: sorted or reversed runs of draws stay linear.
    const mid = (lo + hi) >>> 1;
    const x = values[lo]!;
    const y = values[mid]!;
    const z = values[hi]!;
    const pivot = x < y ? (y < z ? y : x < z ? z : x) : x < z ? x : y < z ? z : y;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (values[i]! < pivot) i++;
      while (values[j]! > pivot) j--;
      if (i <= j) {
        const swap = values[i]!;
        values[i] = values[j]!;
        values[j] = swap;
        i++;
        j--;
      }
    }
    // Now values[lo..j] <= pivot <= values[i..hi], and anything between j and i equals the pivot (in place).
    let left = from;
    while (left < to && ranks[left]! <= j) left++;
    let right = left;
    while (right < to && ranks[right]! < i) right++;
    if (left - from < to - right) {
      selectRanks(values, lo, j, ranks, from, left);
      lo = i;
      from = right;
    } else {
      selectRanks(values, i, hi, ranks, right, to);
      hi = j;
      to = left;
    }
  }
}

const levels = [0.1, 0.5, 0.9] as const;

/**
 * The band of samples stored month-major ([t * draws + d]), each percentile interpolated between the two
 * draws either side of its position, as on the sorted draws. Reorders each month's samples in place.
 */
export function bandOfSamples(samples: Float64Array, draws: number, horizon: number): Band {
  const band: Band = { p10: [], p50: [], p90: [] };
  const positions = levels.map((p) => (draws - 1) * p);
  const ranks = [...new Set(positions.flatMap((position) => [Math.floor(position), Math.min(draws - 1, Math.floor(position) + 1)]))].sort((a, b) => a - b);
  const [p10, p50, p90] = positions.map((position) => {
    const lo = Math.floor(position);
    return { lo, hi: Math.min(draws - 1, lo + 1), fraction: position - lo };
  }) as [Point, Point, Point];
  for (let t = 0; t < horizon; t++) {
    const month = samples.subarray(t * draws, (t + 1) * draws);
    selectRanks(month, 0, draws - 1, ranks, 0, ranks.length);
    band.p10.push(at(month, p10));
    band.p50.push(at(month, p50));
    band.p90.push(at(month, p90));
  }
  return band;
}

/** The 10th, 50th and 90th percentiles of a total over the draws, as a band picks them. Reorders values in place. */
export function quantilesOf(values: Float64Array): Quantiles {
  const band = bandOfSamples(values, values.length, 1);
  return { p10: band.p10[0]!, p50: band.p50[0]!, p90: band.p90[0]! };
}

interface Point {
  lo: number;
  hi: number;
  fraction: number;
}

const at = (month: Float64Array, { lo, hi, fraction }: Point) => month[lo]! + (month[hi]! - month[lo]!) * fraction;
