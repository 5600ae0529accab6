// What one intervention buys, on the expected path: its cost month by month, the saving (what the same
// scenario without it spends on services, less what it spends with it), the net (cost less saving), when
// the cumulative saving first covers the cumulative cost, and the outcome in people.
import { cumulative } from '../../core/running-totals.ts';
import type { MonthIndex } from '../../core/months.ts';
import type { ProjectionSeries } from '../project.ts';
import type { Intervention } from '../../scenario.ts';
import type { Band, Quantiles } from '../../core/percentiles.ts';
import { interventionCost, runningShare } from '../../core/interventions-running.ts';

export interface InterventionTotals {
  /** Pounds over the projection. */
  cost: number;
  saving: number;
  net: number;
  /** Entries to care avoided. */
  childrenKeptOutOfCare: number;
  /** Child protection plans not started. */
  plansAvoided: number;
  /** Children in care at each month end, summed: months of care avoided. */
  childMonthsInCareAvoided: number;
  /** Fewer children in care at the end of the projection. */
  fewerInCareAtEnd: number;
}

/** The same totals over the draws, with the same random numbers with and without it (common random numbers). */
export interface InterventionRanges {
  draws: number;
  saving: Quantiles;
  net: Quantiles;
  childrenKeptOutOfCare: Quantiles;
  plansAvoided: Quantiles;
  childMonthsInCareAvoided: Quantiles;
  /** The cumulative saving's likely range, month by month. */
  cumulativeSaving: Band;
}

export interface InterventionOutcome {
  intervention: Intervention;
  /** Pounds a month. */
  cost: Float64Array;
  saving: Float64Array;
  net: Float64Array;
  cumulativeCost: number[];
  cumulativeSaving: number[];
  /** Index of the projection month in which the cumulative saving first covers the cumulative cost; null if never. */
  paybackMonth: number | null;
  expected: InterventionTotals;
  ranges: InterventionRanges | null;
}

/** The parts of a projected path an intervention is weighed on: services spend (not the interventions' own cost) and the flows. */
export interface WeighedPath {
  serviceCost: Float64Array;
  series: ProjectionSeries;
}

const sum = (values: ArrayLike<number>) => {
  let total = 0;
  for (let i = 0; i < values.length; i++) total += values[i]!;
  return total;
};

/**
 * The first month, once the intervention has started, in which the cumulative saving covers the
 * cumulative cost (to a thousandth of a penny: the lines are sums of the same pounds). Null if never
 * within the projection, or if it never starts within it.
 */
export function paybackMonth(intervention: Intervention, startMonth: MonthIndex, cumulativeCost: readonly number[], cumulativeSaving: readonly number[]): number | null {
  let started = false;
  for (let t = 0; t < cumulativeCost.length; t++) {
    started ||= runningShare(intervention, startMonth + t) > 0;
    if (started && cumulativeSaving[t]! >= cumulativeCost[t]! - 1e-5) return t;
  }
  return null;
}

export function weighIntervention(intervention: Intervention, startMonth: MonthIndex, withIt: WeighedPath, withoutIt: WeighedPath): InterventionOutcome {
  const H = withIt.serviceCost.length;
  const cost = interventionCost(intervention, startMonth, H);
  const saving = new Float64Array(H);
  const net = new Float64Array(H);
  for (let t = 0; t < H; t++) {
    saving[t] = withoutIt.serviceCost[t]! - withIt.serviceCost[t]!;
    net[t] = cost[t]! - saving[t]!;
  }
  const cumulativeCost = cumulative(cost);
  const cumulativeSaving = cumulative(saving);
  const a = withoutIt.series;
  const b = withIt.series;
  return {
    intervention,
    cost,
    saving,
    net,
    cumulativeCost,
    cumulativeSaving,
    paybackMonth: paybackMonth(intervention, startMonth, cumulativeCost, cumulativeSaving),
    expected: {
      cost: sum(cost),
      saving: sum(saving),
      net: sum(net),
      childrenKeptOutOfCare: sum(a.claStarts) - sum(b.claStarts),
      plansAvoided: sum(a.cppStarts) - sum(b.cppStarts),
      childMonthsInCareAvoided: sum(a.claOpen) - sum(b.claOpen),
      fewerInCareAtEnd: H > 0 ? a.claOpen[H - 1]! - b.claOpen[H - 1]! : 0,
    },
    ranges: null,
  };
}
