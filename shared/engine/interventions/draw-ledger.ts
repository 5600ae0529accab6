// Each Monte Carlo draw's services spend month by month and its totals in people, kept for weighing an
// intervention draw by draw: the same draw with and without it shares its random numbers.
import { monthlyCost, type UnitCosts } from '../money.ts';
import type { ProjectionSeries } from '../project.ts';
import type { Band } from '../uncertainty.ts';
import type { Quantiles } from './outcomes.ts';

export interface DrawLedger {
  draws: number;
  horizon: number;
  /** Services spend, month-major: [t * draws + d]. Filled from the placements' draws where placements are known. */
  spend: Float64Array;
  claStarts: Float64Array;
  cppStarts: Float64Array;
  claMonths: Float64Array;
  claOpenAtEnd: Float64Array;
}

export function createLedger(draws: number, horizon: number): DrawLedger {
  return { draws, horizon, spend: new Float64Array(draws * horizon), claStarts: new Float64Array(draws), cppStarts: new Float64Array(draws), claMonths: new Float64Array(draws), claOpenAtEnd: new Float64Array(draws) };
}

/** Notes draw `d`; spend too unless `costs` is null (placements cost it once every draw has run). */
export function recordDraw(ledger: DrawLedger, d: number, out: ProjectionSeries, costs: UnitCosts | null): void {
  const { draws, horizon } = ledger;
  let claStarts = 0;
  let cppStarts = 0;
  let claMonths = 0;
  for (let t = 0; t < horizon; t++) {
    claStarts += out.claStarts[t]!;
    cppStarts += out.cppStarts[t]!;
    claMonths += out.claOpen[t]!;
    if (costs) ledger.spend[t * draws + d] = monthlyCost(costs, out.cppOpen[t]!, out.claOpen[t]!);
  }
  ledger.claStarts[d] = claStarts;
  ledger.cppStarts[d] = cppStarts;
  ledger.claMonths[d] = claMonths;
  ledger.claOpenAtEnd[d] = horizon > 0 ? out.claOpen[horizon - 1]! : 0;
}

function percentile(sorted: Float64Array, p: number): number {
  const position = (sorted.length - 1) * p;
  const lo = Math.floor(position);
  const hi = Math.min(sorted.length - 1, lo + 1);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (position - lo);
}

/** p10, p50 and p90 of values (sorted in place). */
export function quantiles(values: Float64Array): Quantiles {
  values.sort();
  return { p10: percentile(values, 0.1), p50: percentile(values, 0.5), p90: percentile(values, 0.9) };
}

/** p10, p50 and p90 of each month of month-major samples (sorted in place). */
export function monthlyQuantiles(samples: Float64Array, draws: number, horizon: number): Band {
  const band: Band = { p10: [], p50: [], p90: [] };
  for (let t = 0; t < horizon; t++) {
    const q = quantiles(samples.subarray(t * draws, (t + 1) * draws));
    band.p10.push(q.p10);
    band.p50.push(q.p50);
    band.p90.push(q.p90);
  }
  return band;
}
