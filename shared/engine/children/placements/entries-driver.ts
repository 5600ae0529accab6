// Without referrals (SSDA903 returns alone, or List 8 alone) there is nothing to convert into entries to
// care, so the entries themselves are projected from their own monthly history: the same level, trend and
// seasonal fit as referrals, with every "referral" an entry (conversion 1, no delay). Plans, if their list
// is given, follow entries in the ratio seen in the same months.
import type { ConversionModel } from '../estimate-flows.ts';
import { defaultTrendSe } from '../../core/arrivals.ts';
import { estimateReferrals, type ReferralModel } from '../estimate-referrals.ts';
import type { MonthlyHistory } from '../history.ts';
import type { MonthIndex } from '../../core/months.ts';

export function entriesAsDriver(history: MonthlyHistory, anchor: MonthIndex): ReferralModel | null {
  const points = history.months.flatMap((month, i) => {
    const v = history.series.claStarts[i];
    return v !== null && v !== undefined && history.sources.claStarts[i] === 'lists' ? [{ month, count: v }] : [];
  });
  if (points.length === 0) return null;
  const recent = points.slice(-24);
  const level = recent.reduce((a, p) => a + p.count, 0) / recent.length;
  // A few dozen entries a month carry too much chance variation to read a season or a trend from: the
  // recent average is the level, flat, give or take the usual trend margin.
  if (level >= 60) return estimateReferrals(points, anchor);
  return {
    level,
    levelSe: Math.sqrt(Math.max(level, 1) / recent.length),
    trendPerYear: 0,
    trendSe: defaultTrendSe,
    seasonality: Array.from({ length: 12 }, () => 1),
    seasonalitySe: Array.from({ length: 12 }, () => 0),
    seasonalityEstimated: false,
    anchorMonth: anchor,
    monthsUsed: recent.length,
    source: 'lists',
  };
}

export function entriesConversion(history: MonthlyHistory, list: 'cpp' | 'cla'): ConversionModel {
  const base = { lagWeights: [1], meanLagMonths: 0, lagFromData: false, linkedShare: null, source: 'lists' as const };
  let entries = 0;
  let starts = 0;
  history.months.forEach((_, i) => {
    const e = history.series.claStarts[i];
    const s = history.series[`${list}Starts`][i];
    if (typeof e === 'number' && typeof s === 'number' && history.sources.claStarts[i] === 'lists') {
      entries += e;
      starts += s;
    }
  });
  if (list === 'cla') return { ...base, perReferral: 1, se: 0, startsUsed: entries, referralsUsed: entries };
  const p = entries > 0 ? starts / entries : 0;
  return { ...base, perReferral: p, se: entries > 0 && starts > 0 ? p * Math.sqrt(1 / starts + 1 / entries) : 0, startsUsed: starts, referralsUsed: entries };
}
