// A housing scenario in words, for the export's summary and the Scenarios step: what a head of housing
// reads. The children's words (describe-scenario.ts) speak of referrals and care; these of approaches,
// temporary accommodation (TA) and move-on.
import { taTypes, taTypeWords } from '../dataset/housing.ts';
import { defaultTaNightly } from '../engine/housing/housing-costs.ts';
import type { Scenario } from '../engine/scenario.ts';
import type { HousingInterventionOutcome } from '../engine/housing/housing-interventions.ts';
import { countForPeople, longDateForPeople, longMonthForPeople, poundsForPeople } from './people-format.ts';

type Changes = { approachChange?: number | undefined; taStartChange?: number | undefined; taExitChange?: number | undefined };

const percent = (x: number) => `${Math.round(Math.abs(x) * 1000) / 10}%`;
const change = (x: number, more: string, fewer: string) => `${percent(x)} ${x > 0 ? more : fewer}`;

/** "approaches 20% higher; 10% fewer households placed in TA; households leave TA 15% faster", or '' for no change. */
export function housingChangesInWords(c: Changes, approachesAs: 'while' | 'settle' = 'while'): string {
  const parts: string[] = [];
  if (c.approachChange) parts.push(approachesAs === 'settle' ? `approaches settle ${change(c.approachChange, 'above', 'below')} the usual level` : `approaches are ${change(c.approachChange, 'higher', 'lower')} than usual`);
  if (c.taStartChange) parts.push(`${change(c.taStartChange, 'more', 'fewer')} households are placed in temporary accommodation`);
  if (c.taExitChange) parts.push(`households move on from temporary accommodation ${change(c.taExitChange, 'faster', 'more slowly')}`);
  return parts.join('; ');
}

export function describeHousingScenario(scenario: Scenario): string[] {
  const lines: string[] = [];
  for (const s of scenario.shocks) {
    const words = housingChangesInWords(s);
    if (words) lines.push(`From ${longDateForPeople(s.from)} to ${longDateForPeople(s.to)} ${words}.`);
  }
  if (scenario.newNormal) {
    const words = housingChangesInWords(scenario.newNormal, 'settle');
    if (words) lines.push(`From ${longDateForPeople(scenario.newNormal.from)} ${words}.`);
  }
  for (const i of scenario.interventions) {
    const effects = housingChangesInWords(i.effects);
    const when = i.to ? `from ${longDateForPeople(i.from)} to ${longDateForPeople(i.to)}` : `from ${longDateForPeople(i.from)}`;
    lines.push(`Intervention "${i.name}" ${when}, costing ${poundsForPeople(i.costPerYear)} a year: ${effects ? `while it runs, ${effects}` : 'no effect on demand is assumed'}.`);
  }
  if (lines.length === 0) lines.push('No change from the baseline: approaches and stays in temporary accommodation continue as the history shows.');
  return lines;
}

/** The nightly costs used, each marked where it is the illustrative default. */
export function nightlyCostsInWords(scenario: Scenario | null): string {
  const given = scenario?.costs.taNightly ?? {};
  const costs = taTypes.map((t) => `${taTypeWords[t].toLowerCase()} ${poundsForPeople(given[t] ?? defaultTaNightly[t].nightly)}${given[t] === undefined ? ' (default: replace with yours)' : ''}`);
  return `Pounds a night: ${costs.join('; ')}.`;
}

/** An intervention weighed against the same scenario without it, over the projection, in a sentence. */
export function housingInterventionSentence(i: HousingInterventionOutcome, months: number): string {
  const t = i.totals;
  const kept = Math.round(t.householdsKeptOutOfTa);
  const households = kept === 0 ? 'places no fewer households in temporary accommodation' : kept > 0 ? `keeps ${countForPeople(kept)} households out of temporary accommodation` : `places ${countForPeople(-kept)} more households in temporary accommodation`;
  const payback = i.paybackMonth ? `it pays for itself by ${longMonthForPeople(i.paybackMonth)}` : 'it does not pay for itself within the projection';
  return `${i.name}: over the ${months} months it costs ${poundsForPeople(t.cost)}, saves ${poundsForPeople(t.saving)} in temporary accommodation and ${households}; ${payback}.`;
}
