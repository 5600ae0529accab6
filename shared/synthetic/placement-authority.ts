// A synthetic authority's children in care, placement by placement, with known rules: where entrants are
// placed depends on their age, and entrants grow older year by year; children move between placements
// depending on their age and on how long they have been in the placement (early moves in foster care,
// stepping down from children's homes, adoption for young children, supported accommodation at 16); they
// leave care depending on time in care and placement, and at 18. It writes the SSDA903 returns and the
// List 8 an analyst would hold, and can live its future many times over to give the expected future the
// projection should track.
import type { PlacementGroup } from '../import/values/codes.ts';
import { dayNumber, isoFromDayNumber } from '../import/values/dates.ts';
import { createRandom, type Random } from '../engine/core/random.ts';

export type Combo = `${PlacementGroup}:${'inHouse' | 'private'}`;

export interface PlacementRules {
  /** Entrants per month. */
  entrantsPerMonth: number;
  /** Share of entrants aged 10 and over in the first simulated year, and its rise per year. */
  olderEntrantShare: number;
  olderEntrantShareRisePerYear: number;
  /** A past surge of entrants (a wave of unaccompanied children, say): entrants times `factor` between the dates. */
  surge?: { from: string; to: string; factor: number };
}

export const defaultPlacementRules: PlacementRules = { entrantsPerMonth: 22, olderEntrantShare: 0.3, olderEntrantShareRisePerYear: 0.03 };

export interface SimPlacement {
  start: number; // day number
  end: number | null;
  code: string;
  provider: string; // PR0..PR5
  reason: string | null; // REC when it ends
}

export interface SimChild {
  id: number;
  birth: number; // day number
  periodStart: number;
  placements: SimPlacement[];
  left: number | null;
}

const groupCodes: Record<PlacementGroup, readonly string[]> = {
  foster: ['U4', 'U5', 'U6', 'U1', 'U3'],
  adoption: ['A4', 'A5'],
  parents: ['P1'],
  independent: ['H5', 'P2', 'K3'],
  residential: ['K2'],
  secure: ['K1'],
  other: ['Z1', 'R3', 'T1'],
};
const privateShare: Record<PlacementGroup, number> = { foster: 0.4, adoption: 0.15, parents: 0, independent: 0.8, residential: 0.75, secure: 0.5, other: 0.3 };

export function groupOfCode(code: string): PlacementGroup {
  for (const [group, codes] of Object.entries(groupCodes)) if (codes.includes(code)) return group as PlacementGroup;
  return 'other';
}

function ageYears(child: SimChild, day: number): number {
  return (day - child.birth) / 365.25;
}

/** Where an entrant of this age is placed. */
function entryGroup(age: number, rng: Random): PlacementGroup {
  const [groups, weights] =
    age < 1 ? [['foster', 'parents', 'other'], [0.82, 0.06, 0.12]]
    : age < 10 ? [['foster', 'parents', 'residential', 'other'], [0.8, 0.1, 0.04, 0.06]]
    : age < 16 ? [['foster', 'residential', 'parents', 'other', 'secure'], [0.6, 0.22, 0.08, 0.08, 0.02]]
    : [['foster', 'residential', 'independent', 'other', 'secure'], [0.3, 0.2, 0.4, 0.07, 0.03]];
  return rng.weighted(groups as PlacementGroup[], weights);
}

/**
 * Monthly chance of moving to another placement, and where to, by group, age and months in the placement.
 * These are the rules a memoryless model cannot see: moves early in a placement, adoption after some months,
 * the step to supported accommodation at 16.
 */
function moveOf(group: PlacementGroup, age: number, months: number, rng: Random): PlacementGroup | null {
  const u = rng.next();
  switch (group) {
    case 'foster':
      if (age >= 16 && months >= 3 && u < 0.07) return 'independent';
      if (age < 4 && months >= 6 && months < 30 && u < 0.05) return 'adoption';
      if (u < (months < 6 ? 0.05 : 0.008)) return age >= 11 && rng.next() < 0.35 ? 'residential' : 'foster';
      return null;
    case 'residential':
      if (age >= 16 && u < 0.08) return 'independent';
      if (months >= 9 && u < 0.035) return 'foster';
      if (u < 0.01) return 'residential';
      return null;
    case 'secure':
      return months >= 3 && u < 0.3 ? 'residential' : null;
    case 'other':
      return months >= 1 && u < 0.25 ? (age >= 16 ? 'independent' : 'foster') : null;
    case 'parents':
      return months >= 6 && u < 0.02 ? 'foster' : null;
    default:
      return null;
  }
}

