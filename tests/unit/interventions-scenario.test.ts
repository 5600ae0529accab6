// An intervention in a scenario file: out-of-range fields are refused, naming the field, and only that
// field is complained of; the presets parse, say where their figures come from, and ask to be replaced.
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../shared/engine/scenario.ts';
import { interventionPresets } from '../../shared/engine/children/interventions/presets.ts';
import { interventionCost } from '../../shared/engine/core/interventions-running.ts';
import { monthOfIso } from '../../shared/engine/core/months.ts';

const good = { name: 'Edge of care team', from: '2025-04-01', to: '2027-03-31', costPerYear: 400_000, effects: { claStartChange: -0.15 } };
const scenario = (intervention: object) => ({
  name: 'With a team',
  shocks: [{ from: '2025-01-01', to: '2025-03-31', referralChange: -0.2 }],
  interventions: [good, intervention],
});

describe('an intervention in a scenario', () => {
  it('is read as the contract writes it', () => {
    const parsed = parseScenario(scenario({ ...good, name: 'Conferences', to: undefined, placementShifts: [{ from: 'residential', to: 'foster', share: 0.1 }] }));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.scenario.interventions[0]!.effects).toEqual({ referralChange: 0, cppStartChange: 0, claStartChange: -0.15, cppExitChange: 0, claExitChange: 0, approachChange: 0, taStartChange: 0, taExitChange: 0 });
    expect(parsed.scenario.interventions[1]!.placementShifts[0]).toEqual({ from: 'residential', to: 'foster', share: 0.1, overMonths: 0 });
    expect(parsed.scenario.shocks).toHaveLength(1);
  });

  it.each([
    [{ ...good, costPerYear: -1 }, 'interventions[1].costPerYear: must be at least 0'],
    [{ ...good, to: '2025-03-31' }, 'interventions[1].to: must not be before "from"'],
    [{ ...good, effects: { claStartChange: -1.2 } }, 'interventions[1].effects.claStartChange: must be at least -1'],
    [{ ...good, effects: { referralChange: -1.01 } }, 'interventions[1].effects.referralChange: must be at least -1'],
    [{ ...good, effects: { claStartChang: -0.1 } }, 'interventions[1].effects.claStartChang: is not a scenario field'],
    [{ ...good, name: ' ' }, 'interventions[1].name: must not be empty'],
    [{ ...good, from: '1/4/2025' }, 'interventions[1].from: must be a date written YYYY-MM-DD'],
    [{ ...good, placementShifts: [{ from: 'residential', to: 'foster', share: 1.5 }] }, 'interventions[1].placementShifts[0].share: must be at most 1'],
  ])('refuses %j naming the field, and only that field', (bad, message) => {
    const parsed = parseScenario(scenario(bad));
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.messages).toEqual([message]);
  });

  it('accepts an effect of exactly -100% (nothing at all while it runs)', () => {
    expect(parseScenario(scenario({ ...good, effects: { claStartChange: -1 } })).ok).toBe(true);
  });

  it('costs a twelfth of its cost a year for each month it runs, a part month by its days', () => {
    const parsed = parseScenario({ interventions: [{ ...good, from: '2025-04-16', to: '2025-06-30', costPerYear: 120_000 }] });
    if (!parsed.ok) throw new Error(parsed.messages.join('; '));
    const cost = interventionCost(parsed.scenario.interventions[0]!, monthOfIso('2025-03-01'), 6);
    expect(Array.from(cost)).toEqual([0, 5_000, 10_000, 10_000, 0, 0]);
  });
});

describe('the intervention presets', () => {
  it('parse, start when asked, say where their figures come from, and ask to be replaced', () => {
    expect(interventionPresets.length).toBeGreaterThanOrEqual(4);
    for (const preset of interventionPresets) {
      const i = preset.make('2025-04-01');
      expect(i.from).toBe('2025-04-01');
      expect(i.description).toMatch(/assumption to replace/i);
      expect(i.source).toMatch(/Illustrative|illustrative/);
      expect(parseScenario({ interventions: [i] }).ok).toBe(true);
    }
    // A cited effect names its study.
    expect(interventionPresets.find((p) => p.id === 'family-group-conferences')!.make('2025-04-01').source).toMatch(/doi:10\.1093\/bjsw\/bcae035/);
    expect(interventionPresets.find((p) => p.id === 'edge-of-care')!.make('2025-04-01').to).toBe('2027-03-31');
  });
});
