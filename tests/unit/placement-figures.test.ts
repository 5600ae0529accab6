// The figures by placement type that the Results step and the export's Placement summary both show: on the
// demo with a step-down scenario, they add up to the children looked after, the spend is the months' spend,
// the ranges hold the figure, and the sentence says the same numbers.
import { describe, expect, it } from 'vitest';
import { groups } from '../../shared/engine/children/placements/groups.ts';
import { runModel } from '../../shared/engine/children/run-model.ts';
import { ScenarioSchema } from '../../shared/engine/scenario.ts';
import { placementFiguresAt, placementSentence, placementsNow } from '../../shared/result/placement-figures.ts';
import { buildResultJson } from '../../shared/result/result-json.ts';
import { describeScenario } from '../../shared/engine/children/describe-scenario.ts';
import { demoDataset } from '../../shared/synthetic/demo.ts';
import { countForPeople, poundsForPeople } from '../../shared/text/people-format.ts';

const dataset = demoDataset();
const stepDown = ScenarioSchema.parse({ name: 'Step down', placementShifts: [{ from: 'residential', to: 'foster', share: 0.2, fromDate: '2024-10-01', overMonths: 12 }] });
const result = buildResultJson({ dataset, report: null, run: runModel(dataset, [], { horizon: 24, draws: 100, scenarios: [stepDown] }) });

describe('placement figures at a month of the projection', () => {
  const figures = placementFiguresAt(result, 23)!;

  it('add up to the children looked after, for the baseline and the scenario', () => {
    expect(figures.month).toBe('2026-09');
    expect(figures.columns.map((c) => c.name)).toEqual(['Baseline', 'Step down']);
    const p = result.projection!;
    for (const [column, series] of [[figures.columns[0]!, p.baseline], [figures.columns[1]!, p.scenarios![0]!]] as const) {
      expect(column.figures.reduce((s, f) => s + f.children, 0)).toBeCloseTo(series.claOpen[23]!, 0);
    }
  });

  it('spend the twelve months to the month, and ranges around the figure', () => {
    const base = result.projection!.baseline as unknown as { costByPlacement: Record<string, number[]> };
    const residential = figures.columns[0]!.figures.find((f) => f.group === 'residential')!;
    expect(figures.spendMonths).toBe(12);
    expect(residential.spend).toBe(base.costByPlacement.residential!.slice(12, 24).reduce((a, b) => a + b, 0));
    for (const column of figures.columns) {
      for (const f of column.figures) {
        expect(f.low!, `${column.name} ${f.group}`).toBeLessThanOrEqual(f.children + 0.01);
        expect(f.high!, `${column.name} ${f.group}`).toBeGreaterThanOrEqual(f.children - 0.01);
      }
    }
    // A fifth of residential care stepped down: about a fifth fewer children there, and less spend.
    const scenario = figures.columns[1]!.figures.find((f) => f.group === 'residential')!;
    expect(scenario.children / residential.children).toBeCloseTo(0.8, 2);
    expect(scenario.spend).toBeLessThan(residential.spend);
    // Early in the projection the spend covers the months there are.
    expect(placementFiguresAt(result, 2)!.spendMonths).toBe(3);
    expect(placementFiguresAt(result, 24)).toBeNull();
  });

  it('says the same numbers in a sentence, the scenario beside the baseline only when asked', () => {
    const now = placementsNow(result)!;
    expect(now.month).toBe('2024-09');
    expect(groups.reduce((s, g) => s + now.children[g], 0)).toBe(result.history!.claOpen.at(-1));
    const b = figures.columns[0]!.figures.find((f) => f.group === 'residential')!;
    const s = figures.columns[1]!.figures.find((f) => f.group === 'residential')!;
    const baseline = `Children’s homes and residential settings: ${now.children.residential} children now (Sep 2024), about ${countForPeople(b.children)} in Sep 2026 (likely ${countForPeople(b.low!)} to ${countForPeople(b.high!)}), ${poundsForPeople(b.spend)} in the 12 months to Sep 2026.`;
    expect(placementSentence(figures, 'residential')).toBe(baseline);
    expect(placementSentence(figures, 'residential', 0)).toMatch(new RegExp(`^${baseline.replace(/[()]/g, '\\$&')} Under Step down: about ${countForPeople(s.children)} \\(likely ${countForPeople(s.low!)} to ${countForPeople(s.high!)}\\), £[\\d,]+ \\(-£[\\d,]+ on the baseline\\)\\.$`));
  });
});

describe('a scenario’s placement settings in words', () => {
  it('names each shift, the costs given and the yearly rise, as the Scenarios step and the export’s Summary say them', () => {
    const scenario = ScenarioSchema.parse({
      name: 'Carers',
      placementShifts: [
        { from: 'foster:private', to: 'foster:inHouse', share: 0.15, fromDate: '2025-04-01', overMonths: 24 },
        { from: 'residential', to: 'independent', share: 0.5, fromDate: '2025-06-01' },
      ],
      costs: { claWeeklyByPlacement: { residential: { private: 6000 } }, inflationPerYear: 0.04 },
    });
    expect(describeScenario(scenario)).toEqual([
      'Of the children who would be in fostering (private), 15% are in fostering (in-house) instead, phased in over 24 months from 1 April 2025.',
      'Of the children who would be in children’s homes and residential settings, 50% are in independent and semi-independent living instead, from 1 June 2025.',
      'Your own weekly costs for children’s homes and residential settings.',
      'Unit costs rise by 4% every April.',
    ]);
    expect(describeScenario(ScenarioSchema.parse({ costs: { inflationPerYear: 0.03 } }))).toEqual(['No change from the baseline: demand continues as the history shows.', 'Unit costs rise by 3% every April.']);
  });
});
