// What the housing lists say about the rules a projection needs: approaches (the core's arrivals with a
// housing season), the share owed a duty, entries to temporary accommodation (TA) per approach by household
// kind and their delay, the first type a household is placed in, stays by type as censoring-aware hazards
// by time in the current type, and where households go on leaving a type (another type, or out of TA).
import { householdKinds, taTypes, type HouseholdKind, type HousingDataset, type TaType } from '../../dataset/housing.ts';
import { isoFromDayNumber } from '../../import/values/dates.ts';
import { estimateArrivals, type ArrivalModel } from '../core/arrivals.ts';
import { exponentialLagWeights, maxLagMonths } from '../core/conversion-lags.ts';
import { daysPerMonth, monthOfIso, type MonthIndex } from '../core/months.ts';
import { housingService } from '../services.ts';
import { estimateSpellHazards, monthlyRates, type SpellHazards } from '../core/spell-hazards.ts';
import { byType, housingHistory, monthStartDay, type ByType, type HousingHistory } from './housing-history.ts';
import { exportWindow, placementsOf, type Placement } from './stays.ts';

/** The housing default season (January high, summer and December low), used with under two years of approaches. */
export const housingSeason = housingService.arrivals.defaultSeason;
/** Months in the current type at which a stay's exit rate may change: month by month at first (B&B for weeks), then wider. */
export const housingStayEdges: readonly number[] = [0, 1, 2, 3, 4, 5, 6, 9, 12, 18, 24, 36, 48, 60];
/** Cohorts by whole months in the current type; the last holds everyone this long or longer. */
export const stayCohorts = 61;
/** Fewest exits a band's rate rests on before it is pooled with its neighbours. */
const minExitsPerBand = 10;
/** With fewer linked entries than this, the delay from approach to TA is the default. */
const minLinkedEntries = 20;
const defaultDelayMonths = 0.7;

export type ByKind<T> = Record<HouseholdKind, T>;
const byKind = <T>(make: (k: HouseholdKind) => T): ByKind<T> => Object.fromEntries(householdKinds.map((k) => [k, make(k)])) as ByKind<T>;

export interface StayModel extends SpellHazards {
  /** Exit rate in each whole month in the type, 0..stayCohorts. */
  monthly: number[];
}

export interface HousingEstimates {
  anchorMonth: MonthIndex;
  approaches: ArrivalModel;
  duty: { share: number; se: number; assessed: number };
  /** Share of approaches by household kind, over the last twelve months. */
  kindShare: ByKind<number>;
  /** Households entering TA per approach, by kind, and the delay in calendar months (0..maxLagMonths). */
  entry: ByKind<{ perApproach: number; se: number; entries: number; lagWeights: number[]; lagFromData: boolean }>;
  /** Approaches by kind in the anchor month and the months before it (index 0 = anchor month). */
  recentApproaches: ByKind<number[]>;
  firstType: ByKind<ByType<number>>;
  stays: ByType<StayModel>;
  /** On leaving a type: the share who move to each other type, and who leave TA ('out'). */
  moves: ByType<Record<TaType | 'out', number>>;
  /** Households in TA at the anchor month's end, by type and whole months in that type. */
  open: ByType<number[]>;
  notes: string[];
}

