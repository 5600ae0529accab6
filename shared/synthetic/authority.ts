// A synthetic local authority with known rates: it lives month by month (referrals, child protection
// plans, periods of care, exits by time since start, leaving care at 18, optional shocks) and can be
// photographed as the Annex A lists an analyst would extract on any date. It is the demo authority, and
// the ground truth the estimators and the projection are tested against.
import { dayNumber, isoFromDayNumber } from '../import/values/dates.ts';
import { createRandom } from '../engine/core/random.ts';
import { logNormalMonthlyHazard, mixtureMonthlyHazard } from '../engine/core/duration-shapes.ts';

export interface SyntheticShock {
  from: string; // YYYY-MM-DD
  to: string;
  referralChange: number; // -0.4 = 40% fewer referrals while it lasts
  returnShare: number; // share of lost referrals that come back after it
  returnMonths: number; // spread evenly over this many months after `to`
  cppExitChange: number; // -0.2 = plans end 20% less often while it lasts
  claExitChange: number;
}

export interface AuthorityParameters {
  /** Referrals per month at `levelDate`, before seasonality. */
  referralsPerMonth: number;
  levelDate: string;
  /** Relative change per year (0.02 = 2% more each year). */
  referralTrendPerYear: number;
  /** Multipliers for January..December, averaging 1. */
  seasonality: readonly number[];
  cppPerReferral: number;
  claPerReferral: number;
  /** Mean months from referral to the start of a plan or of care. */
  cppLagMonths: number;
  claLagMonths: number;
  /** Monthly probability of a plan ending, by completed months since it started; the last value holds on. */
  cppExitHazard: readonly number[];
  claExitHazard: readonly number[];
  /** Relative weights of a referred child's age, -1 (unborn) then 0..17. */
  referralAgeWeights: readonly number[];
  /** Share of referrals that are of a child referred in the previous 12 months. */
  reReferralShare: number;
  placementMix: ReadonlyArray<readonly [code: string, weight: number]>;
  shocks: readonly SyntheticShock[];
}

export interface SyntheticChildEvent {
  id: number;
  birth: string;
}
export interface SyntheticReferral extends SyntheticChildEvent {
  date: string;
  source: string;
  nfa: boolean;
}
export interface SyntheticEpisode extends SyntheticChildEvent {
  start: string;
  end: string | null; // null: still open at the end of the simulation
  placement?: string;
  legalStatus?: string;
  reasonCeased?: string;
}

export interface SyntheticAuthority {
  parameters: AuthorityParameters;
  seed: number;
  simulatedFrom: string;
  simulatedTo: string;
  referrals: SyntheticReferral[];
  plans: SyntheticEpisode[];
  care: SyntheticEpisode[];
}

const daysPerMonth = 365.25 / 12;

/**
 * Defaults for a mid-sized English authority, from the national figures in ../shared/docs/annex-a.md:
 * about 10 plans and 5 entries to care per 100 referrals, median plan about 9 months, care stays with a
 * median around 14 months and a long tail, a summer and Christmas dip in referrals.
 */
export function defaultAuthorityParameters(): AuthorityParameters {
  return {
    referralsPerMonth: 300,
    levelDate: '2024-01-01',
    referralTrendPerYear: 0,
    seasonality: [0.98, 1.04, 1.06, 0.98, 1.03, 1.02, 1.02, 0.86, 1.02, 1.1, 1.07, 0.82],
    cppPerReferral: 0.1,
    claPerReferral: 0.05,
    cppLagMonths: 1.5,
    claLagMonths: 1,
    cppExitHazard: logNormalMonthlyHazard(9, 0.55),
    claExitHazard: mixtureMonthlyHazard([
      [0.45, 3, 0.9],
      [0.55, 30, 0.8],
    ]),
    referralAgeWeights: [3, 9, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 7, 7, 7, 6, 5, 3],
    reReferralShare: 0.2,
    placementMix: [
      ['U4', 20], ['U6', 22], ['U1', 8], ['U3', 6], ['K2', 14], ['H5', 6], ['P1', 6], ['A4', 4], ['P2', 4], ['R3', 2], ['K1', 1], ['Z1', 1], ['S1', 1],
    ],
    shocks: [],
  };
}