/** Monthly chance of leaving care (not at 18), by group, months in care and months in the placement. */
function leaves(group: PlacementGroup, careMonths: number, placementMonths: number, rng: Random): string | null {
  const u = rng.next();
  switch (group) {
    case 'adoption':
      return placementMonths >= 8 && u < 0.2 ? 'E11' : null;
    case 'parents':
      return u < (placementMonths < 12 ? 0.05 : 0.02) ? 'E13' : null;
    case 'independent':
      return u < 0.01 ? 'E8' : null;
    default:
      return u < (careMonths < 3 ? 0.09 : careMonths < 12 ? 0.025 : 0.008) ? (rng.next() < 0.6 ? 'E4A' : 'E45') : null;
  }
}

function startPlacement(child: SimChild, group: PlacementGroup, day: number, rng: Random): void {
  const codes = groupCodes[group];
  const code = codes[rng.int(0, codes.length - 1)]!;
  const provider = group === 'parents' ? 'PR0' : rng.next() < privateShare[group] ? (rng.next() < 0.85 ? 'PR4' : 'PR5') : rng.next() < 0.9 ? 'PR1' : 'PR2';
  child.placements.push({ start: day, end: null, code, provider, reason: null });
}

/** Lives one month (from `day`, 30 or so days) for every child in care; returns the children still in care. */
function liveMonth(children: SimChild[], day: number, nextDay: number, rng: Random): SimChild[] {
  const staying: SimChild[] = [];
  for (const child of children) {
    const current = child.placements.at(-1)!;
    const when = day + rng.int(0, nextDay - day - 1);
    const eighteenth = child.birth + Math.round(18 * 365.25);
    if (eighteenth < nextDay) {
      current.end = Math.max(current.start, eighteenth);
      current.reason = current.code === 'U4' || current.code === 'U5' ? 'E17' : 'E5';
      child.left = current.end;
      continue;
    }
    const group = groupOfCode(current.code);
    const placementMonths = (day - current.start) / 30.44;
    const careMonths = (day - child.periodStart) / 30.44;
    const exit = leaves(group, careMonths, placementMonths, rng);
    if (exit && when > current.start) {
      current.end = when;
      current.reason = exit;
      child.left = when;
      continue;
    }
    const move = moveOf(group, ageYears(child, day), placementMonths, rng);
    if (move && when > current.start) {
      current.end = when;
      current.reason = 'X1';
      startPlacement(child, move, when, rng);
    }
    staying.push(child);
  }
  return staying;
}

export interface PlacementAuthority {
  children: SimChild[];
  /** Children in care on the last day, as they are then. */
  inCare: SimChild[];
  rules: PlacementRules;
  from: number;
  to: number;
  seed: number;
}

function monthStarts(from: number, to: number): number[] {
  const days: number[] = [];
  let iso = isoFromDayNumber(from);
  for (let d = from; d <= to; ) {
    days.push(d);
    const y = +iso.slice(0, 4);
    const m = +iso.slice(5, 7);
    iso = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
    d = dayNumber(iso);
  }
  return days;
}

function entrant(id: number, day: number, year: number, rules: PlacementRules, rng: Random): SimChild {
  const older = Math.min(0.8, rules.olderEntrantShare + rules.olderEntrantShareRisePerYear * year);
  const age = rng.next() < older ? 10 + rng.next() * 7.9 : rng.next() < 0.35 ? rng.next() : 1 + rng.next() * 9;
  const birth = day - Math.round(age * 365.25);
  const child: SimChild = { id, birth, periodStart: day, placements: [], left: null };
  startPlacement(child, entryGroup(age, rng), day, rng);
  return child;
}

/** Simulates from `from` (YYYY-MM-01) to `to` (a month's last day). */
export function simulatePlacements(options: { seed: number; from: string; to: string; rules?: PlacementRules }): PlacementAuthority {
  const rules = options.rules ?? defaultPlacementRules;
  const rng = createRandom(options.seed);
  const from = dayNumber(options.from);
  const to = dayNumber(options.to);
  const children: SimChild[] = [];
  let inCare: SimChild[] = [];
  const starts = monthStarts(from, to);
  starts.forEach((day, i) => {
    const next = starts[i + 1] ?? to + 1;
    inCare = liveMonth(inCare, day, next, rng);
    const surging = rules.surge && day >= dayNumber(rules.surge.from) && day <= dayNumber(rules.surge.to);
    const n = rng.poisson(rules.entrantsPerMonth * (surging ? rules.surge!.factor : 1));
    for (let k = 0; k < n; k++) {
      const child = entrant(children.length + 1, day + rng.int(0, next - day - 1), (day - from) / 365.25, rules, rng);
      children.push(child);
      inCare.push(child);
    }
  });
  return { children, inCare, rules, from, to, seed: options.seed };
}

