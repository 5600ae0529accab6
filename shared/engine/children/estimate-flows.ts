// How referrals turn into child protection plans and periods of care, and how long those last.
import type { ClaRecord, CppRecord, ReferralRecord } from '../../dataset/types.ts';
import { dayNumber, isoFromDayNumber } from '../../import/values/dates.ts';
import { daysPerMonth, monthOfIso, type MonthIndex } from '../core/months.ts';
import { exponentialLagWeights, maxLagMonths } from '../core/conversion-lags.ts';
import { durationBandEdges, estimateSpellHazards, monthlyRates, survivalSummary, type ObservationInterval, type Spell, type SpellHazards } from '../core/spell-hazards.ts';

// ---------------------------------------------------------------- conversion from referrals

export interface ConversionModel {
  /** Starts per referral. */
  perReferral: number;
  se: number;
  /** Share of starts in month t + k that come from referrals in month t, k = 0, 1, ... */
  lagWeights: number[];
  meanLagMonths: number;
  lagFromData: boolean;
  /** Share of starts whose child had a referral in the 6 months before (null where not measurable). */
  linkedShare: number | null;
  startsUsed: number;
  referralsUsed: number;
  source: 'lists' | 'aggregate' | 'default';
}

/** Documented defaults (national figures): about 10 plans and 5 entries to care per 100 referrals. */
export const defaultConversion = { cpp: 0.1, cla: 0.05 } as const;
export function estimateConversion(
  referrals: readonly ReferralRecord[],
  starts: ReadonlyArray<CppRecord | ClaRecord>,
  completeMonths: ReadonlySet<MonthIndex>,
  defaultLagMonths: number,
): { perReferral: number; se: number; startsUsed: number; referralsUsed: number; lagWeights: number[]; meanLagMonths: number; lagFromData: boolean; linkedShare: number | null } | null {
  const referralCount = referrals.filter((r) => completeMonths.has(monthOfIso(r.referralDate))).length;
  const windowStarts = starts.filter((s) => completeMonths.has(monthOfIso(s.startDate)));
  if (referralCount === 0) return null;
  const perReferral = windowStarts.length / referralCount;
  const se = Math.max(perReferral, 0.5 / referralCount) * Math.sqrt(1 / Math.max(windowStarts.length, 1) + 1 / referralCount);

  // Link each start to the child's latest referral in the six months before it.
  const byChild = new Map<string, number[]>();
  for (const r of referrals) {
    const days = byChild.get(r.child);
    if (days) days.push(dayNumber(r.referralDate));
    else byChild.set(r.child, [dayNumber(r.referralDate)]);
  }
  const lags: number[] = [];
  for (const s of windowStarts) {
    const start = dayNumber(s.startDate);
    const candidates = (byChild.get(s.child) ?? []).filter((d) => d <= start && start - d <= maxLagMonths * daysPerMonth);
    if (candidates.length) lags.push(monthOfIso(s.startDate) - monthOfIso(isoFromDayNumber(Math.max(...candidates))));
  }
  const linkedShare = windowStarts.length ? lags.length / windowStarts.length : null;
  if (lags.length >= 20) {
    const weights = Array.from({ length: maxLagMonths + 1 }, (_, k) => lags.filter((l) => l === k).length / lags.length);
    return { perReferral, se, startsUsed: windowStarts.length, referralsUsed: referralCount, lagWeights: weights, meanLagMonths: lags.reduce((a, b) => a + b, 0) / lags.length, lagFromData: true, linkedShare };
  }
  return { perReferral, se, startsUsed: windowStarts.length, referralsUsed: referralCount, lagWeights: exponentialLagWeights(defaultLagMonths), meanLagMonths: defaultLagMonths, lagFromData: false, linkedShare };
}

// ---------------------------------------------------------------- durations

/** Exit rates by band of durationBandEdges, and where they came from. */
export interface DurationModel extends SpellHazards {
  source: 'lists' | 'aggregate' | 'default';
}

