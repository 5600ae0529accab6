// The estimated rates as a person reads them on the History step: what, the estimate, its likely range
// (p10 to p90) and a sentence. Without referrals (SSDA903 returns or List 8 alone), entries to care drive
// the projection, so the rows speak of entries to care, never of referrals that were not given.
import { countForPeople, percentForPeople } from '../text/people-format.ts';
import type { ResultJson } from './result-json.ts';

export type EstimateRow = readonly [what: string, estimate: string, likelyRange: string, inWords: string];

const z = 1.2816; // p10 to p90, as the bands

export function estimateRows(e: NonNullable<ResultJson['estimates']>): EstimateRow[] {
  const r = e.referrals;
  const pct = (x: number) => percentForPeople(x);
  const byEntries = e.driver === 'claStarts';
  const level = Math.round(r.level);
  const arrivals: EstimateRow[] = byEntries
    ? [
        ['Entries to care in an ordinary month', countForPeople(r.level), `${countForPeople(Math.max(0, r.level - z * r.levelSe))} to ${countForPeople(r.level + z * r.levelSe)}`, `About ${level} ${level === 1 ? 'child comes' : 'children come'} into care in an ordinary month (no referrals were given).`],
        ['Trend in entries to care', pct(r.trendPerYear), `${pct(r.trendPerYear - z * r.trendSe)} to ${pct(r.trendPerYear + z * r.trendSe)}`, r.seasonalityEstimated ? `Entries to care change by about ${pct(r.trendPerYear)} a year.` : `Too few children come into care each month to read a trend or a season from: taken as flat at the average of the last ${r.monthsUsed} months.`],
      ]
    : [
        ['Referrals in an ordinary month', countForPeople(r.level), `${countForPeople(Math.max(0, r.level - z * r.levelSe))} to ${countForPeople(r.level + z * r.levelSe)}`, `About ${level} ${level === 1 ? 'referral arrives' : 'referrals arrive'} in an ordinary month.`],
        ['Referral trend', pct(r.trendPerYear), `${pct(r.trendPerYear - z * r.trendSe)} to ${pct(r.trendPerYear + z * r.trendSe)}`, r.seasonalityEstimated ? `Referrals change by about ${pct(r.trendPerYear)} a year.` : 'Too little history to measure a trend: taken as flat.'],
        ['Plans per referral', pct(e.cpp.conversion.perReferral), `${pct(Math.max(0, e.cpp.conversion.perReferral - z * e.cpp.conversion.se))} to ${pct(e.cpp.conversion.perReferral + z * e.cpp.conversion.se)}`, `About ${Math.round(e.cpp.conversion.perReferral * 100)} in 100 referrals lead to a child protection plan.`],
        ['Entries to care per referral', pct(e.cla.conversion.perReferral), `${pct(Math.max(0, e.cla.conversion.perReferral - z * e.cla.conversion.se))} to ${pct(e.cla.conversion.perReferral + z * e.cla.conversion.se)}`, `About ${Math.round(e.cla.conversion.perReferral * 100)} in 100 referrals lead to a child coming into care.`],
      ];
  const months = (x: number) => `${x.toFixed(1)} months`;
  const spread = (d: { medianMonths: number; logSe: number }) => `${(d.medianMonths / Math.exp(z * d.logSe)).toFixed(1)} to ${months(d.medianMonths * Math.exp(z * d.logSe))}`;
  return [
    ...arrivals,
    ['How long a plan lasts (median)', months(e.cpp.duration.medianMonths), spread(e.cpp.duration), `Half of child protection plans end within ${e.cpp.duration.medianMonths.toFixed(0)} months.`],
    ['How long care lasts (median)', months(e.cla.duration.medianMonths), spread(e.cla.duration), `Half of children who come into care leave within ${e.cla.duration.medianMonths.toFixed(0)} months.`],
  ];
}
