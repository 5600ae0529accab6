// A synthetic housing authority with known rules, for testing the housing projection against a future
// whose expectation is known: approaches grow year by year and peak in January; about eight in ten are
// owed a prevention or relief duty; some households, families more than single adults and relief more
// than prevention, are placed in temporary accommodation (TA) a few weeks after they approach; they stay
// for a time that depends on the type of TA and on how long they have been in it (families leave B&B
// after six weeks, as the law expects), and move between types (B&B to nightly paid to leased) before
// they leave. It writes the case list and the TA list a housing analyst would export, and can live its
// future many times over to give the expected TA households and nights by type.
import { dayNumber, isoFromDayNumber } from '../import/values/dates.ts';
import { createRandom, type Random } from '../engine/core/random.ts';
import { housingService } from '../engine/services.ts';

import { taTypes, taTypeWords, type TaType } from '../dataset/housing.ts';

export { taTypes, taTypeWords, type TaType };

export const householdTypes = ['Single adult', 'Couple or single parent with dependent children', 'Couple or other adults without children'] as const;
export type HouseholdType = (typeof householdTypes)[number];
type Duty = 'Prevention' | 'Relief' | 'None';

export interface HousingRules {
  /** Approaches a month in the first simulated year (before the season), and their growth a year. */
  approachesPerMonth: number;
  growthPerYear: number;
  /** Multiplier on approaches by calendar month, January first. */
  season: readonly number[];
  /** Chance a household of each type is placed in TA, by the duty it is owed. */
  taChance: Readonly<Record<HouseholdType, Readonly<Record<Duty, number>>>>;
  /** Mean days from approach to placement (exponential). */
  meanDaysToTa: number;
}

// January high, summer and December low, as approaches are (housing.md): the housing service's own default.
const defaultSeason = housingService.arrivals.defaultSeason;

export const defaultHousingRules: HousingRules = {
  approachesPerMonth: 420,
  growthPerYear: 0.06,
  season: defaultSeason,
  taChance: {
    'Single adult': { Prevention: 0.02, Relief: 0.12, None: 0 },
    'Couple or single parent with dependent children': { Prevention: 0.1, Relief: 0.45, None: 0.02 },
    'Couple or other adults without children': { Prevention: 0.03, Relief: 0.15, None: 0 },
  },
  meanDaysToTa: 21,
};

const householdWeights: Readonly<Record<HouseholdType, number>> = { 'Single adult': 0.55, 'Couple or single parent with dependent children': 0.37, 'Couple or other adults without children': 0.08 };
const dutyWeights: Readonly<Record<Duty, number>> = { Prevention: 0.45, Relief: 0.35, None: 0.2 };

const firstType: Readonly<Record<HouseholdType, Readonly<Record<TaType, number>>>> = {
  'Single adult': { bedAndBreakfast: 0.3, nightlyPaid: 0.2, hostel: 0.4, privateLeased: 0.02, socialHousing: 0.03, other: 0.05 },
  'Couple or single parent with dependent children': { bedAndBreakfast: 0.25, nightlyPaid: 0.45, hostel: 0.05, privateLeased: 0.18, socialHousing: 0.05, other: 0.02 },
  'Couple or other adults without children': { bedAndBreakfast: 0.3, nightlyPaid: 0.35, hostel: 0.2, privateLeased: 0.08, socialHousing: 0.04, other: 0.03 },
};

/** Chance a day of leaving this type, by days already in it; and where a household goes when it leaves (null: out of TA). */
function dailyExit(type: TaType, family: boolean, daysIn: number): number {
  switch (type) {
    // Families should not stay in B&B beyond six weeks: most move on around then.
    case 'bedAndBreakfast':
      return family ? (daysIn < 42 ? 1 / 90 : 1 / 12) : 1 / 60;
    case 'nightlyPaid':
      return daysIn < 90 ? 1 / 500 : 1 / 360;
    case 'hostel':
      return 1 / 210;
    case 'privateLeased':
      return 1 / 900;
    case 'socialHousing':
      return 1 / 700;
    case 'other':
      return 1 / 240;
  }
}