function monthIndex(day: number): { year: number; month: number } {
  const iso = isoFromDayNumber(day);
  return { year: +iso.slice(0, 4), month: +iso.slice(5, 7) };
}

function addMonthsIso(iso: string, months: number): string {
  const y = +iso.slice(0, 4);
  const m = +iso.slice(5, 7) - 1 + months;
  const year = y + Math.floor(m / 12);
  const month = ((m % 12) + 12) % 12;
  return `${year}-${String(month + 1).padStart(2, '0')}-01`;
}

function shockFactor(shocks: readonly SyntheticShock[], day: number, key: 'referralChange' | 'cppExitChange' | 'claExitChange'): number {
  let factor = 1;
  for (const s of shocks) if (day >= dayNumber(s.from) && day <= dayNumber(s.to)) factor *= 1 + s[key];
  return factor;
}

const referralSources = ['a) 1A: Individual', 'e) 2A: Schools', 'g) 3A: Health services', 'j) 3D: Health services', 'n) 5A: LA services', 'q) 6: Police', 's) 8: Other', 'm) 4: Housing'];
const referralSourceWeights = [14, 18, 6, 8, 10, 28, 10, 6];

export interface SimulationOptions {
  seed: number;
  from: string; // first simulated month (YYYY-MM-DD, day ignored)
  to: string; // last simulated day
  parameters?: AuthorityParameters;
}

