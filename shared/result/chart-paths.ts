// What the Scenarios step's charts draw: each line's expected referrals, plans and children in care, and the
// likely ranges known for them. Taken from a result, or worked out in the window from the expected totals
// alone (a fraction of the time a whole path takes, placements and spend included) ahead of the result, with
// the same months, names and rounding as the result gives, so the early lines and the result's are the same.
import { monthLabel, type MonthIndex } from '../engine/core/months.ts';
import type { ProjectionSeries } from '../engine/children/project.ts';
import { costedBaseline, expectedPathKey } from '../engine/children/run-model.ts';
import type { Bands } from '../engine/children/uncertainty.ts';
import { counts2, type BandsJson, type ResultJson } from './result-json.ts';

export const chartedSeries = ['referrals', 'cppOpen', 'claOpen'] as const;
export type ChartedSeries = (typeof chartedSeries)[number];

/** A likely range: the 10th and 90th percentiles, month by month, as the result gives them. */
export type RangeLines = Record<ChartedSeries, { p10: readonly number[]; p90: readonly number[] }>;
export type PathLines = Record<ChartedSeries, readonly number[]> & { bands: RangeLines | null };

export interface ChartPaths {
  months: readonly string[];
  baseline: PathLines;
  scenarios: ReadonlyArray<PathLines & { name: string }>;
}

type Projection = NonNullable<ResultJson['projection']>;

const rangesOf = (bands: Pick<BandsJson, ChartedSeries> | null): RangeLines | null => {
  const range = (key: ChartedSeries) => ({ p10: bands![key].p10, p90: bands![key].p90 });
  return bands && { referrals: range('referrals'), cppOpen: range('cppOpen'), claOpen: range('claOpen') };
};

/** The charts' lines as a result gives them. */
export function chartPathsOf(projection: Projection): ChartPaths {
  return {
    months: projection.months,
    baseline: { referrals: projection.baseline.referrals, cppOpen: projection.baseline.cppOpen, claOpen: projection.baseline.claOpen, bands: rangesOf(projection.bands.baseline) },
    scenarios: (projection.scenarios ?? []).map((s) => ({ name: s.name, referrals: s.referrals, cppOpen: s.cppOpen, claOpen: s.claOpen, bands: rangesOf(s.bands) })),
  };
}

/**
 * The likely ranges a result gives, by the settings they belong to (expectedPathKey): the baseline's, costed
 * as the scenarios' settings say, and each scenario's. Lines worked out ahead of a later result draw these.
 */
export function rangesBySettings(projection: Projection): Array<{ key: string; bands: RangeLines }> {
  const horizon = projection.months.length;
  const scenarios = projection.scenarios ?? [];
  const found: Array<{ key: string; bands: RangeLines }> = [];
  const baseline = rangesOf(projection.bands.baseline);
  if (baseline) found.push({ key: expectedPathKey(costedBaseline(scenarios.map((s) => s.settings)), horizon), bands: baseline });
  for (const s of scenarios) {
    const bands = rangesOf(s.bands);
    if (bands) found.push({ key: expectedPathKey(s.settings, horizon), bands });
  }
  return found;
}

/** A scenario's bands rounded as the result rounds them. */
export function rangeLinesOf(bands: Pick<Bands, ChartedSeries>): RangeLines {
  const range = (key: ChartedSeries) => ({ p10: counts2(bands[key].p10, `bands.${key}.p10`), p90: counts2(bands[key].p90, `bands.${key}.p90`) });
  return { referrals: range('referrals'), cppOpen: range('cppOpen'), claOpen: range('claOpen') };
}

export interface ExpectedLines {
  name: string;
  series: Pick<ProjectionSeries, ChartedSeries>;
  /** The likely ranges, where already worked out; null otherwise (as the result then has none). */
  bands: RangeLines | null;
}

/** The charts' lines from expected totals (the baseline first), rounded as the result rounds them. */
export function chartPathsFromTotals(startMonth: MonthIndex, horizon: number, [baseline, ...scenarios]: readonly ExpectedLines[]): ChartPaths {
  const lines = (p: ExpectedLines, field: string): PathLines => ({
    referrals: counts2(p.series.referrals, `${field}.referrals`),
    cppOpen: counts2(p.series.cppOpen, `${field}.cppOpen`),
    claOpen: counts2(p.series.claOpen, `${field}.claOpen`),
    bands: p.bands,
  });
  return {
    months: Array.from({ length: horizon }, (_, t) => monthLabel(startMonth + t)),
    baseline: lines(baseline!, 'baseline'),
    scenarios: scenarios.map((s, i) => ({ name: s.name, ...lines(s, `scenarios[${i}]`) })),
  };
}