/**
 * The generator's expected future: the children in care on the last day live the next `months` months
 * `runs` times (with new entrants, ageing, moves), and the month-end counts by group and provider are averaged.
 */
export function expectedFuture(authority: PlacementAuthority, months: number, runs: number): Array<Record<Combo | 'total', number>> {
  const totals = Array.from({ length: months }, () => ({}) as Record<Combo | 'total', number>);
  const iso = isoFromDayNumber(authority.to + 1);
  const starts = monthStarts(dayNumber(iso), dayNumber(iso) + Math.ceil(months * 30.44) + 31).slice(0, months + 1);
  for (let r = 0; r < runs; r++) {
    const rng = createRandom(authority.seed * 1000 + r + 1);
    let inCare = authority.inCare.map((c) => ({ ...c, placements: c.placements.map((p) => ({ ...p })) }));
    let id = 1e9;
    for (let t = 0; t < months; t++) {
      const day = starts[t]!;
      const next = starts[t + 1]!;
      inCare = liveMonth(inCare, day, next, rng);
      const n = rng.poisson(authority.rules.entrantsPerMonth);
      for (let k = 0; k < n; k++) inCare.push(entrant(id++, day + rng.int(0, next - day - 1), (day - authority.from) / 365.25, authority.rules, rng));
      const out = totals[t]!;
      for (const child of inCare) {
        const p = child.placements.at(-1)!;
        const combo = `${groupOfCode(p.code)}:${/PR[45]/.test(p.provider) ? 'private' : 'inHouse'}` as Combo;
        out[combo] = (out[combo] ?? 0) + 1 / runs;
        out.total = (out.total ?? 0) + 1 / runs;
      }
    }
  }
  return totals;
}

const uk = (day: number) => {
  const iso = isoFromDayNumber(day);
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
};

/** The SSDA903 header and episodes CSVs for each collection year ending 31 March in `yearsEnding`. */
export function write903Returns(authority: PlacementAuthority, yearsEnding: readonly number[]): Array<{ path: string; text: string }> {
  const files: Array<{ path: string; text: string }> = [];
  for (const year of yearsEnding) {
    const first = dayNumber(`${year - 1}-04-01`);
    const last = dayNumber(`${year}-03-31`);
    const header = ['CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB'];
    const episodes = ['CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN'];
    for (const child of authority.children) {
      const shown = child.placements.filter((p) => p.start <= last && (p.end === null || p.end >= first));
      if (!shown.length) continue;
      header.push(`${child.id},${1 + (child.id % 2)},${uk(child.birth)},WBRI,X${String(child.id).padStart(12, '0')},,`);
      for (const p of shown) {
        const open = p.end === null || p.end > last;
        const rne = p.start === child.periodStart ? 'S' : 'P';
        episodes.push(`${child.id},${uk(p.start)},${rne},C2,N1,${p.code},${p.provider},${open ? '' : uk(p.end!)},${open ? '' : p.reason},,ZZ99 9ZZ,,`);
      }
    }
    files.push({ path: `returns/${year}/header.csv`, text: `${header.join('\n')}\n` }, { path: `returns/${year}/episodes.csv`, text: `${episodes.join('\n')}\n` });
  }
  return files;
}

/** List 8 as a CSV extracted on `extractDate`: children in care then, and those who left in the six months before. */
export function writeList8(authority: PlacementAuthority, extractDate: string): string {
  const extract = dayNumber(extractDate);
  const windowStart = extract - 183;
  const rows = ['Child Unique ID,Date of Birth,Date Started to be Looked After,Date Ceased to be Looked After ,Reason Ceased to be Looked After,Start Date of Most Recent Placement,Placement Type,Placement Provider'];
  for (const child of authority.children) {
    if (child.periodStart > extract || (child.left !== null && child.left <= windowStart)) continue;
    const placements = child.placements.filter((p) => p.start <= extract);
    const p = placements.at(-1)!;
    const left = child.left !== null && child.left <= extract ? child.left : null;
    rows.push(`${child.id},${uk(child.birth)},${uk(child.periodStart)},${left === null ? '' : uk(left)},${left === null ? '' : p.reason},${uk(p.start)},${p.code},${p.provider}`);
  }
  return `${rows.join('\n')}\n`;
}
