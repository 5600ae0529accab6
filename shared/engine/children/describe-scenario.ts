// A scenario in words, for the export's summary and the screens: what a director reads.
import { placementGroups, type PlacementGroup } from '../../import/values/codes.ts';
import { longDateForPeople } from '../../text/people-format.ts';
import type { PlacementShift, Scenario } from '../scenario.ts';

const percent = (x: number) => `${Math.round(Math.abs(x) * 1000) / 10}%`;
const change = (x: number, more: string, fewer: string) => (x > 0 ? `${percent(x)} ${more}` : `${percent(x)} ${fewer}`);
const share = (x: number) => (x === 1 ? 'all' : x === 0.5 ? 'half' : percent(x));

/** A placement target in words: "foster:private" as "fostering (private)". */
export const placementWords = (target: string) => {
  const [group, provider] = target.split(':') as [PlacementGroup, string | undefined];
  const name = placementGroups[group]?.toLowerCase() ?? group;
  return provider === 'inHouse' ? `${name} (in-house)` : provider === 'private' ? `${name} (private)` : name;
};

/** "Of the children who would be in children’s homes and residential settings, 10% are in fostering instead, phased in over 12 months from 1 April 2025." */
export function describePlacementShift(s: PlacementShift): string {
  const when = s.overMonths > 0 ? `phased in over ${s.overMonths} ${s.overMonths === 1 ? 'month' : 'months'} from ${longDateForPeople(s.fromDate)}` : `from ${longDateForPeople(s.fromDate)}`;
  return `Of the children who would be in ${placementWords(s.from)}, ${percent(s.share)} are in ${placementWords(s.to)} instead, ${when}.`;
}

export function describeScenario(scenario: Scenario): string[] {
  const lines: string[] = [];
  for (const s of scenario.shocks) {
    const parts = [`From ${longDateForPeople(s.from)} to ${longDateForPeople(s.to)}`];
    if (s.referralChange !== 0) parts.push(`referrals are ${change(s.referralChange, 'higher', 'lower')} than usual`);
    if (s.referralChange < 0 && s.returnShare > 0) parts.push(`${share(s.returnShare)} of the referrals lost come back over the ${s.returnMonths} months after`);
    if (s.cppExitChange !== 0) parts.push(`child protection plans end ${change(s.cppExitChange, 'more often', 'less often')}`);
    if (s.claExitChange !== 0) parts.push(`children leave care ${change(s.claExitChange, 'more often', 'less often')}`);
    if (s.cppConversionChange !== 0) parts.push(`${change(s.cppConversionChange, 'more', 'fewer')} referrals lead to a plan`);
    if (s.claConversionChange !== 0) parts.push(`${change(s.claConversionChange, 'more', 'fewer')} referrals lead to care`);
    lines.push(parts.length > 1 ? `${parts[0]}: ${parts.slice(1).join('; ')}.` : `${parts[0]}: no change.`);
  }
  if (scenario.newNormal && scenario.newNormal.referralChange !== 0) {
    lines.push(`From ${longDateForPeople(scenario.newNormal.from)} referrals settle ${change(scenario.newNormal.referralChange, 'above', 'below')} the usual level.`);
  }
  if (scenario.referralTrendPerYear !== 0) lines.push(`Referrals ${scenario.referralTrendPerYear > 0 ? 'grow' : 'fall'} by a further ${percent(scenario.referralTrendPerYear)} a year.`);
  if (scenario.conversionChange.cpp !== 0) lines.push(`${change(scenario.conversionChange.cpp, 'more', 'fewer')} referrals lead to a child protection plan throughout.`);
  if (scenario.conversionChange.cla !== 0) lines.push(`${change(scenario.conversionChange.cla, 'more', 'fewer')} referrals lead to care throughout.`);
  for (const shift of scenario.placementShifts) lines.push(describePlacementShift(shift));
  for (const i of scenario.interventions) {
    const e = i.effects;
    const effects = [
      e.referralChange !== 0 ? `referrals ${change(e.referralChange, 'higher', 'lower')}` : '',
      e.cppStartChange !== 0 ? `${change(e.cppStartChange, 'more', 'fewer')} plans start` : '',
      e.claStartChange !== 0 ? `${change(e.claStartChange, 'more', 'fewer')} children come into care` : '',
      e.cppExitChange !== 0 ? `plans end ${change(e.cppExitChange, 'more often', 'less often')}` : '',
      e.claExitChange !== 0 ? `children leave care ${change(e.claExitChange, 'more often', 'less often')}` : '',
      ...i.placementShifts.map((s) => `${share(s.share)} of the children who would be in ${placementWords(s.from)} are in ${placementWords(s.to)} instead`),
    ].filter(Boolean);
    const when = i.to ? `from ${longDateForPeople(i.from)} to ${longDateForPeople(i.to)}` : `from ${longDateForPeople(i.from)}`;
    lines.push(`Intervention "${i.name}" ${when}, costing £${Math.round(i.costPerYear).toLocaleString('en-GB')} a year: ${effects.length ? `while it runs, ${effects.join('; ')}` : 'no effect on demand is assumed'}.`);
  }
  if (lines.length === 0) lines.push('No change from the baseline: demand continues as the history shows.');
  const byPlacement = scenario.costs.claWeeklyByPlacement;
  if (byPlacement && Object.keys(byPlacement).length) lines.push(`Your own weekly costs for ${Object.keys(byPlacement).map((g) => placementGroups[g as PlacementGroup].toLowerCase()).join(', ')}.`);
  if (scenario.costs.inflationPerYear) lines.push(`Unit costs ${scenario.costs.inflationPerYear > 0 ? 'rise' : 'fall'} by ${percent(scenario.costs.inflationPerYear)} every April.`);
  return lines;
}
