// An intervention's effects on the month-by-month multipliers, only while it runs (a part month in
// proportion): referrals, plan and care starts (starts per referral), and how fast plans and care end.
// Children kept out of care stay out after it ends: the stocks carry its effect on; the rates do not.
// Housing effects (approaches, temporary accommodation) are the housing service's (housing/housing-scenario.ts).
import type { MonthIndex } from '../../core/months.ts';
import type { Intervention } from '../../scenario.ts';
import { applyMonthChanges, type MonthChanges, type ScenarioVectors } from '../scenario-vectors.ts';
import { runningShare } from '../../core/interventions-running.ts';

export function applyInterventionEffects(vectors: ScenarioVectors, interventions: readonly Intervention[], startMonth: MonthIndex, horizon: number): void {
  for (const intervention of interventions) {
    const e = intervention.effects;
    const changes: MonthChanges = { referral: e.referralChange, cppConversion: e.cppStartChange, claConversion: e.claStartChange, cppExit: e.cppExitChange, claExit: e.claExitChange };
    for (let t = 0; t < horizon; t++) {
      const share = runningShare(intervention, startMonth + t);
      if (share !== 0) applyMonthChanges(vectors, t, changes, share);
    }
  }
}
