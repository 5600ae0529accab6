// The placement model on generated authorities whose children move between placements depending on age
// and time in placement, whose entrants grow older year by year, and which took in a wave of children
// three years ago: the projection by group and the spend track the generator's expected future, and the
// public models' memoryless method fitted to the same returns does visibly worse. SSDA903 alone, with
// List 8, and List 8 alone each project and agree where they should.
import { describe, expect, it } from 'vitest';
import { importSsda903 } from '../../shared/import/ssda903/import-ssda903.ts';
import { withSsda903 } from '../../shared/import/ssda903/combine.ts';
import { importLists } from '../../shared/import/import-lists.ts';
import { runModel } from '../../shared/engine/children/run-model.ts';
import { parseScenario } from '../../shared/engine/scenario.ts';
import { weeksPerMonth } from '../../shared/engine/core/months.ts';
import { combos, groups } from '../../shared/engine/children/placements/groups.ts';
import { defaultPlacementCosts } from '../../shared/engine/children/placements/unit-costs.ts';
import { buildResultJson } from '../../shared/result/result-json.ts';
import { placementBacktest } from '../../shared/engine/children/placements/placement-backtest.ts';
import { monthOfIso } from '../../shared/engine/core/months.ts';
import { defaultPlacementRules, expectedFuture, simulatePlacements, write903Returns, writeList8, type PlacementAuthority } from '../../shared/synthetic/placement-authority.ts';
import { memorylessProjection } from '../support/memoryless-placement-model.ts';
import { testKey } from '../support/synthetic.ts';

const H = 48;
const rules = { ...defaultPlacementRules, surge: { from: '2021-04-01', to: '2022-03-31', factor: 2 } };
const encode = (text: string) => new TextEncoder().encode(text);

function returnsOf(authority: PlacementAuthority, years: readonly number[]) {
  return importSsda903(write903Returns(authority, years).map((f) => ({ path: f.path, bytes: encode(f.text) })), { pseudonymKey: testKey });
}
const empty = { extracts: [], referrals: [], cpp: [], cla: [] };

/** Weekly cost of each combo at the defaults: what the generator's children would cost. */
const weekly = combos.map((c) => defaultPlacementCosts[c.split(':')[0] as keyof typeof defaultPlacementCosts][c.split(':')[1] as 'inHouse' | 'private'].weekly);

function errors(projection: Float64Array[], truth: ReturnType<typeof expectedFuture>) {
  let groupError = 0;
  let spendError = 0;
  let totalError = 0;
  for (let t = 0; t < H; t++) {
    const expected = truth[t]!;
    for (const [g, group] of groups.entries()) {
      const ours = projection[g * 2]![t]! + projection[g * 2 + 1]![t]!;
      groupError += Math.abs(ours - ((expected[`${group}:inHouse`] ?? 0) + (expected[`${group}:private`] ?? 0))) / (H * groups.length);
    }
    let spend = 0;
    let expectedSpend = 0;
    let total = 0;
    combos.forEach((c, i) => {
      spend += projection[i]![t]! * weekly[i]! * weeksPerMonth;
      expectedSpend += (expected[c] ?? 0) * weekly[i]! * weeksPerMonth;
      total += projection[i]![t]!;
    });
    spendError += Math.abs(spend - expectedSpend) / expectedSpend / H;
    totalError += Math.abs(total - expected.total) / expected.total / H;
  }
  return { groupError, spendError, totalError };
}

