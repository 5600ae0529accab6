// Referrals per month: the core's arrivals (level, trend, season) with children's services' default season.
import { estimateArrivals, type ArrivalModel } from '../core/arrivals.ts';
import type { MonthIndex } from '../core/months.ts';

/**
 * Default seasonal pattern, January..December, averaging 1: dips in the summer holidays and at Christmas,
 * a rise when schools return, as seen in authorities' daily referral data (../shared/docs/annex-a.md).
 */
export const defaultSeasonality: readonly number[] = [0.98, 1.04, 1.06, 0.98, 1.03, 1.02, 1.02, 0.86, 1.02, 1.1, 1.07, 0.82];

export type ReferralModel = ArrivalModel;

export function estimateReferrals(points: ReadonlyArray<{ month: MonthIndex; count: number }>, anchorMonth: MonthIndex): ReferralModel | null {
  return estimateArrivals(points, anchorMonth, defaultSeasonality);
}
