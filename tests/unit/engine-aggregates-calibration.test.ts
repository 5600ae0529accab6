// Aggregate-only histories (England's published figures, data/public), pooled long-stay exit rates, and the
// calibration of the model on an analyst's own history.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAggregateHistory } from '../../shared/engine/children/aggregate-history.ts';
import { runBacktest } from '../../shared/engine/children/backtest.ts';
import { calibrate } from '../../shared/engine/children/calibration.ts';
import { pooledRates } from '../../shared/engine/core/spell-hazards.ts';
import { monthOfIso } from '../../shared/engine/core/months.ts';
import { publicBacktest } from '../../shared/engine/children/public-backtest.ts';
import { runModel } from '../../shared/engine/children/run-model.ts';
import { calibrationSentences } from '../../shared/text/calibration-words.ts';
import { extractsOf, generated, sixMonthlyExtracts } from '../support/generated-extracts.ts';

const root = path.resolve(import.meta.dirname, '..', '..');
const parsed = parseAggregateHistory(readFileSync(path.join(root, 'data/public/england-dfe-annual.csv'), 'utf8'));
if (!parsed.ok) throw new Error(parsed.messages.join('\n'));
const england = parsed.periods;
const empty = { extracts: [], referrals: [], cpp: [], cla: [] };
const fitted = england.filter((p) => p.toMonth < monthOfIso('2020-04-01'));

describe("England's published annual figures as an aggregate-only history", () => {
  const run = runModel(empty, fitted, { horizon: 60, draws: 0 });
  const b = run.baseline.series;

  it('keeps a year total whole: the first projected year of referrals is the level, not inflated by the seasonal pattern', () => {
    const year = Array.from(b.referrals.slice(0, 12)).reduce((a, v) => a + v, 0);
    expect(year / (run.estimates.referrals.level * 12)).toBeCloseTo(1, 6);
    // The level is the average of the last two years (2018-19 and 2019-20), the trend being within its noise.
    expect(run.estimates.referrals.level * 12).toBeCloseTo((650930 + 642980) / 2, -2);
    expect(run.estimates.referrals.trendPerYear).toBe(0);
  });

  it('lets the stock follow its own flows: open = open before + starts - ends, with nobody aged out a second time', () => {
    let before = 80000;
    for (let t = 0; t < 60; t++) {
      expect(b.claOpen[t]!).toBeCloseTo(before + b.claStarts[t]! - b.claEnds[t]!, 6);
      before = b.claOpen[t]!;
      expect(b.claAgedOut[t]).toBe(0);
    }
    // 2019-20 had 31,010 starts and 29,710 ends: the first projected year keeps rising.
    expect(b.claOpen[11]!).toBeGreaterThan(80000);
    expect(b.cppOpen[11]!).toBeGreaterThan(49000);
    expect(b.cppOpen[11]!).toBeLessThan(54000);
  });

  it('writes honest notes: the trend measured on the years, no complaint about too few months', () => {
    const notes = run.estimates.notes.join(' ');
    expect(notes).not.toMatch(/fewer than the 24 needed/);
    expect(notes).toMatch(/trend is measured on the periods/);
    expect(notes).toMatch(/include children leaving care at 18/);
  });

  it('from April 2020, beats carrying 2019-20 forward over referrals, plans and children in care', () => {
    const backtest = runBacktest(empty, england, monthOfIso('2020-04-01'), 60);
    const mean = (m: Record<string, number | null>) => (m.referrals! + m.cppOpen! + m.claOpen!) / 3;
    expect(mean(backtest.mape)).toBeLessThan(mean(backtest.naiveMape));
    expect(backtest.comparisons.filter((c) => c.series === 'referrals').map((c) => c.from)).toEqual(['2020-04', '2021-04', '2022-04', '2023-04']);
  });

  it('beats carrying forward from every starting April whose year before gives every figure, taken together', () => {
    const r = publicBacktest(england);
    expect(r.complete.origins).toBeGreaterThanOrEqual(5);
    expect(r.complete.model!).toBeLessThan(r.complete.naive!);
  });

  it('holds a stock whose ends are neither given nor derivable, rather than running it down on national defaults', () => {
    // To 2014-15: children in care counted on 31 March 2015 (69,540), no care starts or ends published.
    const early = runModel(empty, england.filter((p) => p.toMonth < monthOfIso('2015-04-01')), { horizon: 24, draws: 0 });
    expect(Math.abs(early.baseline.series.claOpen[23]! / 69540 - 1)).toBeLessThan(0.01);
    const notes = early.estimates.notes.join(' ');
    expect(notes).toMatch(/Children in care: durations come from aggregate figures \(no ends are given and none can be worked out, so as many are taken to end as start, at the number last counted open: 3\.\d% end each month\), so every case/);
    expect(notes).not.toMatch(/last 0 periods/);
    // To 2017-18: plans last counted on 31 March 2017 (51,080); the only plan starts are 2012-13's, no ends.
    const later = runModel(empty, england.filter((p) => p.toMonth < monthOfIso('2018-04-01')), { horizon: 24, draws: 0 });
    expect(Math.abs(later.baseline.series.cppOpen[23]! / 51080 - 1)).toBeLessThan(0.01);
  });

  it('beats carrying forward over every starting April taken together, and on each series', () => {
    const r = publicBacktest(england);
    expect(r.model!).toBeLessThan(r.naive!);
    for (const s of ['referrals', 'cppOpen', 'claOpen'] as const) expect(r.bySeries[s].model!, s).toBeLessThan(r.bySeries[s].naive!);
  });
});

