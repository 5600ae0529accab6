// The likely range of each estimated rate, p10 to p90 as the bands. The History step's rows and the
// export's Assumptions sheet both read their ranges here, so the screen and the file never disagree.
import type { ResultJson } from './result-json.ts';

type Estimates = NonNullable<ResultJson['estimates']>;
export type LikelyRange = [low: number, high: number];

/** Standard normal quantile of p90: an estimate give or take this many standard errors holds eight in ten. */
export const likelyZ = 1.2816;

/** The usual level of arrivals a month (referrals, entries to care without them, or housing approaches); never below none. */
export const levelRange = (r: Pick<Estimates['referrals'], 'level' | 'levelSe'>): LikelyRange => [Math.max(0, r.level - likelyZ * r.levelSe), r.level + likelyZ * r.levelSe];

export const trendRange = (r: Pick<Estimates['referrals'], 'trendPerYear' | 'trendSe'>): LikelyRange => [r.trendPerYear - likelyZ * r.trendSe, r.trendPerYear + likelyZ * r.trendSe];

/** Plan or care starts per referral; never below none. */
export const conversionRange = (c: Estimates['cpp']['conversion']): LikelyRange => [Math.max(0, c.perReferral - likelyZ * c.se), c.perReferral + likelyZ * c.se];

/** How far a duration may be off, as a factor: durations are estimated on the log scale. */
export const durationSpread = (d: Estimates['cpp']['duration']): number => Math.exp(likelyZ * d.logSe);
