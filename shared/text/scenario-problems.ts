// A scenario's settings out of range, in words a person reads on the screens: counted from 1, fields named
// as the screens label them ("Scenario 1 “New normal”, intervention 1 “Edge of care team”: the end date
// is before the start date"), never as the contract's paths ("interventions[0].to"), which the command
// line keeps (parseScenario).
import { placementWords } from '../engine/children/describe-scenario.ts';
import { ScenarioSchema } from '../engine/scenario.ts';

/** The labels of an intervention's effects, as the Scenarios step shows them. */
export const interventionEffectLabels = {
  claStartChange: 'Change in children coming into care while it runs',
  cppStartChange: 'Change in child protection plans starting while it runs',
  referralChange: 'Change in referrals while it runs',
  claExitChange: 'Change in how often children leave care while it runs',
  cppExitChange: 'Change in how often plans end while it runs',
} as const;

/** A housing intervention's effects: on approaches, on households placed in TA (prevention), on move-on. */
export const housingInterventionEffectLabels = {
  taStartChange: 'Change in households placed in temporary accommodation while it runs',
  taExitChange: 'Change in how fast households move on from temporary accommodation while it runs',
  approachChange: 'Change in approaches while it runs',
} as const;

export interface SettingProblem {
  /** Where it is: ["interventions", 0, "to"]. */
  path: ReadonlyArray<string | number>;
  /** What is wrong with the field itself: "The end date is before the start date." */
  words: string;
}

const sentence = (s: string) => `${s[0]!.toUpperCase()}${s.slice(1)}${s.endsWith('.') ? '' : '.'}`;
const fieldNames: Record<string, string> = {
  name: 'the name',
  from: 'the start date',
  to: 'the end date',
  fromDate: 'the start date',
  costPerYear: 'the running cost',
  share: 'the share',
  overMonths: 'the months it is phased in over',
  referralChange: 'the change in referrals',
  returnShare: 'the share of lost referrals that come back',
  returnMonths: 'the months they come back over',
  cppExitChange: 'the change in how often plans end',
  claExitChange: 'the change in how often children leave care',
  cppConversionChange: 'the change in referrals leading to a plan',
  claConversionChange: 'the change in referrals leading to care',
  cppStartChange: 'the change in plans starting',
  claStartChange: 'the change in children coming into care',
  referralTrendPerYear: 'the extra trend in referrals',
  claWeekly: 'the cost per child looked after',
  cppMonthly: 'the cost per child protection plan',
  cppPerWorker: 'the plans per social worker',
  claPerWorker: 'the children in care per social worker',
  inflationPerYear: 'the rise in unit costs each April',
  approachChange: 'the change in approaches',
  taStartChange: 'the change in households placed in temporary accommodation',
  taExitChange: 'the change in how often households leave temporary accommodation',
  placementFrom: 'the placement the children move from',
  placementTo: 'the placement the children move to',
};

/**
 * The key a field is named and its figures written by: the same key means different things in different
 * places ("from" of a placement shift is a placement, not a date; "cpp" of conversionChange is a change).
 */
function settingKey(path: ReadonlyArray<string | number>, field: string): string {
  if (path.includes('placementShifts') && (field === 'from' || field === 'to')) return field === 'from' ? 'placementFrom' : 'placementTo';
  if (path.includes('conversionChange') && (field === 'cpp' || field === 'cla')) return `${field}ConversionChange`;
  if (path.includes('claWeeklyByPlacement')) return 'weeklyCost';
  return field;
}

/** The field's name in words; a weekly cost names its placement ("the weekly cost of fostering (in-house)"). */
function nameInWords(path: ReadonlyArray<string | number>, key: string): string {
  if (key === 'weeklyCost') return `the weekly cost of ${placementWords(path.slice(path.indexOf('claWeeklyByPlacement') + 1).join(':'))}`;
  return fieldNames[key] ?? key;
}

/** A limit as the screens show that field: shares as percents, pounds with their sign. */
function figureInWords(field: string, n: number): string {
  if (/Change$|Share$|^share$|PerYear$/.test(field) && field !== 'costPerYear') return `${Math.round(n * 1000) / 10}%`;
  if (field === 'costPerYear') return `£${n.toLocaleString('en-GB')} a year`;
  if (field === 'weeklyCost') return `£${n.toLocaleString('en-GB')} a week`;
  return n.toLocaleString('en-GB');
}

/** What is wrong with one field, in words. */
function problemWords(path: ReadonlyArray<string | number>, field: string, message: string): string {
  const name = nameInWords(path, field);
  if (message === 'must not be before "from"') return 'The end date is before the start date.';
  if (message === 'must differ from "from"') return 'A placement shift moves children to the placement they are already in.';
  if (message === 'must not start before the intervention does') return 'A placement shift starts before the intervention does.';
  if (field === 'name' && message === 'must not be empty') return 'Write a name.';
  if (message === 'must be a date written YYYY-MM-DD') return sentence(`${name} is not a date`);
  if (message === 'Invalid input') return sentence(`${name} is not a figure it can take`);
  return sentence(`${name} ${message.replace(/-?\d+(\.\d+)?/, (n) => figureInWords(field, Number(n)))}`);
}

/** Each setting out of range in one scenario, with where it is and what is wrong. */
export function settingProblems(scenario: unknown): SettingProblem[] {
  const parsed = ScenarioSchema.safeParse(scenario);
  if (parsed.success) return [];
  return parsed.error.issues.map((issue) => {
    const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
    const field = settingKey(path, [...path].reverse().find((p): p is string => typeof p === 'string') ?? 'scenario');
    const words = issue.code === 'unrecognized_keys' ? `${issue.keys.join(', ')}: not a setting this version knows.` : problemWords(path, field, issue.message);
    return { path, words };
  });
}

const named = (kind: string, index: number, name: unknown) => `${kind} ${index + 1}${typeof name === 'string' && name.trim() ? ` “${name.trim()}”` : ''}`;

/** Where a problem is, in words: "Scenario 1 “New normal”, intervention 2 “Edge of care team”". */
function placeInWords(scenario: Record<string, unknown>, index: number, path: SettingProblem['path']): string {
  const parts = [named('Scenario', index, scenario.name)];
  const kinds: Record<string, string> = { shocks: 'shock', interventions: 'intervention', placementShifts: 'placement shift' };
  let at: unknown = scenario;
  for (let k = 0; k < path.length; k++) {
    const key = path[k]!;
    at = at && typeof at === 'object' ? (at as Record<string | number, unknown>)[key] : undefined;
    const next = path[k + 1];
    if (typeof key === 'string' && kinds[key] && typeof next === 'number') {
      const item = Array.isArray(at) ? at[next] : undefined;
      parts.push(named(kinds[key], next, item && typeof item === 'object' ? (item as { name?: unknown }).name : undefined));
    }
  }
  return parts.join(', ');
}

/** Every setting out of range in the `index`th scenario, each a sentence naming where it is. */
export function scenarioProblemsInWords(scenario: unknown, index: number): string[] {
  const record = scenario && typeof scenario === 'object' ? (scenario as Record<string, unknown>) : {};
  return settingProblems(scenario).map((p) => `${placeInWords(record, index, p.path)}: ${p.words[0]!.toLowerCase()}${p.words.slice(1)}`);
}
