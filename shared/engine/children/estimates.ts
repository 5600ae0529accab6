// Every rate the projection uses, estimated from the history with its uncertainty, or a documented
// default where the data cannot say, and a note in plain words for each default used.
import type { ClaRecord, Dataset } from '../../dataset/types.ts';
import { placementGroups, type PlacementGroup } from '../../import/values/codes.ts';
import type { AggregatePeriod } from './aggregate-history.ts';
import { episodesAsSeen } from './episodes-as-seen.ts';
import { conversionFromAggregates, durationFromAggregates, periodsForTrend, referralsFromAggregates } from './aggregate-rates.ts';
import { logNormalMonthlyHazard, mixtureMonthlyHazard } from '../core/duration-shapes.ts';
import {
  defaultConversion,
  durationTuning,
  defaultEntryAgeShares,
  estimateConversion,
  estimateDurations,
  estimateEntryAges,
  fromMonthlyProbabilities,
  type ConversionModel,
  type DurationModel,
} from './estimate-flows.ts';
import { defaultTrendSe } from '../core/arrivals.ts';
import { exponentialLagWeights } from '../core/conversion-lags.ts';
import { defaultSeasonality, estimateReferrals, type ReferralModel } from './estimate-referrals.ts';
import type { MonthlyHistory } from './history.ts';
import { lastDayIso, type MonthIndex } from '../core/months.ts';
import { entriesAsDriver, entriesConversion } from './placements/entries-driver.ts';

export interface Estimates {
  anchorMonth: MonthIndex;
  referrals: ReferralModel;
  cpp: { conversion: ConversionModel; duration: DurationModel };
  cla: { conversion: ConversionModel; duration: DurationModel; entryAgeShares: number[]; entryAgesFromData: boolean };
  /** Shares of children in care by placement group at the end of the last observed month. */
  placementMix: Partial<Record<PlacementGroup | 'unknown', number>>;
  /** What drives starts: referrals, or (with no referrals at all) entries to care projected on their own. */
  driver: 'referrals' | 'claStarts';
  notes: string[];
}

/** The lists hold no dated rows and no aggregate history was given: nothing to estimate or project. */
export class NothingToProjectError extends Error {
  constructor() {
    super('There is no history to project from: give lists with dated rows, or an aggregate history.');
    this.name = 'NothingToProjectError';
  }
}

export const defaultDurations = {
  cpp: () => fromMonthlyProbabilities(logNormalMonthlyHazard(9, 0.55), 'default'),
  cla: () => fromMonthlyProbabilities(mixtureMonthlyHazard([[0.45, 3, 0.9], [0.55, 30, 0.8]]), 'default'),
};

function listMonths(history: MonthlyHistory, series: 'referrals' | 'cppStarts' | 'claStarts'): Set<MonthIndex> {
  return new Set(history.months.filter((_, i) => history.sources[series][i] === 'lists'));
}

function placementMixAt(care: readonly ClaRecord[], month: MonthIndex): Estimates['placementMix'] {
  const end = lastDayIso(month);
  const open = care.filter((c) => c.startDate <= end && (c.endDate === null || c.endDate > end));
  const mix: Estimates['placementMix'] = {};
  for (const c of open) {
    const group = c.placementGroup ?? 'unknown';
    mix[group] = (mix[group] ?? 0) + 1 / open.length;
  }
  return mix;
}