describe.each([11, 13])('a generated authority (seed %i) with five SSDA903 returns', (seed) => {
  const authority = simulatePlacements({ seed, from: '2012-04-01', to: '2024-03-31', rules });
  const truth = expectedFuture(authority, H, 20);
  const dataset = withSsda903(empty, returnsOf(authority, [2020, 2021, 2022, 2023, 2024]));
  const run = runModel(dataset, [], { horizon: H, draws: 200 });
  const placements = run.baseline.placements!;

  it('projects children by group and provider that add up to the children in care every month', () => {
    expect(placements).not.toBeNull();
    for (let t = 0; t < H; t++) {
      const sum = placements.byCombo.reduce((a, c) => a + c[t]!, 0);
      expect(Math.abs(sum - run.baseline.series.claOpen[t]!)).toBeLessThan(1e-6);
      const groupsSum = groups.reduce((a, g) => a + placements.byGroup[g][t]!, 0);
      expect(Math.abs(groupsSum - run.baseline.series.claOpen[t]!)).toBeLessThan(1e-6);
    }
  });

  it('tracks the generator’s expected future by group and in spend; the memoryless age x placement model does visibly worse', () => {
    const ours = errors(placements.byCombo, truth);
    const memoryless = errors(memorylessProjection(dataset.placements!, '2019-04-01', '2024-03-31', '2024-03-31', H), truth);
    console.info(`seed ${seed}: mean error by group ${ours.groupError.toFixed(1)} children (memoryless ${memoryless.groupError.toFixed(1)}); spend ${(100 * ours.spendError).toFixed(1)}% (memoryless ${(100 * memoryless.spendError).toFixed(1)}%); total ${(100 * ours.totalError).toFixed(1)}% (memoryless ${(100 * memoryless.totalError).toFixed(1)}%)`);
    expect(ours.spendError).toBeLessThan(0.04);
    expect(ours.totalError).toBeLessThan(0.04);
    expect(ours.groupError).toBeLessThan(5);
    expect(memoryless.groupError).toBeGreaterThan(1.5 * ours.groupError);
    expect(memoryless.spendError).toBeGreaterThan(1.5 * ours.spendError);
  });

  it('puts the expected future inside the p10-p90 band by group most months', () => {
    const bands = placements.bands!;
    let inside = 0;
    let compared = 0;
    for (const group of ['foster', 'residential', 'independent'] as const) {
      for (let t = 0; t < H; t++) {
        const expected = (truth[t]![`${group}:inHouse`] ?? 0) + (truth[t]![`${group}:private`] ?? 0);
        compared++;
        if (expected >= bands.byGroup[group].p10[t]! - 0.5 && expected <= bands.byGroup[group].p90[t]! + 0.5) inside++;
      }
    }
    expect(inside / compared).toBeGreaterThan(0.7);
    // Spend bands contain the central spend and widen with time.
    const cost = run.baseline.bands!.cost;
    expect(cost.p10[0]!).toBeLessThanOrEqual(run.baseline.cost[0]! * 1.01);
    expect(cost.p90[H - 1]! - cost.p10[H - 1]!).toBeGreaterThan(cost.p90[0]! - cost.p10[0]!);
  });
});

