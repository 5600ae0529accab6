// Ready-made scenarios. The 2020-21 presets follow what happened in England (../shared/docs/annex-a.md):
// referrals about 16-18% below usual in spring 2020 with schools shut, a rebound above usual in late
// summer 2020 as lost referrals came back, about 22% below in January 2021, the year 7% down overall;
// children starting care about a third lower in April-June 2020; plans and care ending less often.
import { ScenarioSchema, type Scenario } from '../scenario.ts';
import { monthLabel, type MonthIndex } from '../core/months.ts';

export const englandLockdowns2020: Scenario = ScenarioSchema.parse({
  name: 'England lockdowns 2020-21',
  description: 'The three national lockdowns as they happened: 23 Mar-4 Jul 2020, 5 Nov-2 Dec 2020, 6 Jan-8 Mar 2021.',
  shocks: [
    { from: '2020-03-23', to: '2020-07-04', referralChange: -0.18, returnShare: 0.5, returnMonths: 4, cppExitChange: -0.15, claExitChange: -0.2, claConversionChange: -0.2 },
    { from: '2020-11-05', to: '2020-12-02', referralChange: -0.08, returnShare: 0.5, returnMonths: 2, cppExitChange: -0.1, claExitChange: -0.1 },
    { from: '2021-01-06', to: '2021-03-08', referralChange: -0.2, returnShare: 0.5, returnMonths: 3, cppExitChange: -0.1, claExitChange: -0.15 },
  ],
});

/** A national lockdown like the first one, starting `startsIn` months after the projection starts. */
export function futureLockdown(projectionStart: MonthIndex, startsIn = 3, lastsMonths = 3): Scenario {
  const from = `${monthLabel(projectionStart + startsIn)}-01`;
  const end = projectionStart + startsIn + lastsMonths;
  const to = new Date(Date.UTC(Math.floor(end / 12), end % 12, 0)).toISOString().slice(0, 10);
  return ScenarioSchema.parse({
    name: 'Another lockdown',
    description: `Schools and services close for ${lastsMonths} months from ${from}; half the referrals lost come back over the following 6 months.`,
    shocks: [{ from, to, referralChange: -0.2, returnShare: 0.5, returnMonths: 6, cppExitChange: -0.15, claExitChange: -0.2, claConversionChange: -0.2 }],
  });
}
