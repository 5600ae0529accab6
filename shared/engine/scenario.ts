// Scenarios as the contract's JSON describes them (../shared/docs/cli-contract.md), validated with every
// range stated, so a mistake names its field: "shocks[0].returnShare: must be at most 1".
import { z } from 'zod';
import { placementGroups } from '../import/values/codes.ts';
import { taTypes, type TaType } from '../dataset/housing.ts';

const isoDate = z.iso.date({ message: 'must be a date written YYYY-MM-DD' });
const share = (min: number, max: number) => z.number().finite().min(min, `must be at least ${min}`).max(max, `must be at most ${max}`);

export const ShockSchema = z
  .strictObject({
    from: isoDate,
    to: isoDate,
    referralChange: share(-1, 5).default(0),
    returnShare: share(0, 1).default(0),
    returnMonths: z.number().int('must be a whole number of months').min(1, 'must be at least 1').max(60, 'must be at most 60').default(3),
    cppExitChange: share(-0.95, 5).default(0),
    claExitChange: share(-0.95, 5).default(0),
    /** Extension: fewer (or more) referrals turn into plans or care while the shock lasts. */
    cppConversionChange: share(-0.95, 5).default(0),
    claConversionChange: share(-0.95, 5).default(0),
    /** Housing: approaches change, fewer (or more) households enter temporary accommodation, and they leave it faster or slower, while the shock lasts. Absent means no change (left absent so children's scenarios read as before). */
    approachChange: share(-1, 5).optional(),
    taStartChange: share(-0.95, 5).optional(),
    taExitChange: share(-0.95, 5).optional(),
  })
  .refine((s) => s.from <= s.to, { message: 'must not be before "from"', path: ['to'] });

// Pounds a week for a placement group: one figure, or in-house (PR0-PR3) and private (PR4-PR5) apart.
const weeklyCost = z.union([share(0, 50_000), z.strictObject({ inHouse: share(0, 50_000).optional(), private: share(0, 50_000).optional() })]);
const placementCosts = z.strictObject(
  Object.fromEntries(Object.keys(placementGroups).map((g) => [g, weeklyCost.optional()])) as Record<keyof typeof placementGroups, z.ZodOptional<typeof weeklyCost>>,
);
const placementTarget = z
  .string()
  .regex(new RegExp(`^(${Object.keys(placementGroups).join('|')})(:(inHouse|private))?$`), `must be a placement group (${Object.keys(placementGroups).join(', ')}), optionally with :inHouse or :private`);
/** Of the children who would be in `from`, `share` are in `to` instead, phased in over `overMonths` from `fromDate`. */
export const PlacementShiftSchema = z
  .strictObject({
    from: placementTarget,
    to: placementTarget,
    share: share(0, 1),
    fromDate: isoDate,
    overMonths: z.number().int('must be a whole number of months').min(0, 'must be at least 0').max(120, 'must be at most 120').default(0),
  })
  .refine((s) => s.from !== s.to, { message: 'must differ from "from"', path: ['to'] });

// An intervention's effects while it runs, as changes: -0.15 is 15% fewer. Below -100% means nothing at all.
const effect = share(-1, 5).default(0);
export const InterventionEffectsSchema = z.strictObject({
  referralChange: effect,
  cppStartChange: effect,
  claStartChange: effect,
  cppExitChange: effect,
  claExitChange: effect,
  /** Housing: approaches, entries to temporary accommodation (prevention), and how fast households leave it. */
  approachChange: effect,
  taStartChange: effect,
  taExitChange: effect,
});

const taNightlyCosts = z.strictObject(Object.fromEntries(taTypes.map((t) => [t, share(0, 5_000).optional()])) as Record<TaType, z.ZodOptional<ReturnType<typeof share>>>);

/** A placement shift made by an intervention: in force only while it runs, from its start unless `fromDate` says later. */
const InterventionShiftSchema = z
  .strictObject({
    from: placementTarget,
    to: placementTarget,
    share: share(0, 1),
    fromDate: isoDate.optional(),
    overMonths: z.number().int('must be a whole number of months').min(0, 'must be at least 0').max(120, 'must be at most 120').default(0),
  })
  .refine((s) => s.from !== s.to, { message: 'must differ from "from"', path: ['to'] });