describe('SSDA903 alone, with List 8, and List 8 alone', () => {
  const authority = simulatePlacements({ seed: 5, from: '2012-04-01', to: '2024-09-30', rules });
  const returns = returnsOf(authority, [2020, 2021, 2022, 2023, 2024]);
  const list8 = importLists([{ kind: 'delimited', name: 'list8.csv', bytes: encode(writeList8(authority, '2024-09-30')), list: 'cla', extractDate: '2024-09-30' }], { pseudonymKey: testKey });
  const alone = runModel(withSsda903(empty, returns), [], { horizon: 24, draws: 0 });
  const both = withSsda903(list8.dataset, returns);
  const combined = runModel(both, [], { horizon: 24, draws: 0 });
  const list8Alone = runModel(list8.dataset, [], { horizon: 24, draws: 0 });
  const history = (run: typeof alone, dataset: Parameters<typeof buildResultJson>[0]['dataset']) => buildResultJson({ dataset, report: null, run }).history!;

  it('each projects children by placement', () => {
    for (const run of [alone, combined, list8Alone]) {
      expect(run.baseline.placements).not.toBeNull();
      expect(run.baseline.placements!.byGroup.foster[0]!).toBeGreaterThan(0);
    }
    expect(alone.estimates.anchorMonth).toBeLessThan(combined.estimates.anchorMonth);
    expect(list8Alone.baseline.placements!.unitCosts.length).toBe(14);
  });

  it('agree on the children in care by placement in the months both saw', () => {
    const a = history(alone, withSsda903(empty, returns));
    const b = history(combined, both);
    const l = history(list8Alone, list8.dataset);
    // The returns' months are the same with or without List 8.
    for (const [i, month] of a.months.entries()) {
      const j = b.months.indexOf(month);
      if (a.claOpen[i] === null) continue;
      expect(b.claOpen[j], month).toBe(a.claOpen[i]);
      for (const g of groups) expect(b.claByPlacement![g][j], `${month} ${g}`).toBe(a.claByPlacement![g][i]);
    }
    // On List 8's extract date, the returns carried on by List 8 and List 8 alone count the same children
    // in the same placements.
    const last = '2024-09';
    expect(b.claOpen[b.months.indexOf(last)]).toBe(l.claOpen[l.months.indexOf(last)]);
    for (const g of groups) expect(b.claByPlacement![g][b.months.indexOf(last)], g).toBe(l.claByPlacement![g][l.months.indexOf(last)]);
  });

  it('List 8 alone, which cannot see moves, starts where the returns do and tracks the future less well', () => {
    const truth = expectedFuture(authority, 12, 20);
    const c = combined.baseline.placements!;
    const l = list8Alone.baseline.placements!;
    const share = (p: typeof c, g: (typeof groups)[number], t: number) => p.byGroup[g][t]! / groups.reduce((s, x) => s + p.byGroup[x][t]!, 0);
    const truthShare = (g: (typeof groups)[number], t: number) => ((truth[t]![`${g}:inHouse`] ?? 0) + (truth[t]![`${g}:private`] ?? 0)) / truth[t]!.total;
    for (const g of groups) expect(Math.abs(share(c, g, 0) - share(l, g, 0)), g).toBeLessThan(0.02);
    const error = (p: typeof c) => groups.reduce((sum, g) => sum + Math.abs(share(p, g, 11) - truthShare(g, 11)), 0);
    console.info(`after a year, shares by group are out by ${(100 * error(c)).toFixed(1)} points in all with the returns and List 8, ${(100 * error(l)).toFixed(1)} with List 8 alone`);
    expect(error(c)).toBeLessThan(0.06);
    expect(error(l)).toBeLessThan(0.2);
    expect(error(c)).toBeLessThan(error(l));
  });
});

