// Housing is a second service definition over the one core: its own lists, arrivals with its own default
// season, and a run of one service at a time.
import { describe, expect, it } from 'vitest';
import { dayNumber } from '../../shared/import/values/dates.ts';
import { estimateHousing } from '../../shared/engine/housing/housing-estimates.ts';
import { housingHistory } from '../../shared/engine/housing/housing-history.ts';
import { runHousingModel } from '../../shared/engine/housing/run-housing-model.ts';
import { childrenService, housingService, serviceOfLists } from '../../shared/engine/services.ts';
import { simulateHousing } from '../../shared/synthetic/housing-authority.ts';
import { housingDatasetOf } from '../../shared/synthetic/housing-dataset.ts';

/** Paths to every number in a value that is NaN or infinite (JSON would write them as null). */
function nonFinite(value: unknown, path = ''): string[] {
  if (typeof value === 'number') return Number.isFinite(value) ? [] : [path];
  if (value instanceof Float64Array) return nonFinite([...value], path);
  if (Array.isArray(value)) return value.flatMap((v, i) => nonFinite(v, `${path}[${i}]`));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => nonFinite(v, `${path}.${k}`));
  return [];
}

const authority = simulateHousing({ seed: 4, from: '2018-04-01', to: '2024-03-31' });

describe('services', () => {
  it('tells which service lists belong to, and refuses a run with both, naming both', () => {
    expect(serviceOfLists(['cases', 'ta'])).toEqual({ ok: true, service: housingService });
    expect(serviceOfLists(['referrals', 'cla'])).toEqual({ ok: true, service: childrenService });
    const both = serviceOfLists(['referrals', 'cpp', 'ta']);
    expect(both.ok).toBe(false);
    if (!both.ok) expect(both.message).toMatch(/children's services \(referrals, cpp\) and homelessness and temporary accommodation \(ta\)/);
  });

  it("fits approaches' season from three years of cases, and uses the housing default with under two", () => {
    const long = estimateHousing(housingDatasetOf(authority, '2021-04-01', '2024-03-31'));
    expect(long.approaches.seasonalityEstimated).toBe(true);
    expect(long.approaches.seasonality.indexOf(Math.max(...long.approaches.seasonality))).toBe(0);
    expect(long.approaches.trendPerYear).toBeGreaterThan(0.02);
    expect(long.approaches.trendPerYear).toBeLessThan(0.1);
    const short = estimateHousing(housingDatasetOf(authority, '2023-04-01', '2024-03-31'));
    expect(short.approaches.seasonalityEstimated).toBe(false);
    expect(short.approaches.seasonality).toEqual([...housingService.arrivals.defaultSeason]);
    expect(short.notes.join(' ')).toContain('housing default');
  });

  it('counts a move between TA types as a move, not a new entry, and an entry once per stay', () => {
    const dataset = housingDatasetOf(authority, '2021-04-01', '2024-03-31');
    const history = housingHistory(dataset);
    // The generator's households entering TA in the export's three years: each enters once.
    const from = dayNumber('2021-04-01');
    const to = dayNumber('2024-03-31');
    const entries = authority.cases.filter((c) => c.placements.length > 0 && c.placements[0]!.start >= from && c.placements[0]!.start <= to).length;
    expect(history.taStarts.reduce((a, b) => a + b, 0)).toBe(entries);
    const placementsStarted = dataset.ta.filter((p) => p.placed >= '2021-04-01').length;
    expect(placementsStarted).toBeGreaterThan(entries * 1.2);
    // Every month: households in TA at the end = at the start + entries - leavings.
    for (let i = 1; i < history.months.length; i++) expect(history.taOpen[i]).toBe(history.taOpen[i - 1]! + history.taStarts[i]! - history.taEnds[i]!);
  });

  it('projects from a TA list alone (no case list): the households in TA leave as their stays say, and nothing is NaN', () => {
    const dataset = housingDatasetOf(authority, '2021-04-01', '2024-03-31');
    const alone = runHousingModel({ ...dataset, cases: [] }, null, { horizon: 12, draws: 50 });
    expect(nonFinite(alone)).toEqual([]);
    const open = alone.projection.baseline.taOpen;
    expect(open[0]!).toBeLessThanOrEqual(alone.history.taOpen.at(-1)!);
    expect(open[11]!).toBeLessThan(open[0]!);
    expect(alone.projection.baseline.taStarts.every((s) => s === 0)).toBe(true);
    const nothing = runHousingModel({ ...dataset, cases: [], ta: [] }, null, { horizon: 3, draws: 10 });
    expect(nothing.projection.baseline.taOpen).toEqual([0, 0, 0]);
    expect(nonFinite(nothing)).toEqual([]);
  });
});
