// Generated authorities of several sizes and shapes whose future is known: each is simulated two years
// past its last extract, so a projection from the extract can be held against what then happened.
import type { Dataset } from '../../shared/dataset/types.ts';
import { runModel } from '../../shared/engine/children/run-model.ts';
import { lastDayIso, monthOfIso, type MonthIndex } from '../../shared/engine/core/months.ts';
import { defaultAuthorityParameters, simulateAuthority, type AuthorityParameters, type SyntheticAuthority } from '../../shared/synthetic/authority.ts';
import { extractsOf, sixMonthlyExtracts } from './generated-extracts.ts';

export interface ReferenceShape {
  name: string;
  seed: number;
  parameters: Partial<AuthorityParameters>;
  extracts: readonly string[];
}

const flat = Array.from({ length: 12 }, () => 1);

/** Small and large; growing and shrinking; with and without seasonality; one extract, six-monthly and yearly ones. */
export const referenceShapes: readonly ReferenceShape[] = [
  { name: 'small, steady, seven six-monthly extracts', seed: 101, parameters: { referralsPerMonth: 90 }, extracts: sixMonthlyExtracts },
  { name: 'large, steady, two extracts', seed: 102, parameters: { referralsPerMonth: 900 }, extracts: ['2024-03-31', '2024-09-30'] },
  { name: 'growing 6% a year, seven extracts', seed: 103, parameters: { referralTrendPerYear: 0.06 }, extracts: sixMonthlyExtracts },
  { name: 'shrinking 6% a year, seven extracts', seed: 104, parameters: { referralTrendPerYear: -0.06 }, extracts: sixMonthlyExtracts },
  { name: 'no seasonality, one extract', seed: 105, parameters: { seasonality: flat }, extracts: ['2024-09-30'] },
  { name: 'steady, yearly March extracts with gaps between them', seed: 106, parameters: {}, extracts: ['2022-03-31', '2023-03-31', '2024-03-31'] },
];

export interface ReferenceRun {
  shape: ReferenceShape;
  authority: SyntheticAuthority;
  dataset: Dataset;
  run: ReturnType<typeof runModel>;
  /** What happened, by month of the projection. */
  truth: { referrals: number[]; cppOpen: number[]; claOpen: number[] };
}

export const referenceHorizon = 24;

function openAt(episodes: SyntheticAuthority['plans'], month: MonthIndex): number {
  const end = lastDayIso(month);
  let n = 0;
  for (const e of episodes) if (e.start <= end && (e.end === null || e.end > end)) n++;
  return n;
}

export function referenceRun(shape: ReferenceShape, draws = 300): ReferenceRun {
  const parameters = { ...defaultAuthorityParameters(), ...shape.parameters };
  const last = shape.extracts.at(-1)!;
  const end = lastDayIso(monthOfIso(last) + referenceHorizon);
  const authority = simulateAuthority({ seed: shape.seed, from: '2006-01-01', to: end, parameters });
  const dataset = extractsOf(authority, shape.extracts);
  const run = runModel(dataset, [], { horizon: referenceHorizon, draws });
  const months = Array.from({ length: referenceHorizon }, (_, t) => run.setup.startMonth + t);
  const referralsByMonth = new Map<number, number>();
  for (const r of authority.referrals) {
    const m = monthOfIso(r.date);
    referralsByMonth.set(m, (referralsByMonth.get(m) ?? 0) + 1);
  }
  return {
    shape,
    authority,
    dataset,
    run,
    truth: { referrals: months.map((m) => referralsByMonth.get(m) ?? 0), cppOpen: months.map((m) => openAt(authority.plans, m)), claOpen: months.map((m) => openAt(authority.care, m)) },
  };
}