describe('long-stay exit rates', () => {
  it('pools bands from the longest down until each rests on enough exits, keeping the total', () => {
    const events = [40, 30, 25, 12, 6, 3, 2, 1, 0, 1];
    const exposure = [400, 380, 360, 300, 250, 200, 150, 120, 80, 60];
    const rates = pooledRates(events, exposure, 10);
    expect(rates.slice(0, 4)).toEqual([0.1, 30 / 380, 25 / 360, 12 / 300]);
    // 6 + 3 + 2 + 1 + 0 + 1 = 13 exits over the last six bands: one rate.
    expect(new Set(rates.slice(4)).size).toBe(1);
    expect(rates[9]).toBeCloseTo(13 / 860, 12);
    const raw = pooledRates(events, exposure, 0);
    expect(raw[8]).toBeCloseTo(0.5 / 80, 12);
  });
});

describe('calibration on an analyst’s own lists', () => {
  const authority = generated(31, { to: '2024-09-30' });

  it('says what is missing when the lists cannot support a backtest', () => {
    const one = extractsOf(authority, ['2024-09-30']);
    const c = calibrate(one, []);
    expect(c.origins).toEqual([]);
    expect(c.missing).toBe('Your lists cover 6 complete months; a backtest needs at least 12: 6 to fit the model and more to compare with what happened. Add the extract from six months earlier (taken on 31/03/2024).');
    expect(calibrationSentences(c)).toEqual([c.missing]);
  }, 60_000);

  it('summarises rolling-origin backtests by months ahead, with the share inside the likely range', () => {
    const dataset = extractsOf(authority, sixMonthlyExtracts.slice(3));
    const c = calibrate(dataset, [], { draws: 40 });
    expect(c.missing).toBeNull();
    // 24 complete months (four extracts): every month after the first six is a starting point.
    expect(c.origins).toHaveLength(18);
    for (const s of ['referrals', 'cppOpen', 'claOpen'] as const) {
      const h = c.series[s].headline!;
      expect(h.months).toBe(12);
      expect(h.compared).toBeGreaterThan(0);
      expect(h.error).toBeLessThan(0.2);
      expect(h.insideRange).toBeGreaterThanOrEqual(0);
      expect(c.series[s].byHorizon[0]!.months).toBe(1);
    }
    expect(calibrationSentences(c)[2]).toMatch(/^In backtests over your own history, children in care 12 months ahead were on average [\d.]+% out, and inside the likely range (\d times in 10|every time|almost never)/);
  }, 90_000);
});

describe('a mixed history: one extract of lists and yearly totals before it', () => {
  it('measures the trend on the yearly totals when the lists are too short for one', () => {
    const authority = generated(103, { parameters: { referralTrendPerYear: 0.06 } });
    const dataset = extractsOf(authority, ['2024-09-30']);
    const years = Array.from({ length: 8 }, (_, k) => 2016 + k);
    const aggregates = years.map((y, line) => ({
      fromMonth: monthOfIso(`${y}-04-01`),
      toMonth: monthOfIso(`${y + 1}-03-01`),
      values: { referrals: authority.referrals.filter((r) => r.date >= `${y}-04-01` && r.date <= `${y + 1}-03-31`).length },
      line: line + 2,
    }));
    const run = runModel(dataset, aggregates, { horizon: 24, draws: 0 });
    const r = run.estimates.referrals;
    expect(r.source).toBe('lists');
    expect(Math.abs(r.trendPerYear - 0.06)).toBeLessThan(0.02);
    expect(run.estimates.notes.join(' ')).toMatch(/the trend is measured on 8 periods of the aggregate history/);
    // The projection grows with it: the second year's referrals exceed the first's by about the trend.
    const year = (from: number) => Array.from(run.baseline.series.referrals.slice(from, from + 12)).reduce((a, v) => a + v, 0);
    expect(year(12) / year(0)).toBeGreaterThan(1.03);
  }, 60_000);
});
