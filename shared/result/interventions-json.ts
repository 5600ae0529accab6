// Each intervention of a scenario in the result JSON (contract: projection.scenario.interventions):
// monthly cost, saving and net; totals with p10, p50 and p90 over the draws; the payback month. Added
// (the contract welcomes more): the cumulative lines and the saving's likely range month by month, the
// outcome in people, and the director's sentence. Until the draws have run (the window's first answer)
// the percentiles are the expected figure and `draws` is 0.
import type { Quantiles } from '../engine/core/percentiles.ts';
import type { InterventionOutcome } from '../engine/children/interventions/outcomes.ts';
import { monthLabel, type MonthIndex } from '../engine/core/months.ts';
import type { ProjectedScenario } from '../engine/children/run-model.ts';
import { interventionSentence } from '../text/intervention-words.ts';

type Round = (value: number, field: string, decimals: number) => number;

function interventionJson(o: InterventionOutcome, startMonth: MonthIndex, horizon: number, field: string, finite: Round) {
  const pounds = (values: ArrayLike<number>, name: string) => Array.from(values, (v) => finite(v, `${field}.${name}`, 0));
  const r = o.ranges;
  const range = (q: Quantiles | undefined, expected: number, name: string, decimals: number) => ({
    p10: finite(q?.p10 ?? expected, `${field}.${name}.p10`, decimals),
    p50: finite(q?.p50 ?? expected, `${field}.${name}.p50`, decimals),
    p90: finite(q?.p90 ?? expected, `${field}.${name}.p90`, decimals),
  });
  const people = (q: Quantiles | undefined, expected: number, name: string) => ({ expected: finite(expected, `${field}.outcomes.${name}`, 2), ...range(q, expected, `outcomes.${name}`, 2) });
  const e = o.expected;
  const i = o.intervention;
  return {
    name: i.name,
    from: i.from,
    to: i.to ?? null,
    costPerYear: i.costPerYear,
    cost: pounds(o.cost, 'cost'),
    saving: pounds(o.saving, 'saving'),
    net: pounds(o.net, 'net'),
    cumulativeCost: pounds(o.cumulativeCost, 'cumulativeCost'),
    cumulativeSaving: pounds(o.cumulativeSaving, 'cumulativeSaving'),
    cumulativeSavingBand: r ? { p10: pounds(r.cumulativeSaving.p10, 'cumulativeSavingBand.p10'), p50: pounds(r.cumulativeSaving.p50, 'cumulativeSavingBand.p50'), p90: pounds(r.cumulativeSaving.p90, 'cumulativeSavingBand.p90') } : null,
    totals: {
      cost: finite(e.cost, `${field}.totals.cost`, 0),
      saving: range(r?.saving, e.saving, 'totals.saving', 0),
      net: range(r?.net, e.net, 'totals.net', 0),
      expected: { saving: finite(e.saving, `${field}.totals.expected.saving`, 0), net: finite(e.net, `${field}.totals.expected.net`, 0) },
      draws: r?.draws ?? 0,
    },
    outcomes: {
      childrenKeptOutOfCare: people(r?.childrenKeptOutOfCare, e.childrenKeptOutOfCare, 'childrenKeptOutOfCare'),
      plansAvoided: people(r?.plansAvoided, e.plansAvoided, 'plansAvoided'),
      childMonthsInCareAvoided: people(r?.childMonthsInCareAvoided, e.childMonthsInCareAvoided, 'childMonthsInCareAvoided'),
      fewerInCareAtEnd: finite(e.fewerInCareAtEnd, `${field}.outcomes.fewerInCareAtEnd`, 2),
    },
    paybackMonth: o.paybackMonth === null ? null : monthLabel(startMonth + o.paybackMonth),
    sentence: interventionSentence(o, startMonth, horizon),
    settings: i,
  };
}

/** The scenario's interventions and its spend split into services and interventions; nothing without interventions. */
export function interventionsJson(p: ProjectedScenario, startMonth: MonthIndex, field: string, finite: Round) {
  if (p.interventions.length === 0) return {};
  const H = p.cost.length;
  return {
    serviceCost: Array.from(p.serviceCost, (v) => finite(v, `${field}.serviceCost`, 0)),
    interventionCost: Array.from(p.interventionCost, (v) => finite(v, `${field}.interventionCost`, 0)),
    interventions: p.interventions.map((o, i) => interventionJson(o, startMonth, H, `${field}.interventions[${i}]`, finite)),
  };
}

export type InterventionJson = ReturnType<typeof interventionJson>;
