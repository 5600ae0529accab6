// A housing workbook's scenarios side by side (the screens' and the export's figures): every run costed
// with the workbook's nightly costs, names kept, likely ranges only where drawn, and the sentence the
// Results step and the export's Summary share.
import { utils } from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import { housingExportedSheetNames, housingWorkbook } from '../../shared/export/housing-workbook.ts';
import { readWorkbook } from '../support/read-xlsx.ts';
import { parseScenario, type Scenario } from '../../shared/engine/scenario.ts';
import { housingSentence, measureOf } from '../../shared/result/housing-figures.ts';
import { runHousingOutcome, yearBackFrom } from '../../shared/result/housing-outcome.ts';
import { housingDatasetOf } from '../../shared/synthetic/housing-dataset.ts';
import { simulateHousing } from '../../shared/synthetic/housing-authority.ts';

const dataset = housingDatasetOf(simulateHousing({ seed: 3, from: '2021-01-01', to: '2024-09-30' }), '2023-04-01', '2024-09-30');
const scenario = (raw: unknown): Scenario => {
  const parsed = parseScenario(raw);
  if (!parsed.ok) throw new Error(parsed.messages.join(' '));
  return parsed.scenario;
};
const evictions = scenario({ name: 'Wave of evictions', shocks: [{ from: '2024-12-01', to: '2025-05-31', approachChange: 0.3 }], costs: { taNightly: { nightlyPaid: 90 } } });
const moveOn = scenario({ name: 'Faster move-on', newNormal: { from: '2024-10-01', taExitChange: 0.25 } });

describe('runHousingOutcome', () => {
  const expected = runHousingOutcome(dataset, [evictions, moveOn], { horizon: 24, draws: 0 });

  it('keeps each scenario, by name and settings, in the order given', () => {
    expect(expected.scenarios.map((s) => s.name)).toEqual(['Wave of evictions', 'Faster move-on']);
    expect(expected.scenarios[1]!.settings.newNormal?.taExitChange).toBe(0.25);
  });

  it('costs the baseline and every scenario with the workbook’s nightly costs (the first scenario’s)', () => {
    expect(expected.result.estimates.taNightly.nightlyPaid).toMatchObject({ nightly: 90, isDefault: false });
    // Faster move-on changes no cost, only stays: its cost per night in nightly paid is the baseline's.
    const perNight = (cost: number[], nights: number[]) => cost[5]! / nights[5]!;
    expect(perNight(expected.scenarios[1]!.costByType.nightlyPaid, expected.scenarios[1]!.nightsByType.nightlyPaid)).toBeCloseTo(perNight(expected.result.projection.baseline.costByType.nightlyPaid, expected.result.projection.baseline.nightsByType.nightlyPaid), 6);
  });

  it('moves the projection the way each scenario says', () => {
    const base = expected.result.projection.baseline;
    const [wave, faster] = expected.scenarios;
    expect(wave!.approaches[3]).toBeGreaterThan(base.approaches[3]! * 1.25);
    expect(wave!.taOpen[12]).toBeGreaterThan(base.taOpen[12]!);
    expect(faster!.taOpen[12]).toBeLessThan(base.taOpen[12]!);
  });

  it('has no likely ranges without draws, and has them with draws', () => {
    expect(expected.baselineBands).toBeNull();
    expect(expected.scenarios.every((s) => s.bands === null)).toBe(true);
    const drawn = runHousingOutcome(dataset, [moveOn], { horizon: 12, draws: 200 });
    expect(drawn.baselineBands!.taOpen.p10).toHaveLength(12);
    expect(drawn.scenarios[0]!.bands!.taOpen.p90[11]).toBeGreaterThan(drawn.scenarios[0]!.bands!.taOpen.p10[11]!);
  });

  it('says each measure in a sentence, baseline then every scenario with the difference', () => {
    const words = housingSentence(expected, measureOf('taOpen'), 11);
    expect(words).toMatch(/^Households in temporary accommodation in September 2025: [\d,]+ in the baseline; Wave of evictions [\d,]+, [\d,]+ more; Faster move-on [\d,]+, [\d,]+ fewer\.$/);
  });

  it('gives a difference in money as the two figures written differ (£1,465,000 and £1,567,000 by £102,000)', () => {
    const words = housingSentence(expected, measureOf('cost'), 11);
    const [base, wave, more] = [...words.matchAll(/£([\d,]+)/g)].map((m) => Number(m[1]!.replaceAll(',', '')));
    expect(base).toBeGreaterThan(1_000_000);
    expect(more).toBe(wave! - base!);
  });

  it('backtests over the lists’ last twelve complete months', () => {
    expect(yearBackFrom(dataset)).toBe('2023-10');
    expect(yearBackFrom({ ...dataset, extracts: dataset.extracts.map((e) => ({ ...e, extractDate: '2024-09-15' })) })).toBe('2023-09');
  });
});

describe('a housing intervention', () => {
  const prevention = scenario({ name: 'Prevention team', interventions: [{ name: 'Prevention team', from: '2024-10-01', to: '2026-09-30', costPerYear: 300_000, effects: { taStartChange: -0.2 } }] });
  const outcome = runHousingOutcome(dataset, [prevention], { horizon: 24, draws: 0 });
  const weighed = outcome.scenarios[0]!.interventions[0]!;

  it('keeps households out of TA and saves TA cost against the scenario without it', () => {
    expect(weighed.totals.householdsKeptOutOfTa).toBeGreaterThan(0);
    expect(weighed.totals.saving).toBeGreaterThan(0);
    expect(weighed.totals.cost).toBeCloseTo(600_000, -3);
  });

  it('has an Interventions sheet in the export with the same figures, in words', () => {
    expect(housingExportedSheetNames(outcome)).toContain('Interventions');
    const book = readWorkbook(housingWorkbook(outcome, { workbookTitle: 'Test', appVersion: '0', createdAt: '2024-10-15T00:00:00Z' }));
    const rows = utils.sheet_to_json<unknown[]>(book.Sheets.Interventions!, { header: 1, raw: true });
    const row = rows.find((r) => r[1] === 'Prevention team')!;
    expect(row[2]).toBe(weighed.totals.cost);
    expect(row[3]).toBe(weighed.totals.saving);
    expect(row[7]).toMatch(/^Prevention team: over the 24 months it costs £[\d,]+, saves £[\d,]+ in temporary accommodation and keeps [\d,]+ households out of temporary accommodation; /);
  });
});
