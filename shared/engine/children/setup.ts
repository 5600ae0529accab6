// From estimates and the lists to the projection's starting point: the cases open at the end of the last
// observed month, each with its time since start and months until 18, and the recent referrals that
// will still turn into plans and care.
import type { ClaRecord, CppRecord, Dataset } from '../../dataset/types.ts';
import { dayNumber } from '../../import/values/dates.ts';
import { monthlyRates } from '../core/spell-hazards.ts';
import { episodesAsSeen } from './episodes-as-seen.ts';
import type { Estimates } from './estimates.ts';
import type { MonthlyHistory } from './history.ts';
import { calendarMonth, daysPerMonth, lastDayIso, monthOfIso, type MonthIndex } from '../core/months.ts';
import type { OpenCases, ProjectionSetup } from './project.ts';

/** Open cases grouped by whole months since start and months until 18: the projection's unit of work. */
export function openCasesAt(episodes: ReadonlyArray<CppRecord | ClaRecord>, month: MonthIndex, ageOut: boolean): OpenCases {
  const end = lastDayIso(month);
  const endDay = dayNumber(end);
  const groups = new Map<string, { duration: number; to18: number; count: number }>();
  for (const e of episodes) {
    if (e.startDate > end || (e.endDate !== null && e.endDate <= end)) continue;
    const duration = Math.max(0, Math.round((endDay - dayNumber(e.startDate)) / daysPerMonth));
    const to18 = ageOut && e.birthMonth ? monthOfIso(`${e.birthMonth}-01`) + 18 * 12 - month : Infinity;
    const key = `${duration}|${to18}`;
    const group = groups.get(key);
    if (group) group.count++;
    else groups.set(key, { duration, to18, count: 1 });
  }
  const list = [...groups.values()];
  return { duration: Float64Array.from(list.map((g) => g.duration)), monthsTo18: Float64Array.from(list.map((g) => g.to18)), count: Float64Array.from(list.map((g) => g.count)) };
}

function aggregateOpen(history: MonthlyHistory, series: 'cppOpen' | 'claOpen', anchor: MonthIndex): OpenCases {
  const i = history.months.indexOf(anchor);
  let value: number | null = null;
  for (let k = i; k >= 0 && value === null; k--) value = history.series[series][k] ?? null;
  // Durations are unknown from aggregates: a constant exit rate makes them irrelevant.
  return { duration: Float64Array.of(12), monthsTo18: Float64Array.of(Infinity), count: Float64Array.of(value ?? 0) };
}

export function buildSetup(dataset: Dataset, history: MonthlyHistory, estimates: Estimates, horizon: number): ProjectionSetup {
  // Episodes that later extracts show to have ended are closed (episodes-as-seen.ts).
  dataset = episodesAsSeen(dataset);
  const anchor = estimates.anchorMonth;
  const r = estimates.referrals;
  const referralsBefore = Array.from({ length: 7 }, (_, k) => {
    const month = anchor - 6 + k;
    const i = history.months.indexOf(month);
    const observed = i >= 0 ? history.series.referrals[i] : null;
    return observed ?? r.level * r.seasonality[calendarMonth(month)]!;
  });
  return {
    startMonth: anchor + 1,
    horizon,
    referralsBefore,
    referral: { level: r.level, trendPerYear: r.trendPerYear, seasonality: r.seasonality, anchorMonth: anchor },
    cpp: {
      perReferral: estimates.cpp.conversion.perReferral,
      lagWeights: estimates.cpp.conversion.lagWeights,
      rates: monthlyRates(estimates.cpp.duration),
      open: dataset.cpp.length ? openCasesAt(dataset.cpp, anchor, false) : aggregateOpen(history, 'cppOpen', anchor),
      entryAgeShares: null,
    },
    cla: {
      perReferral: estimates.cla.conversion.perReferral,
      lagWeights: estimates.cla.conversion.lagWeights,
      rates: monthlyRates(estimates.cla.duration),
      open: dataset.cla.length ? openCasesAt(dataset.cla, anchor, true) : aggregateOpen(history, 'claOpen', anchor),
      entryAgeShares: dataset.cla.length ? estimates.cla.entryAgeShares : null,
    },
  };
}
