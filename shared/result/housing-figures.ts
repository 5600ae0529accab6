// The housing measures a person compares, baseline against scenarios: their names, units, likely ranges
// and a sentence each. The Results step and the Excel export both read them here, so the screen and the
// file say the same thing in the same words.
import { taTypes, taTypeWords, type TaType } from '../dataset/housing.ts';
import type { HousingBands } from '../engine/housing/housing-bands.ts';
import type { HousingProjected } from '../engine/housing/run-housing-model.ts';
import { cumulative } from '../engine/core/running-totals.ts';
import type { Band } from '../engine/core/percentiles.ts';
import { countForPeople, longMonthForPeople, poundsForPeople, shownDifference } from '../text/people-format.ts';
import type { HousingOutcome } from './housing-outcome.ts';

export interface HousingMeasure {
  key: string;
  /** What it is, as a row or chart title. */
  label: string;
  /** The y axis of its chart. */
  axis: string;
  unit: 'count' | 'pounds';
  pick: (x: HousingProjected) => number[];
  band?: (b: HousingBands) => Band;
}

export const housingMeasures: readonly HousingMeasure[] = [
  { key: 'approaches', label: 'Households approaching the council', axis: 'Approaches', unit: 'count', pick: (x) => x.approaches, band: (b) => b.approaches },
  { key: 'dutiesOwed', label: 'Owed a prevention or relief duty', axis: 'Households', unit: 'count', pick: (x) => x.dutiesOwed },
  { key: 'taStarts', label: 'Households entering temporary accommodation', axis: 'Households', unit: 'count', pick: (x) => x.taStarts },
  { key: 'taOpen', label: 'Households in temporary accommodation', axis: 'Households', unit: 'count', pick: (x) => x.taOpen, band: (b) => b.taOpen },
  { key: 'taNights', label: 'Nights in temporary accommodation', axis: 'Nights', unit: 'count', pick: (x) => x.taNights },
  { key: 'cost', label: 'Cost of temporary accommodation in the month', axis: 'Pounds a month', unit: 'pounds', pick: (x) => x.cost, band: (b) => b.cost },
  { key: 'costToDate', label: 'Cost of temporary accommodation from the start of the projection', axis: 'Pounds', unit: 'pounds', pick: (x) => cumulative(x.cost) },
];

export const measureOf = (key: string): HousingMeasure => housingMeasures.find((m) => m.key === key)!;

/** Households in one type of temporary accommodation, with its likely range. */
export const householdsInType = (t: TaType): HousingMeasure => ({
  key: `taByType:${t}`,
  label: `Households in ${taTypeWords[t].toLowerCase()}`,
  axis: 'Households',
  unit: 'count',
  pick: (x) => x.taByType[t],
  band: (b) => b.taByType[t],
});

/** The cost of one type of temporary accommodation in the month. */
export const costOfType = (t: TaType): HousingMeasure => ({ key: `costByType:${t}`, label: `Cost of ${taTypeWords[t].toLowerCase()} in the month`, axis: 'Pounds a month', unit: 'pounds', pick: (x) => x.costByType[t] });

export const byTypeMeasures = (): HousingMeasure[] => taTypes.flatMap((t) => [householdsInType(t), costOfType(t)]);

export const figureForPeople = (m: HousingMeasure, value: number) => (m.unit === 'pounds' ? poundsForPeople(value) : countForPeople(value));

/**
 * One measure in a month in words: "Households in temporary accommodation in September 2025: 1,230 in
 * the baseline (likely 1,150 to 1,310); Evictions 1,390, 160 more (likely 1,290 to 1,500)."
 */
export function housingSentence(outcome: HousingOutcome, m: HousingMeasure, at: number): string {
  const p = outcome.result.projection;
  const base = m.pick(p.baseline)[at]!;
  const range = (bands: HousingBands | null) => (m.band && bands ? ` (likely ${figureForPeople(m, m.band(bands).p10[at]!)} to ${figureForPeople(m, m.band(bands).p90[at]!)})` : '');
  const parts = [`${figureForPeople(m, base)} in the baseline${range(outcome.baselineBands)}`];
  for (const s of outcome.scenarios) {
    const value = m.pick(s)[at]!;
    // The difference between the two figures as written (£1,465,000 and £1,567,000 differ by £102,000).
    const diff = shownDifference(m.unit, value, base);
    const against = diff === 0 ? 'the same' : `${figureForPeople(m, Math.abs(diff))} ${diff > 0 ? 'more' : 'less'}`.replace(/ less$/, m.unit === 'pounds' ? ' less' : ' fewer');
    parts.push(`${s.name} ${figureForPeople(m, value)}, ${against}${range(s.bands)}`);
  }
  return `${m.label} in ${longMonthForPeople(p.months[at]!)}: ${parts.join('; ')}.`;
}
