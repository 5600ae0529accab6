// The director's sentence for an intervention, on figures as a two-year projection from October 2024 gives
// them: the range has the sign of the words around it, an intervention that never runs says so, the
// sentence and the figures beside it round alike, and a list of outcomes reads as English.
import { describe, expect, it } from 'vitest';
import type { Quantiles } from '../../shared/engine/core/percentiles.ts';
import type { InterventionOutcome } from '../../shared/engine/children/interventions/outcomes.ts';
import { interventionCost } from '../../shared/engine/core/interventions-running.ts';
import { monthOfIso } from '../../shared/engine/core/months.ts';
import { InterventionSchema } from '../../shared/engine/scenario.ts';
import { poundsForPeople } from '../../shared/text/people-format.ts';
import { interventionSentence } from '../../shared/text/intervention-words.ts';

const start = monthOfIso('2024-10-01');
const horizon = 24;
const q = (p10: number, p50: number, p90: number): Quantiles => ({ p10, p50, p90 });

function outcome(settings: object, expected: { saving: number; kept?: number; plans?: number; months?: number }, ranges?: { saving: Quantiles; kept?: Quantiles; plans?: Quantiles }, payback: number | null = null): InterventionOutcome {
  const intervention = InterventionSchema.parse(settings);
  const cost = interventionCost(intervention, start, horizon);
  const totalCost = cost.reduce((a, b) => a + b, 0);
  const none = q(0, 0, 0);
  return {
    intervention,
    cost,
    saving: new Float64Array(horizon),
    net: new Float64Array(horizon),
    cumulativeCost: [],
    cumulativeSaving: [],
    paybackMonth: payback,
    expected: { cost: totalCost, saving: expected.saving, net: totalCost - expected.saving, childrenKeptOutOfCare: expected.kept ?? 0, plansAvoided: expected.plans ?? 0, childMonthsInCareAvoided: expected.months ?? 0, fewerInCareAtEnd: 0 },
    ranges: ranges ? { draws: 1000, saving: ranges.saving, net: none, childrenKeptOutOfCare: ranges.kept ?? none, plansAvoided: ranges.plans ?? none, childMonthsInCareAvoided: none, cumulativeSaving: { p10: new Float64Array(horizon), p50: new Float64Array(horizon), p90: new Float64Array(horizon) } as never } : null,
  };
}

describe("an intervention's sentence", () => {
  it('gives the likely range of added spending as added pounds, low to high', () => {
    const o = outcome({ name: 'Family Safeguarding', from: '2024-10-01', costPerYear: 1_000_000, effects: { claExitChange: -0.2 } }, { saving: -1_812_000 }, { saving: q(-1_905_000, -1_810_000, -1_702_000) });
    const words = interventionSentence(o, start, horizon);
    expect(words).toContain('adds £1.8m (likely £1.7m to £1.9m) to spending on services');
    expect(words).not.toMatch(/likely -£/);
  });

  it('says an intervention starting after the projection ends does not start within it, naming the months', () => {
    const o = outcome({ name: 'Extra panel', from: '2027-05-01', costPerYear: 50_000 }, { saving: 0 });
    expect(interventionSentence(o, start, horizon)).toBe('Extra panel: it does not start within the projection (October 2024 to September 2026): it starts in May 2027, so it costs and saves nothing in it.');
  });

  it('says an intervention that ended before the projection began did so', () => {
    const o = outcome({ name: 'Old pilot', from: '2023-01-01', to: '2024-06-30', costPerYear: 80_000 }, { saving: 0 });
    expect(interventionSentence(o, start, horizon)).toBe('Old pilot: it does not run within the projection (October 2024 to September 2026): it ended in June 2024, so it costs and saves nothing in it.');
  });

  it('rounds the saving as the figures beside it do (£633,150 to the pound is £633,200, not £633,100)', () => {
    // Saved to the pound in the result, £633,149.6 is £633,150; the screen writes that as £633,200.
    const saving = 633_149.6;
    const o = outcome({ name: 'Conferences', from: '2024-10-01', costPerYear: 150_000, effects: { claStartChange: -0.05 } }, { saving, kept: 13.2 }, { saving: q(442_149.6, 633_000, 793_749.6), kept: q(10.4, 13, 17.1) });
    const shown = poundsForPeople(Math.round(saving));
    expect(shown).toBe('£633,200');
    const words = interventionSentence(o, start, horizon);
    expect(words).toContain(`saves ${shown} (likely ${poundsForPeople(Math.round(442_149.6))} to ${poundsForPeople(Math.round(793_749.6))})`);
  });

  it('lists what it does as English, one "and" before the last, over the years projected', () => {
    const o = outcome(
      { name: 'Family Safeguarding', from: '2024-10-01', costPerYear: 1_000_000, effects: { cppStartChange: -0.1, claStartChange: -0.1 } },
      { saving: 1_517_000, kept: 28.4, plans: 76.2 },
      { saving: q(1_346_000, 1_520_000, 1_682_000), kept: q(25.3, 28, 31.4), plans: q(71.2, 76, 81.1) },
    );
    expect(interventionSentence(o, start, horizon)).toBe(
      'Family Safeguarding: for £1,000,000 a year, it keeps about 28 children out of care (likely 25 to 31), avoids about 76 child protection plans (likely 71 to 81) and saves £1.5m (likely £1.3m to £1.7m) over the two years projected (October 2024 to September 2026); it does not pay for itself within them.',
    );
  });
});
