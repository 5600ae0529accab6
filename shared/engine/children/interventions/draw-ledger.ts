// Each Monte Carlo draw's services spend month by month and its totals in people, kept for weighing an
// intervention draw by draw: the same draw with and without it shares its random numbers.
import { monthlyCost, type UnitCosts } from '../money.ts';
import type { ProjectionSeries } from '../project.ts';

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
