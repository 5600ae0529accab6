// The 2020-21 lockdown preset, backtested on generated authorities that lived through those lockdowns:
// projecting from April 2020 with the preset must beat the baseline over the following year.
import { describe, expect, it } from 'vitest';
import { runBacktest } from '../../shared/engine/children/backtest.ts';
import { monthOfIso } from '../../shared/engine/core/months.ts';
import { englandLockdowns2020 } from '../../shared/engine/children/presets.ts';
import { extractsOf, generated } from '../support/generated-extracts.ts';

describe('the England 2020-21 lockdowns preset', () => {
  const extracts = ['2018-09-30', '2019-03-31', '2019-09-30', '2020-03-31', '2020-09-30', '2021-03-31'];
  const results = [31, 32].map((seed) => {
    const authority = generated(seed, { to: '2021-03-31', parameters: { shocks: englandLockdowns2020.shocks } });
    return runBacktest(extractsOf(authority, extracts), [], monthOfIso('2020-04-01'), 12, undefined, englandLockdowns2020);
  });

  it('predicts referrals through the lockdowns far better than the baseline', () => {
    for (const r of results) {
      expect(r.scenario!.mape.referrals!).toBeLessThan(0.08);
      expect(r.scenario!.mape.referrals!).toBeLessThan(r.mape.referrals! * 0.6);
    }
  });

  it('predicts children in care at least as well as the baseline', () => {
    for (const r of results) expect(r.scenario!.mape.claOpen!).toBeLessThanOrEqual(r.mape.claOpen! + 0.01);
  });
});