export function estimate(dataset: Dataset, history: MonthlyHistory, aggregates: readonly AggregatePeriod[]): Estimates {
  // Episodes that later extracts show to have ended are closed (episodes-as-seen.ts).
  dataset = episodesAsSeen(dataset);
  const anchor = history.lastObservedMonth;
  if (anchor === null) throw new NothingToProjectError();
  const notes: string[] = [];

  // Referrals.
  const points = history.months.flatMap((month, i) => {
    const value = history.series.referrals[i];
    return value !== null && value !== undefined && history.sources.referrals[i] !== 'aggregate-spread' ? [{ month, count: value }] : [];
  });
  const fromAggregates = referralsFromAggregates(aggregates, anchor);
  let referrals: ReferralModel | null = null;
  if (points.length >= 3) {
    referrals = estimateReferrals(points, anchor);
    if (referrals && !referrals.seasonalityEstimated) {
      const trend = fromAggregates?.trend ?? null;
      if (trend) {
        referrals = { ...referrals, trendPerYear: trend.trendPerYear, trendSe: trend.trendSe };
        notes.push(`Referrals: ${referrals.monthsUsed} complete months in the lists, too few for a seasonal pattern, so the usual pattern is used; the trend is measured on ${trend.periods} periods of the aggregate history (${trendWords(trend)}).`);
      } else {
        notes.push(`Referrals: ${referrals.monthsUsed} months of complete history, fewer than the 24 needed to measure a trend and a seasonal pattern, so the trend is taken as flat (give or take ${Math.round(defaultTrendSe * 100)}% a year) and the usual seasonal pattern is used.`);
      }
    }
  } else if (fromAggregates) {
    const trend = fromAggregates.trend;
    referrals = {
      level: fromAggregates.level,
      levelSe: fromAggregates.levelSe,
      trendPerYear: trend?.trendPerYear ?? 0,
      trendSe: trend?.trendSe ?? defaultTrendSe,
      seasonality: [...defaultSeasonality],
      seasonalitySe: defaultSeasonality.map(() => 0),
      seasonalityEstimated: false,
      anchorMonth: anchor,
      monthsUsed: history.sources.referrals.filter((s) => s === 'aggregate-spread' || s === 'aggregate').length,
      source: 'aggregate',
    };
    notes.push(
      `Referrals: from ${fromAggregates.periodsUsed} period totals. Each total is spread over its months by the usual seasonal pattern, which keeps the total; ` +
        (trend ? `the trend is measured on the periods (${trendWords(trend)}).` : `${fromAggregates.periodsUsed} periods are too few to measure a trend (${periodsForTrendText}), so it is taken as flat, give or take ${Math.round(defaultTrendSe * 100)}% a year.`),
    );
  }
  // Without referrals, entries to care drive the projection (shared/engine/placements/entries-driver.ts).
  const drivenByEntries = !referrals;
  if (!referrals) referrals = entriesAsDriver(history, anchor);
  if (!referrals) throw new Error('There are no referral counts to project from: add List 3 (referrals) or referrals in the aggregate history.');
  if (drivenByEntries) notes.push('There are no referrals, so children entering care are projected from their own monthly history (level, trend and season); the referrals line of the projection shows those entries.');

  // Conversion from referrals.
  const conversionFor = (list: 'cpp' | 'cla'): ConversionModel => {
    if (drivenByEntries) return entriesConversion(history, list);
    const months = new Set([...listMonths(history, 'referrals')].filter((m) => listMonths(history, `${list}Starts`).has(m)));
    const defaultLag = list === 'cpp' ? 1.5 : 1;
    if (dataset[list].length > 0 && months.size > 0) {
      const fromLists = estimateConversion(dataset.referrals, dataset[list], months, defaultLag);
      if (fromLists) {
        if (!fromLists.lagFromData) notes.push(`${list === 'cpp' ? 'Child protection plans' : 'Children in care'}: too few children could be linked to their referral to measure the delay, so an average delay of ${defaultLag} months is used.`);
        return { ...fromLists, source: 'lists' };
      }
    }
    const agg = conversionFromAggregates(aggregates, `${list}Starts`, anchor);
    if (agg.referrals > 0 && agg.starts > 0) {
      const p = agg.starts / agg.referrals;
      return { perReferral: p, se: p * Math.sqrt(1 / agg.starts + 1 / agg.referrals), lagWeights: exponentialLagWeights(defaultLag), meanLagMonths: defaultLag, lagFromData: false, linkedShare: null, startsUsed: agg.starts, referralsUsed: agg.referrals, source: 'aggregate' };
    }
    const p = defaultConversion[list];
    notes.push(`${list === 'cpp' ? 'Child protection plans' : 'Children in care'}: no starts to measure, so the national rate of ${Math.round(p * 100)} per 100 referrals is used.`);
    return { perReferral: p, se: p * 0.25, lagWeights: exponentialLagWeights(defaultLag), meanLagMonths: defaultLag, lagFromData: false, linkedShare: null, startsUsed: 0, referralsUsed: 0, source: 'default' };
  };

  // Durations.
  const windows = history.windows.map((w) => ({ fromExclusive: w.windowStart, to: w.extractDate }));
  const durationFor = (list: 'cpp' | 'cla', conversion: ConversionModel): DurationModel => {
    const fromLists = dataset[list].length > 0 ? estimateDurations(dataset[list], windows, list === 'cla', durationTuning.minEventsPerBand[list]) : null;
    if (fromLists) return fromLists;
    const fromAggregates = durationFromAggregates(aggregates, list, anchor, conversion.perReferral * referrals.level);
    if (fromAggregates) {
      const { derivedEnds, steadyState, periodsUsed, ...duration } = fromAggregates;
      const perMonth = 1 - Math.exp(-duration.ratePerMonth[0]!);
      notes.push(
        `${list === 'cpp' ? 'Child protection plans' : 'Children in care'}: durations come from aggregate figures (` +
          (steadyState
            ? `no ends are given and none can be worked out, so as many are taken to end as start, at the number last counted open: ${(perMonth * 100).toFixed(1)}% end each month)`
            : `ends over the average number open in the last ${periodsUsed === 1 ? 'period' : `${periodsUsed} periods`}: ${(perMonth * 100).toFixed(1)}% end each month)${derivedEnds ? ', with ends worked out from the numbers open and starting where they are not given' : ''}`) +
          `, so every case has the same chance of ending each month whatever its length so far` +
          `${list === 'cla' ? '; those ends include children leaving care at 18, so nobody is aged out a second time' : ''}.`,
      );
      return duration;
    }
    notes.push(`${list === 'cpp' ? 'Child protection plans' : 'Children in care'}: no list to measure how long they last, so national durations are used.`);
    return defaultDurations[list]();
  };

  const completeClaMonths = listMonths(history, 'claStarts');
  const ages = estimateEntryAges(dataset.cla, completeClaMonths);
  if (!ages.fromData && dataset.cla.length > 0) notes.push(`Ages of children entering care: ${ages.starts} dated entries with a date of birth, too few to measure, so the national age pattern is used.`);
  const total = defaultEntryAgeShares.reduce((a, b) => a + b, 0);
  // In this order, so the notes read plans then care, each conversion before its durations.
  const cppConversion = conversionFor('cpp');
  const cppDuration = durationFor('cpp', cppConversion);
  const claConversion = conversionFor('cla');
  const claDuration = durationFor('cla', claConversion);
  return {
    anchorMonth: anchor,
    referrals,
    cpp: { conversion: cppConversion, duration: cppDuration },
    cla: {
      conversion: claConversion,
      duration: claDuration,
      entryAgeShares: ages.fromData ? ages.shares : defaultEntryAgeShares.map((s) => s / total),
      entryAgesFromData: ages.fromData,
    },
    placementMix: dataset.cla.length ? placementMixAt(dataset.cla, anchor) : {},
    driver: drivenByEntries ? 'claStarts' : 'referrals',
    notes,
  };
}

function trendWords(t: { trendPerYear: number; measuredPerYear: number; trendSe: number; used: boolean }): string {
  const pct = (v: number) => `${v >= 0 ? '+' : ''}${(v * 100).toFixed(1)}%`;
  return t.used ? `${pct(t.trendPerYear)} a year, give or take ${(t.trendSe * 100).toFixed(1)}%` : `${pct(t.measuredPerYear)} a year, within its noise of ${(t.trendSe * 100).toFixed(1)}%, so taken as flat`;
}
const periodsForTrendText = `a trend needs ${periodsForTrend}`;

export function placementGroupLabel(group: PlacementGroup | 'unknown'): string {
  return group === 'unknown' ? 'Placement not known' : placementGroups[group];
}