describe('placement costs and shifts', () => {
  const authority = simulatePlacements({ seed: 3, from: '2016-04-01', to: '2024-03-31' });
  const dataset = withSsda903(empty, returnsOf(authority, [2022, 2023, 2024]));

  it('costs each group at its weekly cost, by provider, rising each April', () => {
    const parsed = parseScenario({ name: 'Costed', costs: { claWeeklyByPlacement: { foster: { inHouse: 500, private: 1000 }, residential: 5000 }, inflationPerYear: 0.1 } });
    if (!parsed.ok) throw new Error(parsed.messages.join('; '));
    const run = runModel(dataset, [], { horizon: 24, draws: 0, scenarios: [parsed.scenario] });
    const p = run.scenarios[0]!.placements!;
    const months = Array.from({ length: 24 }, (_, t) => run.setup.startMonth + t);
    months.forEach((m, t) => {
      const aprils = months.slice(0, t + 1).filter((x) => x % 12 === 3).length;
      const price = 1.1 ** aprils;
      const foster = (p.byCombo[0]![t]! * 500 + p.byCombo[1]![t]! * 1000) * weeksPerMonth * price;
      expect(p.costByGroup.foster[t]!).toBeCloseTo(foster, 6);
      expect(p.costByGroup.residential[t]!).toBeCloseTo(p.byGroup.residential[t]! * 5000 * weeksPerMonth * price, 6);
    });
    // The children in care part of the cost is the sum of the groups.
    const cppPart = run.scenarios[0]!.series.cppOpen[5]! * run.scenarios[0]!.costs.cppMonthly;
    expect(run.scenarios[0]!.cost[5]! - cppPart).toBeCloseTo(groups.reduce((s, g) => s + p.costByGroup[g][5]!, 0), 4);
    expect(p.unitCosts.find((u) => u.combo === 'secure:inHouse')!.source).toMatch(/replace with yours/i);
  });

  it('gives every default weekly cost a published source with its year, or says it is illustrative and why', () => {
    const run = runModel(dataset, [], { horizon: 12, draws: 0 });
    const defaults = run.baseline.placements!.unitCosts;
    expect(defaults).toHaveLength(combos.length);
    for (const u of defaults) {
      expect(u.yours).toBe(false);
      expect(u.source).toMatch(/replace with yours/i);
      // A cited figure names its publication date and the year of its prices; an illustrative one says why.
      if (u.source.startsWith('Illustrative')) expect(u.source).toMatch(/no (single )?published/);
      else expect(u.source).toMatch(/\((January|February|March|April|May|June|July|August|September|October|November|December) \d{4}\)|\d{4}: /);
    }
    const at = (combo: string) => defaults.find((u) => u.combo === combo)!;
    expect(at('secure:inHouse').weekly).toBe(4_040);
    expect(at('secure:inHouse').source).toContain('Children’s Commissioner for England');
    expect(at('residential:inHouse').weekly).toBe(4_750);
    expect(at('residential:private').weekly).toBe(3_830);
    expect(at('foster:inHouse').weekly).toBe(646);
    expect(at('foster:private').weekly).toBe(820);
    expect(['adoption', 'parents', 'independent', 'other'].every((g) => at(`${g}:inHouse`).source.startsWith('Illustrative'))).toBe(true);
  });

  it('steps down a share of residential care to fostering, phased in, leaving the total alone', () => {
    const parsed = parseScenario({ name: 'Step down', placementShifts: [{ from: 'residential', to: 'foster', share: 0.1, fromDate: '2024-07-01', overMonths: 12 }] });
    if (!parsed.ok) throw new Error(parsed.messages.join('; '));
    const run = runModel(dataset, [], { horizon: 24, draws: 0, scenarios: [parsed.scenario] });
    const base = run.baseline.placements!;
    const shifted = run.scenarios[0]!.placements!;
    // 2024-04 .. 2024-06: nothing yet; 2024-07 one twelfth; from 2025-06 all 10%.
    expect(shifted.byGroup.residential[2]!).toBeCloseTo(base.byGroup.residential[2]!, 9);
    expect(shifted.byGroup.residential[3]!).toBeCloseTo(base.byGroup.residential[3]! * (1 - 0.1 / 12), 9);
    expect(shifted.byGroup.residential[20]!).toBeCloseTo(base.byGroup.residential[20]! * 0.9, 9);
    for (let t = 0; t < 24; t++) expect(shifted.byGroup.foster[t]! - base.byGroup.foster[t]!).toBeCloseTo(base.byGroup.residential[t]! - shifted.byGroup.residential[t]!, 9);
    expect(run.scenarios[0]!.cost[20]!).toBeLessThan(run.baseline.cost[20]!);
    const json = buildResultJson({ dataset, report: null, run });
    expect((json.projection!.scenario!.difference.costByPlacement as Record<string, number[]>).residential![20]!).toBeLessThan(0);
  });

  it('names the field of a placement shift that cannot be used', () => {
    const parsed = parseScenario({ placementShifts: [{ from: 'residential', to: 'castle', share: 1.5, fromDate: '2025-04-01' }] });
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.messages).toContain('placementShifts[0].to: must be a placement group (foster, adoption, parents, independent, residential, secure, other), optionally with :inHouse or :private');
      expect(parsed.messages).toContain('placementShifts[0].share: must be at most 1');
    }
  });
});

describe('the backtest by placement group', () => {
  it('projects each group from a past month, knowing only what was known then, and reports its error', () => {
    const authority = simulatePlacements({ seed: 21, from: '2012-04-01', to: '2024-03-31' });
    const dataset = withSsda903(empty, returnsOf(authority, [2021, 2022, 2023, 2024]));
    const run = runModel(dataset, [], { horizon: 12, draws: 0 });
    const backtest = placementBacktest(dataset, [], monthOfIso('2023-04-01'), 12, run.history)!;
    expect(backtest.months[0]).toBe('2023-04');
    console.info(`backtest from April 2023, mean absolute % error: ${groups.map((g) => `${g} ${backtest.mape[g] === null ? 'n/a' : (100 * backtest.mape[g]!).toFixed(1)}`).join(', ')}`);
    expect(backtest.mape.foster!).toBeLessThan(0.06);
    expect(backtest.mape.independent!).toBeLessThan(0.25);
    // What it compares with is what the returns showed then.
    expect(backtest.actual.foster.every((v) => v !== null && v > 0)).toBe(true);
  });
});
