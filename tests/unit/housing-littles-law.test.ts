// Little's law on a steady housing authority (approaches neither growing nor seasonal, for long enough
// that TA has filled to its level): households in TA = households entering a day x their mean stay in
// days. The stay is a whole stay in TA, moves between types included, as the estimated stays by type and
// moves give it; the projection, which tracks households by time in their type, must agree within 4%.
import { describe, expect, it } from 'vitest';
import { taTypes, householdKinds, type TaType } from '../../shared/dataset/housing.ts';
import { daysInMonth, daysPerMonth, monthOfIso } from '../../shared/engine/core/months.ts';
import { dayNumber } from '../../shared/import/values/dates.ts';
import { runHousingModel } from '../../shared/engine/housing/run-housing-model.ts';
import { defaultHousingRules, expectedHousingFuture, simulateHousing } from '../../shared/synthetic/housing-authority.ts';
import { housingDatasetOf } from '../../shared/synthetic/housing-dataset.ts';

const rules = { ...defaultHousingRules, growthPerYear: 0, season: new Array<number>(12).fill(1) };
const authority = simulateHousing({ seed: 21, from: '2010-04-01', to: '2024-03-31', rules });
const dataset = housingDatasetOf(authority, '2021-04-01', '2024-03-31');
const result = runHousingModel(dataset, null, { horizon: 48, draws: 0 });

/** Mean days from entering a type to leaving TA: the days in the type, then the stay of wherever the household moves. */
function meanStayDays(): Record<TaType, number> {
  const e = result.estimates;
  const stay = Object.fromEntries(taTypes.map((t) => [t, 0])) as Record<TaType, number>;
  for (let round = 0; round < 200; round++) {
    for (const t of taTypes) stay[t] = e.stays[t].meanMonths * daysPerMonth + taTypes.reduce((s, to) => s + e.moves[t][to] * stay[to], 0);
  }
  return stay;
}

/** Mean days in TA of an entering household: its first type's stay (moves included), weighted by who enters. */
function meanStay(): number {
  const e = result.estimates;
  const stay = meanStayDays();
  const entering = householdKinds.map((k) => e.kindShare[k] * e.entry[k].perApproach);
  const all = entering.reduce((a, b) => a + b, 0);
  return householdKinds.reduce((s, k, i) => s + (entering[i]! / all) * taTypes.reduce((x, t) => x + e.firstType[k][t] * stay[t], 0), 0);
}

describe("Little's law on a steady authority", () => {
  it('holds in the projection: households in TA = entries a day x mean stay in days, within 4%', () => {
    const meanStayDays = meanStay();
    const p = result.projection.baseline;
    const months = result.projection.months;
    expect(months).toHaveLength(48);
    // The third and fourth years, when the households in TA at the start have mostly left.
    const window = Array.from({ length: 24 }, (_, i) => 24 + i);
    const inTa = window.reduce((s, t) => s + p.taOpen[t]!, 0) / window.length;
    const entriesPerDay = window.reduce((s, t) => s + p.taStarts[t]!, 0) / window.reduce((s, t) => s + daysInMonth(monthOfIso(`${months[t]}-01`)), 0);
    expect(Math.abs(inTa - entriesPerDay * meanStayDays) / inTa).toBeLessThan(0.04);
  });

  it("estimates the mean stay the generator's households had, where counting only stays closed in the export is far too short", () => {
    // Households that entered TA in 2011-2016: almost all have left by 2024 (the few still there count to the end).
    const from = dayNumber('2011-04-01');
    const to = dayNumber('2016-03-31');
    const whole = authority.cases.filter((c) => c.placements.length > 0 && c.placements[0]!.start >= from && c.placements[0]!.start <= to);
    expect(whole.filter((c) => c.placements.at(-1)!.end === null).length / whole.length).toBeLessThan(0.01);
    const trueMean = whole.reduce((s, c) => s + (c.placements.at(-1)!.end ?? authority.to) - c.placements[0]!.start, 0) / whole.length;
    const estimated = meanStay();
    expect(Math.abs(estimated - trueMean) / trueMean).toBeLessThan(0.05);
    // The trap: the mean of the placements that closed within the export counts only short stays.
    const closed = dataset.ta.filter((p) => p.left !== null && p.placed >= '2021-04-01').map((p) => dayNumber(p.left!) - dayNumber(p.placed));
    expect(closed.reduce((a, b) => a + b, 0) / closed.length).toBeLessThan(trueMean * 0.6);
  });

  it('holds for the authority itself: the projection stays level at the households in TA the generator expects', () => {
    const future = expectedHousingFuture(authority, 24, 8);
    const p = result.projection.baseline;
    for (const t of [5, 11, 23]) expect(Math.abs(p.taOpen[t]! - future[t]!.total) / future[t]!.total).toBeLessThan(0.04);
    // Steady: households in TA a year apart differ by under 6%.
    const history = result.history.taOpen;
    expect(Math.abs(history.at(-1)! - history.at(-12)!) / history.at(-1)!).toBeLessThan(0.06);
  });
});