const moveOn: Readonly<Record<TaType, Readonly<Partial<Record<TaType | 'out', number>>>>> = {
  bedAndBreakfast: { nightlyPaid: 0.55, privateLeased: 0.1, out: 0.35 },
  nightlyPaid: { privateLeased: 0.3, out: 0.7 },
  hostel: { nightlyPaid: 0.1, out: 0.9 },
  privateLeased: { out: 1 },
  socialHousing: { out: 1 },
  other: { nightlyPaid: 0.2, out: 0.8 },
};

export interface SimTaPlacement {
  start: number; // day number
  end: number | null;
  type: TaType;
}

export interface SimCase {
  id: number;
  approach: number; // day number
  household: HouseholdType;
  children: number;
  duty: Duty;
  placements: SimTaPlacement[];
}

export interface HousingAuthority {
  cases: SimCase[];
  /** Cases with a household in TA on the last day. */
  inTa: SimCase[];
  rules: HousingRules;
  from: number;
  to: number;
  seed: number;
}

function pickWeighted<K extends string>(weights: Readonly<Partial<Record<K, number>>>, rng: Random): K {
  const keys = Object.keys(weights) as K[];
  return rng.weighted(keys, keys.map((k) => weights[k] ?? 0));
}

function newCase(id: number, day: number, rng: Random, rules: HousingRules): { c: SimCase; placedOn: number | null } {
  const household = pickWeighted(householdWeights, rng);
  const duty = pickWeighted(dutyWeights, rng);
  const children = household === 'Couple or single parent with dependent children' ? 1 + Math.min(5, Math.floor(-Math.log(1 - rng.next()) * 1.3)) : 0;
  const placed = rng.next() < rules.taChance[household][duty];
  const delay = Math.floor(-Math.log(1 - rng.next()) * rules.meanDaysToTa);
  return { c: { id, approach: day, household, children, duty, placements: [] }, placedOn: placed ? day + delay : null };
}

// A household in TA lives one day: it may leave its placement, to another type or out of TA.
function liveDay(c: SimCase, day: number, rng: Random): boolean {
  const p = c.placements.at(-1)!;
  const family = c.household === 'Couple or single parent with dependent children';
  if (rng.next() >= dailyExit(p.type, family, day - p.start)) return true;
  p.end = day;
  const to = pickWeighted(moveOn[p.type], rng);
  if (to === 'out') return false;
  c.placements.push({ start: day, end: null, type: to });
  return true;
}

function approachesOn(rules: HousingRules, from: number, day: number): number {
  const month = +isoFromDayNumber(day).slice(5, 7) - 1;
  const years = (day - from) / 365.25;
  return ((rules.approachesPerMonth * 12) / 365.25) * (1 + rules.growthPerYear) ** years * rules.season[month]!;
}

interface Waiting {
  c: SimCase;
  on: number;
}

// Days from `start` to `end` inclusive: new approaches, placements that fall due, and a day of every stay.
function liveDays(state: { open: SimCase[]; waiting: Waiting[]; nextId: number }, start: number, end: number, origin: number, rules: HousingRules, rng: Random, keep: SimCase[] | null): void {
  for (let day = start; day <= end; day++) {
    state.open = state.open.filter((c) => liveDay(c, day, rng));
    const n = rng.poisson(approachesOn(rules, origin, day));
    for (let k = 0; k < n; k++) {
      const { c, placedOn } = newCase(state.nextId++, day, rng, rules);
      keep?.push(c);
      if (placedOn !== null) state.waiting.push({ c, on: placedOn });
    }
    const stillWaiting: Waiting[] = [];
    for (const w of state.waiting) {
      if (w.on > day) {
        stillWaiting.push(w);
        continue;
      }
      w.c.placements.push({ start: day, end: null, type: pickWeighted(firstType[w.c.household], rng) });
      state.open.push(w.c);
    }
    state.waiting = stillWaiting;
  }
}

/** Simulates from `from` (YYYY-MM-DD) to `to`, day by day. */
export function simulateHousing(options: { seed: number; from: string; to: string; rules?: HousingRules }): HousingAuthority & { waiting: Waiting[] } {
  const rules = options.rules ?? defaultHousingRules;
  const rng = createRandom(options.seed);
  const from = dayNumber(options.from);
  const to = dayNumber(options.to);
  const cases: SimCase[] = [];
  const state = { open: [] as SimCase[], waiting: [] as Waiting[], nextId: 1 };
  liveDays(state, from, to, from, rules, rng, cases);
  return { cases, inTa: state.open, waiting: state.waiting, rules, from, to, seed: options.seed };
}

