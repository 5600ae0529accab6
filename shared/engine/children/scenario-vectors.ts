// A scenario turned into month-by-month multipliers over the projection: how much referrals change, how
// many lost referrals come back when, and how much slower plans and care end while a shock lasts.
import { monthOfIso, monthOverlap, type MonthIndex } from '../core/months.ts';
import type { Scenario } from '../scenario.ts';
import { applyInterventionEffects } from './interventions/effects.ts';

export interface ScenarioVectors {
  /** Multiplier on baseline referrals (shocks, new normal, extra trend). */
  referralMultiplier: Float64Array;
  /** Lost referrals that come back, as a share of the baseline referrals of the months they were lost in. */
  returns: Array<{ lostMonths: Float64Array; share: number; firstReturnMonth: number; months: number }>;
  cppExitMultiplier: Float64Array;
  claExitMultiplier: Float64Array;
  cppConversionMultiplier: Float64Array;
  claConversionMultiplier: Float64Array;
}

/** Changes (0.1 = 10% more) to one month's rates, as a shock or an intervention makes them. */
export interface MonthChanges {
  referral: number;
  cppConversion: number;
  claConversion: number;
  cppExit: number;
  claExit: number;
}

/** Month t's multipliers changed by `changes`, for the share of the month they are in force. */
export function applyMonthChanges(v: ScenarioVectors, t: number, changes: MonthChanges, share: number): void {
  v.referralMultiplier[t]! *= 1 + changes.referral * share;
  v.cppExitMultiplier[t]! *= 1 + changes.cppExit * share;
  v.claExitMultiplier[t]! *= 1 + changes.claExit * share;
  v.cppConversionMultiplier[t]! *= 1 + changes.cppConversion * share;
  v.claConversionMultiplier[t]! *= 1 + changes.claConversion * share;
}

export function scenarioVectors(scenario: Scenario, startMonth: MonthIndex, horizon: number): ScenarioVectors {
  const ones = () => new Float64Array(horizon).fill(1);
  const v: ScenarioVectors = {
    referralMultiplier: ones(),
    returns: [],
    cppExitMultiplier: ones(),
    claExitMultiplier: ones(),
    cppConversionMultiplier: ones(),
    claConversionMultiplier: ones(),
  };
  for (let t = 0; t < horizon; t++) {
    const month = startMonth + t;
    v.referralMultiplier[t] = Math.pow(1 + scenario.referralTrendPerYear, (t + 0.5) / 12);
    if (scenario.newNormal) {
      const share = monthOverlap(month, scenario.newNormal.from, '2999-12-31');
      v.referralMultiplier[t]! *= 1 + scenario.newNormal.referralChange * share;
    }
    v.cppConversionMultiplier[t] = 1 + scenario.conversionChange.cpp;
    v.claConversionMultiplier[t] = 1 + scenario.conversionChange.cla;
  }
  for (const shock of scenario.shocks) {
    const lostMonths = new Float64Array(horizon);
    const changes: MonthChanges = { referral: shock.referralChange, cppConversion: shock.cppConversionChange, claConversion: shock.claConversionChange, cppExit: shock.cppExitChange, claExit: shock.claExitChange };
    for (let t = 0; t < horizon; t++) {
      const share = monthOverlap(startMonth + t, shock.from, shock.to);
      if (share === 0) continue;
      applyMonthChanges(v, t, changes, share);
      if (shock.referralChange < 0) lostMonths[t] = -shock.referralChange * share;
    }
    if (shock.returnShare > 0 && lostMonths.some((x) => x > 0)) {
      v.returns.push({ lostMonths, share: shock.returnShare, firstReturnMonth: monthOfIso(shock.to) + 1 - startMonth, months: shock.returnMonths });
    }
  }
  applyInterventionEffects(v, scenario.interventions, startMonth, horizon);
  return v;
}