export function fromMonthlyProbabilities(probabilities: readonly number[], source: DurationModel['source']): DurationModel {
  // Average the continuous rate over each band's months.
  const ratePerMonth = durationBandEdges.map((edge, b) => {
    const end = durationBandEdges[b + 1] ?? edge + 60;
    const ks = Array.from({ length: Math.max(1, end - edge) }, (_, i) => Math.min(edge + i, probabilities.length - 1));
    return ks.reduce((sum, k) => sum - Math.log(Math.max(1 - probabilities[k]!, 1e-9)), 0) / ks.length;
  });
  const summary = survivalSummary(monthlyRates({ ratePerMonth }));
  return { ratePerMonth, events: ratePerMonth.map(() => 0), exposureMonths: ratePerMonth.map(() => 0), logSe: 0.25, ...summary, source };
}

/**
 * The fewest exits a band's rate rests on: sparser bands are pooled with their neighbours. Chosen by the
 * generated-authority reference check (scripts/reference-check.ts, docs/model.md): pooling steadies the long
 * tail of care, and costs accuracy for plans, whose exit rate has a real rise and fall that pooling flattens.
 */
export const durationTuning = { minEventsPerBand: { cpp: 0, cla: 20 } };

/**
 * Exit rates by time since start from what the windows saw (the core's spell hazards). Children leaving care
 * on turning 18 are not exits of the hazard: the projection ages them out by date of birth instead, so a
 * spell is watched only until the 18th birthday, and an end within a month of it is not an exit.
 */
export function estimateDurations(episodes: ReadonlyArray<CppRecord | ClaRecord>, windows: readonly ObservationInterval[], ageOutAt18: boolean, minEventsPerBand = 0): DurationModel | null {
  if (episodes.length === 0) return null;
  const spells = episodes.map((e): Spell => {
    const start = dayNumber(e.startDate);
    const end = e.endDate ? dayNumber(e.endDate) : null;
    const eighteenth = ageOutAt18 && e.birthMonth ? dayNumber(`${+e.birthMonth.slice(0, 4) + 18}${e.birthMonth.slice(4)}-15`) : null;
    const agedOut = end !== null && eighteenth !== null && Math.abs(end - eighteenth) <= 31;
    // Aged out: watched until the earlier of the end and the birthday, and never an exit.
    return agedOut ? { start, end: null, censor: Math.min(end, eighteenth) } : { start, end, censor: eighteenth };
  });
  const hazards = estimateSpellHazards(spells, windows, minEventsPerBand);
  return hazards && { ...hazards, source: 'lists' };
}

// ---------------------------------------------------------------- ages at entry to care

/** Shares of children entering care by age 0..17 (DfE children looked after statistics, rounded). */
export const defaultEntryAgeShares: readonly number[] = [0.19, 0.04, 0.04, 0.04, 0.03, 0.036, 0.036, 0.036, 0.036, 0.036, 0.06, 0.06, 0.06, 0.06, 0.06, 0.05, 0.07, 0.07];

export function estimateEntryAges(care: readonly ClaRecord[], completeMonths: ReadonlySet<MonthIndex>): { shares: number[]; starts: number; fromData: boolean } {
  const counts = new Array<number>(18).fill(0);
  let n = 0;
  for (const c of care) {
    if (!c.birthMonth || !completeMonths.has(monthOfIso(c.startDate))) continue;
    const age = Math.floor((monthOfIso(c.startDate) - monthOfIso(`${c.birthMonth}-01`)) / 12);
    if (age < 0 || age > 17) continue;
    counts[age] = counts[age]! + 1;
    n++;
  }
  const total = defaultEntryAgeShares.reduce((a, b) => a + b, 0);
  if (n < 30) return { shares: defaultEntryAgeShares.map((s) => s / total), starts: n, fromData: false };
  // Smooth the observed shares towards the national pattern in proportion to how few starts there are.
  const weight = n / (n + 50);
  return { shares: counts.map((c, a) => weight * (c / n) + (1 - weight) * (defaultEntryAgeShares[a]! / total)), starts: n, fromData: true };
}