export interface TaMonth {
  /** Households in TA at the month's end, by type and in all. */
  byType: Record<TaType, number>;
  total: number;
  /** Nights spent in TA in the month, by type. */
  nights: Record<TaType, number>;
}

const zeroByType = (): Record<TaType, number> => Object.fromEntries(taTypes.map((t) => [t, 0])) as Record<TaType, number>;

function cloneCase(c: SimCase): SimCase {
  return { ...c, placements: c.placements.map((p) => ({ ...p })) };
}

/**
 * The generator's expected future: the households in TA on the last day, and those waiting to be placed,
 * live the next `months` months `runs` times with new approaches, and month-end households and nights by
 * type are averaged.
 */
export function expectedHousingFuture(authority: ReturnType<typeof simulateHousing>, months: number, runs: number): TaMonth[] {
  const out = Array.from({ length: months }, () => ({ byType: zeroByType(), total: 0, nights: zeroByType() }));
  const firstIso = isoFromDayNumber(authority.to + 1);
  for (let r = 0; r < runs; r++) {
    const rng = createRandom(authority.seed * 1000 + r + 1);
    const cloned = new Map<SimCase, SimCase>();
    const copy = (c: SimCase) => cloned.get(c) ?? (cloned.set(c, cloneCase(c)), cloned.get(c)!);
    const state = { open: authority.inTa.map(copy), waiting: authority.waiting.map((w) => ({ c: copy(w.c), on: w.on })), nextId: 1e9 };
    let y = +firstIso.slice(0, 4);
    let m = +firstIso.slice(5, 7);
    for (let t = 0; t < months; t++) {
      const start = dayNumber(`${y}-${String(m).padStart(2, '0')}-01`);
      [y, m] = m === 12 ? [y + 1, 1] : [y, m + 1];
      const end = dayNumber(`${y}-${String(m).padStart(2, '0')}-01`) - 1;
      for (let day = start; day <= end; day++) {
        liveDays(state, day, day, authority.from, authority.rules, rng, null);
        // A night is counted for each household in TA at the day's end.
        for (const c of state.open) out[t]!.nights[c.placements.at(-1)!.type] += 1 / runs;
      }
      for (const c of state.open) out[t]!.byType[c.placements.at(-1)!.type] += 1 / runs;
      out[t]!.total += state.open.length / runs;
    }
  }
  return out;
}

const uk = (day: number) => {
  const iso = isoFromDayNumber(day);
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
};


/**
 * The case list (approaches from `exportFrom`) and the TA list (every placement open on or after
 * `exportFrom`, including those of households placed before it, whose case is not in the case list), as
 * the CSV files an analyst would export on `extractDate`.
 */
export function writeHousingLists(authority: HousingAuthority, exportFrom: string, extractDate: string): { cases: string; ta: string } {
  const from = dayNumber(exportFrom);
  const extract = dayNumber(extractDate);
  const cases = ['Case ID,Date of approach,Household type,Number of children,Reason for homelessness,Duty owed,Duty start date,Duty end date,Duty outcome'];
  const ta = ['Case ID,Date placed,Date left,Type of temporary accommodation,In or out of area'];
  for (const c of authority.cases) {
    if (c.approach > extract) continue;
    if (c.approach >= from) {
      const dutyStart = c.duty === 'None' ? '' : uk(c.approach);
      cases.push(`H${c.id},${uk(c.approach)},${c.household},${c.children},End of private rented tenancy,${c.duty},${dutyStart},,`);
    }
    for (const p of c.placements) {
      if (p.start > extract || (p.end !== null && p.end < from)) continue;
      const left = p.end !== null && p.end <= extract ? uk(p.end) : '';
      // TA type words have commas ("Nightly paid, privately managed"): quoted, as Excel writes them.
      ta.push(`H${c.id},${uk(p.start)},${left},"${taTypeWords[p.type]}",${c.id % 5 === 0 ? 'Out of area' : 'In area'}`);
    }
  }
  return { cases: `${cases.join('\n')}\n`, ta: `${ta.join('\n')}\n` };
}