export function simulateAuthority(options: SimulationOptions): SyntheticAuthority {
  const p = options.parameters ?? defaultAuthorityParameters();
  const rng = createRandom(options.seed);
  const firstDay = dayNumber(addMonthsIso(options.from, 0));
  const lastDay = dayNumber(options.to);
  const levelDay = dayNumber(p.levelDate);
  let nextId = 100000 + rng.int(0, 50000);
  const recent: SyntheticChildEvent[] = [];
  const referrals: SyntheticReferral[] = [];
  const plans: SyntheticEpisode[] = [];
  const care: SyntheticEpisode[] = [];
  const openPlanUntil = new Map<number, number>();
  const openCareUntil = new Map<number, number>();

  const returnedPerDay = (day: number) => {
    let extra = 0;
    for (const s of p.shocks) {
      const end = dayNumber(s.to);
      if (day > end && day <= end + s.returnMonths * daysPerMonth) {
        const lostPerDay = (-s.referralChange * baseRatePerDay(day)) || 0;
        const shockDays = end - dayNumber(s.from) + 1;
        extra += (Math.max(0, lostPerDay) * shockDays * s.returnShare) / (s.returnMonths * daysPerMonth);
      }
    }
    return extra;
  };
  function baseRatePerDay(day: number): number {
    const { month } = monthIndex(day);
    const years = (day - levelDay) / 365.25;
    return ((p.referralsPerMonth * Math.pow(1 + p.referralTrendPerYear, years)) / daysPerMonth) * p.seasonality[month - 1]!;
  }

  function episodeEnd(start: number, birth: number, hazard: readonly number[], exitKey: 'cppExitChange' | 'claExitChange', leaveAt18: boolean): number | null {
    const eighteenth = dayNumber(`${String(+isoFromDayNumber(birth).slice(0, 4) + 18)}${isoFromDayNumber(birth).slice(4)}`.replace('-02-29', '-03-01'));
    for (let k = 0; ; k++) {
      const monthStart = start + k * daysPerMonth;
      if (monthStart > lastDay) return null;
      const h = Math.min(1, hazard[Math.min(k, hazard.length - 1)]! * shockFactor(p.shocks, monthStart, exitKey));
      if (rng.next() < h) {
        const end = Math.round(monthStart + rng.next() * daysPerMonth);
        if (leaveAt18 && end >= eighteenth) return eighteenth <= lastDay ? eighteenth : null;
        return end > lastDay ? null : Math.max(end, start);
      }
      if (leaveAt18 && monthStart + daysPerMonth >= eighteenth) return eighteenth <= lastDay ? eighteenth : null;
    }
  }

  for (let day = firstDay; day <= lastDay; day++) {
    const rate = baseRatePerDay(day) * shockFactor(p.shocks, day, 'referralChange') + returnedPerDay(day);
    const count = rng.poisson(rate);
    for (let i = 0; i < count; i++) {
      let child: SyntheticChildEvent;
      if (recent.length > 50 && rng.next() < p.reReferralShare) {
        child = recent[rng.int(Math.max(0, recent.length - Math.round(p.referralsPerMonth * 12)), recent.length - 1)]!;
        if (dayNumber(child.birth) + 18 * 365.25 <= day) child = { id: nextId++, birth: isoFromDayNumber(day - 365) };
      } else {
        const age = rng.weighted([-1, ...Array.from({ length: 18 }, (_, a) => a)], p.referralAgeWeights);
        const birth = age < 0 ? day + rng.int(20, 150) : day - Math.round((age + rng.next()) * 365.25);
        child = { id: nextId++, birth: isoFromDayNumber(birth) };
      }
      recent.push(child);
      if (recent.length > p.referralsPerMonth * 14) recent.splice(0, recent.length - p.referralsPerMonth * 13);
      referrals.push({ ...child, date: isoFromDayNumber(day), source: rng.weighted(referralSources, referralSourceWeights), nfa: rng.next() < 0.35 });

      const birthDay = dayNumber(child.birth);
      if (rng.next() < p.cppPerReferral) {
        const start = Math.round(day + -Math.log(1 - rng.next()) * p.cppLagMonths * daysPerMonth);
        const under18 = start < birthDay + 18 * 365.25 - 31; // plans and care are for children
        if (under18 && start <= lastDay && (openPlanUntil.get(child.id) ?? -Infinity) < start) {
          const end = episodeEnd(start, birthDay, p.cppExitHazard, 'cppExitChange', true);
          openPlanUntil.set(child.id, end ?? Infinity);
          plans.push({ ...child, start: isoFromDayNumber(start), end: end === null ? null : isoFromDayNumber(end) });
        }
      }
      if (rng.next() < p.claPerReferral) {
        const start = Math.max(birthDay, Math.round(day + -Math.log(1 - rng.next()) * p.claLagMonths * daysPerMonth));
        const under18 = start < birthDay + 18 * 365.25 - 31;
        if (under18 && start <= lastDay && (openCareUntil.get(child.id) ?? -Infinity) < start) {
          const end = episodeEnd(start, birthDay, p.claExitHazard, 'claExitChange', true);
          openCareUntil.set(child.id, end ?? Infinity);
          care.push({
            ...child,
            start: isoFromDayNumber(start),
            end: end === null ? null : isoFromDayNumber(end),
            placement: rng.weighted(p.placementMix.map(([c]) => c), p.placementMix.map(([, w]) => w)),
            legalStatus: rng.weighted(['C1', 'C2', 'E1', 'V2'], [25, 40, 5, 30]),
            reasonCeased: rng.weighted(['E4A', 'E13', 'E11', 'E45', 'E5', 'E8'], [35, 10, 10, 10, 15, 20]),
          });
        }
      }
    }
  }
  plans.sort((a, b) => a.start.localeCompare(b.start));
  care.sort((a, b) => a.start.localeCompare(b.start));
  return { parameters: p, seed: options.seed, simulatedFrom: isoFromDayNumber(firstDay), simulatedTo: options.to, referrals, plans, care };
}
