// The services the engine projects, each a definition over the one core (shared/engine/core): the lists it
// reads, the arrivals that drive it and their default season, the stages people are in and the sub-states
// within them, and what its money is counted in. Children's services and housing are two definitions; a
// run is of one service, so lists of both in one run are a usage error naming both.
import { housingLists, taTypes } from '../dataset/housing.ts';
import { placementGroups } from '../import/values/codes.ts';
import { defaultSeasonality } from './children/estimate-referrals.ts';

export interface ServiceDefinition {
  id: 'children' | 'housing';
  words: string;
  /** The lists a run reads, by the names the result's import counts use. */
  lists: readonly string[];
  /** The monthly arrivals series (level, trend, season: core/arrivals.ts) and its default season. */
  arrivals: { series: string; defaultSeason: readonly number[] };
  /** Stages a person or household is in, each an open count at month end, with the sub-states it is split into. */
  stages: ReadonlyArray<{ open: string; words: string; subStates: readonly string[] }>;
  /** The unit its unit costs are given in. */
  money: { per: 'week' | 'month' | 'night'; scenarioField: string };
}

/** Approaches by calendar month, January first, averaging 1: high in January, low in summer and December (housing.md). */
const housingSeason: readonly number[] = [1.15, 1.05, 1.05, 1.0, 1.0, 0.95, 0.92, 0.9, 1.0, 1.02, 1.02, 0.94];

export const childrenService = {
  id: 'children' as const,
  words: "Children's services",
  lists: ['referrals', 'cpp', 'cla'],
  arrivals: { series: 'referrals', defaultSeason: defaultSeasonality },
  stages: [
    { open: 'cppOpen', words: 'Child protection plans', subStates: [] },
    { open: 'claOpen', words: 'Children in care', subStates: Object.keys(placementGroups) },
  ],
  money: { per: 'week', scenarioField: 'costs.claWeeklyByPlacement' },
} satisfies ServiceDefinition;

export const housingService = {
  id: 'housing' as const,
  words: 'Homelessness and temporary accommodation',
  lists: housingLists,
  arrivals: { series: 'approaches', defaultSeason: housingSeason },
  stages: [{ open: 'taOpen', words: 'Households in temporary accommodation', subStates: taTypes }],
  money: { per: 'night', scenarioField: 'costs.taNightly' },
} satisfies ServiceDefinition;

export const services: readonly ServiceDefinition[] = [childrenService, housingService];

/** The service whose lists these are; lists of two services in one run are a usage error that names both. */
export function serviceOfLists(lists: Iterable<string>): { ok: true; service: ServiceDefinition | null } | { ok: false; message: string } {
  const given = [...new Set(lists)];
  const found = services.filter((s) => given.some((l) => s.lists.includes(l)));
  if (found.length > 1) {
    const named = found.map((s) => `${s.words.toLowerCase()} (${given.filter((l) => s.lists.includes(l)).join(', ')})`).join(' and ');
    return { ok: false, message: `--input: a run is of one service, but these inputs hold lists of ${named}; give one service's lists` };
  }
  return { ok: true, service: found[0] ?? null };
}