/** Something the council pays for to change demand: what it costs a year while it runs, and what it changes. */
export const InterventionSchema = z
  .strictObject({
    name: z.string().trim().min(1, 'must not be empty').max(80, 'must be at most 80 characters'),
    description: z.string().max(2000, 'must be at most 2000 characters').optional(),
    /** Where the size of effect comes from, in words (a published evaluation, or "illustrative"). */
    source: z.string().max(1000, 'must be at most 1000 characters').optional(),
    from: isoDate,
    to: isoDate.optional(),
    /** Pounds a year, spread over the months it runs. */
    costPerYear: share(0, 100_000_000),
    effects: InterventionEffectsSchema.default({ referralChange: 0, cppStartChange: 0, claStartChange: 0, cppExitChange: 0, claExitChange: 0, approachChange: 0, taStartChange: 0, taExitChange: 0 }),
    placementShifts: z.array(InterventionShiftSchema).max(20, 'at most 20 placement shifts').default([]),
  })
  .refine((i) => i.to === undefined || i.from <= i.to, { message: 'must not be before "from"', path: ['to'] })
  .refine((i) => i.placementShifts.every((s) => s.fromDate === undefined || s.fromDate >= i.from), { message: 'must not start before the intervention does', path: ['placementShifts'] });

export const ScenarioSchema = z.strictObject({
  name: z.string().trim().min(1, 'must not be empty').max(80, 'must be at most 80 characters').default('Scenario'),
  description: z.string().max(2000).optional(),
  shocks: z.array(ShockSchema).max(20, 'at most 20 shocks').default([]),
  newNormal: z
    .strictObject({
      from: isoDate,
      referralChange: share(-0.9, 5).default(0),
      /** Housing: as the shocks' fields, from `from` on. */
      approachChange: share(-0.9, 5).optional(),
      taStartChange: share(-0.95, 5).optional(),
      taExitChange: share(-0.95, 5).optional(),
    })
    .optional(),
  referralTrendPerYear: share(-0.5, 1).default(0),
  conversionChange: z.strictObject({ cpp: share(-0.95, 5).default(0), cla: share(-0.95, 5).default(0) }).default({ cpp: 0, cla: 0 }),
  costs: z
    .strictObject({
      /** Pounds per child looked after per week. */
      claWeekly: share(0, 50_000).optional(),
      /** Pounds per child protection plan per month. */
      cppMonthly: share(0, 50_000).optional(),
      /** Extension: pounds per week by placement group, used where List 8 gives placement types. */
      claWeeklyByPlacement: placementCosts.optional(),
      /** Housing: pounds a night by temporary accommodation type. */
      taNightly: taNightlyCosts.optional(),
      /** Unit costs rise by this every April of the projection. */
      inflationPerYear: share(-0.2, 0.5).optional(),
    })
    .default({}),
  placementShifts: z.array(PlacementShiftSchema).max(20, 'at most 20 placement shifts').default([]),
  interventions: z.array(InterventionSchema).max(10, 'at most 10 interventions').default([]),
  caseloads: z
    .strictObject({
      cppPerWorker: share(1, 200).optional(),
      claPerWorker: share(1, 200).optional(),
    })
    .default({}),
});

export type Scenario = z.output<typeof ScenarioSchema>;
export type ScenarioInput = z.input<typeof ScenarioSchema>;
export type Shock = z.output<typeof ShockSchema>;
export type PlacementShift = z.output<typeof PlacementShiftSchema>;
export type Intervention = z.output<typeof InterventionSchema>;
export type InterventionInput = z.input<typeof InterventionSchema>;
export type InterventionEffects = z.output<typeof InterventionEffectsSchema>;

export type ScenarioParse = { ok: true; scenario: Scenario } | { ok: false; messages: string[] };

function fieldPath(path: readonly PropertyKey[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i === 0 ? '' : '.'}${String(p)}`)).join('');
}

export function parseScenario(raw: unknown): ScenarioParse {
  const parsed = ScenarioSchema.safeParse(raw);
  if (parsed.success) return { ok: true, scenario: parsed.data };
  return {
    ok: false,
    messages: parsed.error.issues.map((issue) => {
      if (issue.code === 'unrecognized_keys') {
        const where = fieldPath(issue.path);
        return issue.keys.map((k) => `${where ? `${where}.` : ''}${k}: is not a scenario field`).join('; ');
      }
      return `${fieldPath(issue.path) || 'scenario'}: ${issue.message}`;
    }),
  };
}

export const baselineScenario: Scenario = ScenarioSchema.parse({ name: 'Baseline' });

/** Illustrative unit costs and caseloads, used until the analyst gives their own (docs/model.md says why). */
export const defaultCosts = {
  claWeekly: 1_200,
  cppMonthly: 350,
} as const;
export const defaultCaseloads = { cppPerWorker: 15, claPerWorker: 15 } as const;
