// The estimated rates as a person reads them on the History step: what, the estimate, its likely range
// (p10 to p90) and a sentence. Without referrals (SSDA903 returns or List 8 alone), entries to care drive
// the projection, so the rows speak of entries to care, never of referrals that were not given.
import { arrivalsWords } from '../text/arrivals-words.ts';
import { countForPeople, percentForPeople } from '../text/people-format.ts';
import { conversionRange, durationSpread, levelRange, trendRange } from './estimate-ranges.ts';
import type { ResultJson } from './result-json.ts';

type Estimates = NonNullable<ResultJson['estimates']>;
export type EstimateRow = readonly [what: string, estimate: string, likelyRange: string, inWords: string];

export function estimateRows(e: Estimates): EstimateRow[] {
  const r = e.referrals;
  const pct = (x: number) => percentForPeople(x);
  const byEntries = e.driver === 'claStarts';
  const words = arrivalsWords(e.driver);
  const level = Math.round(r.level);
  const [levelLow, levelHigh] = levelRange(r);
  const [trendLow, trendHigh] = trendRange(r);
  const arrivals: EstimateRow[] = [
    [`${words.subject} in an ordinary month`, countForPeople(r.level), `${countForPeople(levelLow)} to ${countForPeople(levelHigh)}`, byEntries ? `About ${level} ${level === 1 ? 'child comes' : 'children come'} into care in an ordinary month (no referrals were given).` : `About ${level} ${level === 1 ? 'referral arrives' : 'referrals arrive'} in an ordinary month.`],
    [words.trend, pct(r.trendPerYear), `${pct(trendLow)} to ${pct(trendHigh)}`, r.seasonalityEstimated ? `${words.subject} change by about ${pct(r.trendPerYear)} a year.` : byEntries ? `Too few children come into care each month to read a trend or a season from: taken as flat at the average of the last ${r.monthsUsed} months.` : 'Too little history to measure a trend: taken as flat.'],
  ];
  const conversion = (what: string, c: Estimates['cpp']['conversion'], to: string): EstimateRow => {
    const [low, high] = conversionRange(c);
    return [what, pct(c.perReferral), `${pct(low)} to ${pct(high)}`, `About ${Math.round(c.perReferral * 100)} in 100 referrals lead to ${to}.`];
  };
  // Without referrals there is nothing to convert: the entries to care are the arrivals themselves.
  const conversions = byEntries ? [] : [conversion('Plans per referral', e.cpp.conversion, 'a child protection plan'), conversion('Entries to care per referral', e.cla.conversion, 'a child coming into care')];
  const months = (x: number) => `${x.toFixed(1)} months`;
  const spread = (d: Estimates['cpp']['duration']) => `${(d.medianMonths / durationSpread(d)).toFixed(1)} to ${months(d.medianMonths * durationSpread(d))}`;
  return [
    ...arrivals,
    ...conversions,
    ['How long a plan lasts (median)', months(e.cpp.duration.medianMonths), spread(e.cpp.duration), `Half of child protection plans end within ${e.cpp.duration.medianMonths.toFixed(0)} months.`],
    ['How long care lasts (median)', months(e.cla.duration.medianMonths), spread(e.cla.duration), `Half of children who come into care leave within ${e.cla.duration.medianMonths.toFixed(0)} months.`],
  ];
}