export function estimateHousing(dataset: HousingDataset, history: HousingHistory = housingHistory(dataset), placements: readonly Placement[] = placementsOf(dataset.ta)): HousingEstimates {
  const window = exportWindow(dataset);
  const anchor = history.lastMonth;
  const notes: string[] = [];
  const points = history.approaches.map((count, i) => ({ month: history.firstMonth + i, count }));
  const approaches = estimateArrivals(points, anchor, housingSeason) ?? { level: 0, levelSe: 0, trendPerYear: 0, trendSe: 0.03, seasonality: [...housingSeason], seasonalitySe: housingSeason.map(() => 0), seasonalityEstimated: false, anchorMonth: anchor, monthsUsed: 0, source: 'default' as const };
  if (!approaches.seasonalityEstimated) notes.push(`Under two years of approaches: the season is the housing default (January high, summer and December low).`);

  // Approaches by kind and month, and duties.
  const months = history.months.length;
  const byMonthKind = byKind(() => new Array<number>(months).fill(0));
  const caseOf = new Map<string, { kind: HouseholdKind; month: MonthIndex }>();
  let assessed = 0;
  let owed = 0;
  for (const c of dataset.cases) {
    const month = monthOfIso(c.approachDate);
    caseOf.set(c.caseId, { kind: c.household, month });
    if (month < history.firstMonth || month > anchor) continue;
    byMonthKind[c.household][month - history.firstMonth]!++;
    if (c.duty !== null) {
      assessed++;
      if (c.duty !== 'none') owed++;
    }
  }
  const dutyShare = assessed ? owed / assessed : 0.8;
  if (!assessed) notes.push('No assessed approaches: the share owed a duty is taken as eight in ten (housing.md).');
  const recentMonths = Math.min(12, months);
  const recentTotal = householdKinds.reduce((s, k) => s + byMonthKind[k].slice(months - recentMonths).reduce((a, b) => a + b, 0), 0);
  const kindShare = byKind((k) => (recentTotal ? byMonthKind[k].slice(months - recentMonths).reduce((a, b) => a + b, 0) / recentTotal : 1 / householdKinds.length));

  // Entries to TA linked to an approach in the lists: delays, and entries per approach allowing for the
  // approaches of the last months whose households may yet be placed.
  const lags = byKind(() => new Array<number>(maxLagMonths + 1).fill(0));
  const settledLags = byKind(() => new Array<number>(maxLagMonths + 1).fill(0));
  const firstTypeCounts = byKind(() => byType(() => 0));
  const anchorEnd = monthStartDay(anchor + 1);
  for (const p of placements) {
    if (!p.entry || p.placed < window.from || p.placed >= anchorEnd) continue;
    const c = caseOf.get(p.caseId);
    if (!c || c.month < history.firstMonth) continue;
    const lag = monthOfIso(isoFromDayNumber(p.placed)) - c.month;
    if (lag < 0 || lag > maxLagMonths) continue;
    lags[c.kind][lag]!++;
    if (c.month <= anchor - maxLagMonths) settledLags[c.kind][lag]!++;
    firstTypeCounts[c.kind][p.type]++;
  }
  const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
  const pooledSettled = settledLags.singleAdult.map((_, l) => householdKinds.reduce((s, k) => s + settledLags[k][l]!, 0));
  const pooledWeights = sum(pooledSettled) >= minLinkedEntries ? pooledSettled.map((x) => x / sum(pooledSettled)) : exponentialLagWeights(defaultDelayMonths);
  const allFirst = byType((t) => householdKinds.reduce((s, k) => s + firstTypeCounts[k][t], 0));
  const allFirstTotal = sum(Object.values(allFirst));
  const entry = byKind((k) => {
    const own = sum(settledLags[k]) >= minLinkedEntries;
    const lagWeights = own ? settledLags[k].map((x) => x / sum(settledLags[k])) : pooledWeights;
    const cumulative = lagWeights.map((_, l) => sum(lagWeights.slice(0, l + 1)));
    let exposure = 0;
    for (let i = 0; i < months; i++) exposure += byMonthKind[k][i]! * cumulative[Math.min(maxLagMonths, anchor - (history.firstMonth + i))]!;
    const entries = sum(lags[k]);
    const perApproach = exposure > 0 ? entries / exposure : 0;
    return { perApproach, se: perApproach / Math.sqrt(Math.max(entries, 1)), entries, lagWeights, lagFromData: own || sum(pooledSettled) >= minLinkedEntries };
  });
  const recentApproaches = byKind((k) => Array.from({ length: maxLagMonths }, (_, i) => byMonthKind[k][months - 1 - i] ?? 0));
  // Each kind's first types, drawn towards all kinds' where a kind has few entries.
  const firstType = byKind((k) => {
    const n = sum(Object.values(firstTypeCounts[k]));
    return byType((t) => (allFirstTotal ? (firstTypeCounts[k][t] + (5 * allFirst[t]) / allFirstTotal) / (n + 5) : t === 'nightlyPaid' ? 1 : 0));
  });

  // Stays by type, by time in the type; a placement begun before the export's start is seen from then on.
  const windows = [{ fromExclusive: isoFromDayNumber(window.from - 1), to: window.extractDate }];
  const stays = byType((t): StayModel => {
    const spells = placements.filter((p) => p.type === t).map((p) => ({ start: p.placed, end: p.left, censor: null }));
    const hazards = estimateSpellHazards(spells, windows, minExitsPerBand, housingStayEdges);
    if (!hazards) {
      notes.push(`No placements in ${t}: households placed there leave at the rate of all types together.`);
      return { ...pooledStay(placements, windows), monthly: [] };
    }
    return { ...hazards, monthly: [] };
  });
  for (const t of taTypes) stays[t].monthly = [...monthlyRates(stays[t], stayCohorts + 1, housingStayEdges)];

  const moves = byType((t) => {
    const counts: Record<TaType | 'out', number> = { ...byType(() => 0), out: 0.5 };
    for (const p of placements) if (p.type === t && p.next !== null && p.left! >= window.from) counts[p.next]++;
    const total = sum(Object.values(counts));
    return Object.fromEntries(Object.entries(counts).map(([to, n]) => [to, n / total])) as Record<TaType | 'out', number>;
  });

  const open = byType(() => new Array<number>(stayCohorts).fill(0));
  for (const p of placements) {
    if (p.placed >= anchorEnd || (p.left !== null && p.left < anchorEnd)) continue;
    open[p.type][Math.min(stayCohorts - 1, Math.floor((anchorEnd - p.placed) / daysPerMonth))]!++;
  }

  return { anchorMonth: anchor, approaches, duty: { share: dutyShare, se: Math.sqrt((dutyShare * (1 - dutyShare)) / Math.max(assessed, 1)), assessed }, kindShare, entry, recentApproaches, firstType, stays, moves, open, notes };
}

function pooledStay(placements: readonly Placement[], windows: Array<{ fromExclusive: string; to: string }>): SpellHazards {
  const spells = placements.map((p) => ({ start: p.placed, end: p.left, censor: null }));
  return estimateSpellHazards(spells, windows, minExitsPerBand, housingStayEdges) ?? { ratePerMonth: housingStayEdges.map(() => 1 / 24), events: housingStayEdges.map(() => 0), exposureMonths: housingStayEdges.map(() => 0), logSe: 0.5, medianMonths: 24 * Math.LN2, meanMonths: 24 };
}
