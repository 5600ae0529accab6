// Children in care and spend by placement type at one month of the projection, for the baseline and each
// scenario, with the likely ranges, and the same figures in a sentence a director reads. The Results step
// and the export's Placements sheet both read them from here, so the screen and the file never differ.
import { placementGroupLabel } from '../engine/children/estimates.ts';
import { groups } from '../engine/children/placements/groups.ts';
import type { PlacementGroup } from '../import/values/codes.ts';
import { countForPeople, monthForPeople, poundsForPeople, shownDifference, signedForPeople } from '../text/people-format.ts';
import type { ProjectedJson, ResultJson } from './result-json.ts';

type Band = { p10: number[]; p50: number[]; p90: number[] };

export interface ProjectedPlacements {
  claByPlacement: Record<PlacementGroup, number[]>;
  costByPlacement: Record<PlacementGroup, number[]>;
}

/** A projected column's placements, where placements are known. */
export function placementsOf(x: ProjectedJson | undefined | null): ProjectedPlacements | null {
  if (!x || !('claByPlacement' in x) || !('costByPlacement' in x)) return null;
  return { claByPlacement: x.claByPlacement as Record<PlacementGroup, number[]>, costByPlacement: x.costByPlacement as Record<PlacementGroup, number[]> };
}

/** The likely ranges by placement group in a bands object, where there are any. */
export function placementBandsOf(bands: object | null | undefined): Record<PlacementGroup, Band> | null {
  return bands && 'claByPlacement' in bands ? (bands.claByPlacement as Record<PlacementGroup, Band>) : null;
}

export interface PlacementFigure {
  group: PlacementGroup;
  label: string;
  children: number;
  low: number | null;
  high: number | null;
  /** Pounds spent on this group in the months up to and including the month (at most twelve). */
  spend: number;
}

export interface PlacementColumn {
  name: string;
  isBaseline: boolean;
  figures: PlacementFigure[];
}

export interface PlacementFigures {
  at: number;
  month: string;
  /** How many months the spend covers: twelve, or fewer early in the projection. */
  spendMonths: number;
  /** Children in each group at the end of the last month of history, where the history has them. */
  now: { month: string; children: Record<PlacementGroup, number> } | null;
  columns: PlacementColumn[];
}

export const placementLabel = (g: PlacementGroup) => placementGroupLabel(g);

/** The figures `at` months into the projection (0-based), or null when placements are not known. */
export function placementFiguresAt(result: ResultJson, at: number, scenarioCount = Infinity): PlacementFigures | null {
  const p = result.projection;
  const base = placementsOf(p?.baseline);
  if (!p || !base || at < 0 || at >= p.months.length) return null;
  const from = Math.max(0, at - 11);
  const column = (name: string, x: ProjectedPlacements, bands: Record<PlacementGroup, Band> | null, isBaseline: boolean): PlacementColumn => ({
    name,
    isBaseline,
    figures: groups.map((group) => {
      let spend = 0;
      for (let t = from; t <= at; t++) spend += x.costByPlacement[group][t]!;
      return { group, label: placementLabel(group), children: x.claByPlacement[group][at]!, low: bands?.[group]?.p10[at] ?? null, high: bands?.[group]?.p90[at] ?? null, spend };
    }),
  });
  const columns = [column('Baseline', base, placementBandsOf(p.bands.baseline), true)];
  for (const s of (p.scenarios ?? []).slice(0, scenarioCount)) {
    const placed = placementsOf(s);
    if (placed) columns.push(column(s.name, placed, placementBandsOf(s.bands), false));
  }
  return { at, month: p.months[at]!, spendMonths: at - from + 1, now: placementsNow(result), columns };
}

/** Children by group at the end of the last month of history that counts them. */
export function placementsNow(result: ResultJson): PlacementFigures['now'] {
  const h = result.history;
  const byGroup = h && 'claByPlacement' in h ? (h.claByPlacement as Record<PlacementGroup, (number | null)[]>) : null;
  if (!h || !byGroup) return null;
  for (let i = h.months.length - 1; i >= 0; i--) {
    if (groups.every((g) => byGroup[g][i] !== null && byGroup[g][i] !== undefined)) return { month: h.months[i]!, children: Object.fromEntries(groups.map((g) => [g, byGroup[g][i]!])) as Record<PlacementGroup, number> };
  }
  return null;
}

const range = (f: PlacementFigure) => (f.low !== null && f.high !== null ? ` (likely ${countForPeople(f.low)} to ${countForPeople(f.high)})` : '');
const spendWords = (figures: PlacementFigures, spend: number) => `${poundsForPeople(spend)} in the ${figures.spendMonths === 12 ? '12 months' : `${figures.spendMonths} months`} to ${monthForPeople(figures.month)}`;

/**
 * One group in words, the baseline and one scenario (by its place among the scenarios) or none: "Children’s homes and residential settings: 47 children now (Sep 2024), about 50 in
 * Sep 2026 (likely 41 to 58), £10,023,000 in the 12 months to Sep 2026. Under Step down: about 40 (likely 33 to
 * 47), £8,100,000 (-£1,923,000 on the baseline)."
 */
export function placementSentence(figures: PlacementFigures, group: PlacementGroup, scenario: number | null = null): string {
  const [base, ...all] = figures.columns.map((c) => ({ name: c.name, figure: c.figures.find((f) => f.group === group)! }));
  // One scenario beside the baseline: with more, a sentence would be too long to read.
  const scenarios = scenario === null ? [] : all.slice(scenario, scenario + 1);
  const b = base!.figure;
  const now = figures.now ? `${countForPeople(figures.now.children[group])} ${figures.now.children[group] === 1 ? 'child' : 'children'} now (${monthForPeople(figures.now.month)}), ` : '';
  const parts = [`${b.label}: ${now}about ${countForPeople(b.children)} in ${monthForPeople(figures.month)}${range(b)}, ${spendWords(figures, b.spend)}.`];
  for (const s of scenarios) {
    const f = s.figure;
    const difference = shownDifference('pounds', f.spend, b.spend);
    parts.push(`Under ${s.name}: about ${countForPeople(f.children)}${range(f)}, ${poundsForPeople(f.spend)} (${difference === 0 ? 'the same as the baseline' : `${signedForPeople(difference, poundsForPeople)} on the baseline`}).`);
  }
  return parts.join(' ');
}
