// Arrivals per month (referrals, homelessness approaches): a level, a trend and a 12-month seasonal
// pattern. With two years or more of complete months all three are fitted (least squares on the log of the
// counts); with less, the trend is taken as flat and the seasonal pattern is the service's documented
// default, and only the level is fitted.
import { inv, multiply, transpose } from 'mathjs';
import { calendarMonth, type MonthIndex } from './months.ts';

/** With no trend to fit, a flat trend is assumed, uncertain by this much per year either way (one SE). */
export const defaultTrendSe = 0.03;
export const monthsForSeasonality = 24;

export interface ArrivalModel {
  /** Deseasonalised arrivals per month at the anchor month (the last observed month). */
  level: number;
  levelSe: number;
  trendPerYear: number;
  trendSe: number;
  seasonality: number[];
  /** Standard error of each seasonal factor (0 where the default pattern is used). */
  seasonalitySe: number[];
  seasonalityEstimated: boolean;
  anchorMonth: MonthIndex;
  monthsUsed: number;
  source: 'lists' | 'aggregate' | 'default';
}

/** `defaultSeason`: the service's pattern, January..December averaging 1, used with under two years of months. */
export function estimateArrivals(points: ReadonlyArray<{ month: MonthIndex; count: number }>, anchorMonth: MonthIndex, defaultSeason: readonly number[]): ArrivalModel | null {
  const usable = points.filter((p) => Number.isFinite(p.count) && p.count >= 0);
  if (usable.length === 0) return null;
  if (usable.length >= monthsForSeasonality) return fitTrendAndSeasons(usable, anchorMonth);
  const adjusted = usable.map((p) => p.count / defaultSeason[calendarMonth(p.month)]!);
  const level = adjusted.reduce((a, b) => a + b, 0) / adjusted.length;
  const variance = adjusted.length > 1 ? adjusted.reduce((a, b) => a + (b - level) ** 2, 0) / (adjusted.length - 1) : level;
  return {
    level,
    // Never claim more precision than Poisson counting noise allows.
    levelSe: Math.sqrt(Math.max(variance, level) / adjusted.length),
    trendPerYear: 0,
    trendSe: defaultTrendSe,
    seasonality: [...defaultSeason],
    seasonalitySe: defaultSeason.map(() => 0),
    seasonalityEstimated: false,
    anchorMonth,
    monthsUsed: usable.length,
    source: 'lists',
  };
}

function fitTrendAndSeasons(points: ReadonlyArray<{ month: MonthIndex; count: number }>, anchorMonth: MonthIndex): ArrivalModel {
  // log(count) = a + b * years since anchor + s[calendar month], with January as the reference month.
  const rows = points.map((p) => {
    const row = [1, (p.month - anchorMonth) / 12];
    for (let m = 1; m < 12; m++) row.push(calendarMonth(p.month) === m ? 1 : 0);
    return row;
  });
  const y = points.map((p) => Math.log(p.count + 0.5));
  const xt = transpose(rows) as number[][];
  const xtxInverse = inv(multiply(xt, rows) as number[][]) as number[][];
  const beta = multiply(xtxInverse, multiply(xt, y) as number[]) as number[];
  const fitted = rows.map((r) => r.reduce((sum, x, i) => sum + x * beta[i]!, 0));
  const dof = Math.max(1, points.length - beta.length);
  const sigma2 = y.reduce((sum, v, i) => sum + (v - fitted[i]!) ** 2, 0) / dof;
  const seasonalLog = [0, ...beta.slice(2)];
  const meanSeasonal = seasonalLog.reduce((a, b) => a + Math.exp(b), 0) / 12;
  const seasonality = seasonalLog.map((s) => Math.exp(s) / meanSeasonal);
  const level = Math.exp(beta[0]! + sigma2 / 2) * meanSeasonal;
  // The level's log-scale variance at the anchor: the intercept's plus the average seasonal term's.
  const logLevelVariance = sigma2 * (xtxInverse[0]![0]! + 1 / points.length);
  return {
    level,
    levelSe: level * Math.sqrt(Math.max(logLevelVariance, 0)),
    trendPerYear: Math.exp(beta[1]!) - 1,
    trendSe: Math.exp(beta[1]!) * Math.sqrt(Math.max(sigma2 * xtxInverse[1]![1]!, 0)),
    seasonality,
    // Each month's factor against the average month: its log-scale variance is roughly that of its
    // coefficient (January's, the reference, that of the intercept's share).
    seasonalitySe: seasonality.map((f, m) => f * Math.sqrt(Math.max(0, sigma2 * (m === 0 ? 12 / points.length : xtxInverse[m + 1]![m + 1]!)))),
    seasonalityEstimated: true,
    anchorMonth,
    monthsUsed: points.length,
    source: 'lists',
  };
}
