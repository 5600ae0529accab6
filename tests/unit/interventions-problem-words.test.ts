// A setting out of range, as a person reads it on the screens: counted from 1, the field named as the
// screen labels it, never the contract's path ("interventions[0].to").
import { describe, expect, it } from 'vitest';
import { scenarioProblemsInWords, settingProblems } from '../../shared/text/scenario-problems.ts';

const team = { name: 'Edge of care team', from: '2024-10-01', to: '2026-09-30', costPerYear: 400_000, effects: { claStartChange: -0.15 } };
const scenario = (intervention: object) => ({ name: 'New normal', newNormal: { from: '2024-10-01', referralChange: 0.05 }, interventions: [team, intervention] });

describe('settings out of range in words', () => {
  it('says an end before the start in words, at the field, counting from 1', () => {
    const bad = scenario({ ...team, name: 'Conferences', to: '2020-01-01' });
    expect(settingProblems(bad)).toEqual([{ path: ['interventions', 1, 'to'], words: 'The end date is before the start date.' }]);
    expect(scenarioProblemsInWords(bad, 0)).toEqual(['Scenario 1 “New normal”, intervention 2 “Conferences”: the end date is before the start date.']);
  });

  it.each([
    [{ ...team, costPerYear: -5000 }, 'the running cost must be at least £0 a year.'],
    [{ ...team, effects: { claStartChange: -1.5 } }, 'the change in children coming into care must be at least -100%.'],
    [{ ...team, name: ' ' }, 'write a name.'],
  ])('names the field of %j as the screen does', (bad, words) => {
    const [only, ...rest] = scenarioProblemsInWords(scenario(bad), 2);
    expect(rest).toEqual([]);
    expect(only).toMatch(/^Scenario 3 “New normal”, intervention 2( “Edge of care team”)?: /);
    expect(only!.endsWith(words)).toBe(true);
    expect(only).not.toMatch(/\[\d\]|costPerYear|claStartChange/);
  });

  it('names a placement shift\'s placements as placements, not as dates', () => {
    const bad = { ...scenario({ ...team, name: 'Second team' }), placementShifts: [{ from: 'childrens homes', to: 'foster:inHouse', share: 0.1, fromDate: '2025-04-01' }] };
    expect(scenarioProblemsInWords(bad, 0)).toEqual([
      'Scenario 1 “New normal”, placement shift 1: the placement the children move from must be a placement group (foster, adoption, parents, independent, residential, secure, other), optionally with :inHouse or :private.',
    ]);
  });

  it('names a weekly cost by its placement and writes its limit in pounds, and a change in referrals leading to a plan in percent', () => {
    const bad = { ...scenario({ ...team, name: 'Second team' }), costs: { claWeeklyByPlacement: { foster: { inHouse: -450, private: 950 } }, inflationPerYear: 0.9 }, conversionChange: { cpp: -2 } };
    expect(scenarioProblemsInWords(bad, 0).sort()).toEqual([
      'Scenario 1 “New normal”: the change in referrals leading to a plan must be at least -95%.',
      'Scenario 1 “New normal”: the rise in unit costs each April must be at most 50%.',
      'Scenario 1 “New normal”: the weekly cost of fostering (in-house) must be at least £0 a week.',
    ]);
  });

  it('finds nothing wrong with a good scenario', () => {
    expect(scenarioProblemsInWords(scenario({ ...team, name: 'Second team' }), 0)).toEqual([]);
  });
});
