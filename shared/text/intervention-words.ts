// An intervention in one sentence a director can read: what it costs a year, what it does for children,
// what it saves with its likely range, and when it pays for itself. The same words on the screen, in the
// Excel export and in the command's summary.
import type { InterventionOutcome, Quantiles } from '../engine/interventions/outcomes.ts';
import { monthLabel, type MonthIndex } from '../engine/months.ts';
import { countForPeople, longMonthForPeople, poundsForPeople } from './people-format.ts';

const numberWords = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];

/** "two years", "18 months". */
export function periodForPeople(months: number): string {
  if (months % 12 === 0 && months / 12 <= 10) return months === 12 ? 'one year' : `${numberWords[months / 12]} years`;
  return `${months} months`;
}

/** Money in a sentence: "£1.1m" from a million, otherwise as poundsForPeople writes it. */
export function moneyForSentence(n: number): string {
  const a = Math.abs(n);
  if (a >= 999_500) return `${n < 0 ? '-' : ''}£${(a / 1_000_000).toFixed(1)}m`;
  return poundsForPeople(n);
}

const likely = (q: Quantiles | undefined, write: (n: number) => string) => (q && write(q.p10) !== write(q.p90) ? ` (likely ${write(q.p10)} to ${write(q.p90)})` : '');
const count = (n: number) => countForPeople(Math.max(0, n));

/** What it does for children, in words; empty if it changes no number of children. */
function peoplePart(o: InterventionOutcome): string {
  const e = o.expected;
  const r = o.ranges;
  const parts: string[] = [];
  if (Math.round(e.childrenKeptOutOfCare) >= 1) parts.push(`keeps about ${count(e.childrenKeptOutOfCare)} ${Math.round(e.childrenKeptOutOfCare) === 1 ? 'child' : 'children'} out of care${likely(r?.childrenKeptOutOfCare, count)}`);
  if (Math.round(e.plansAvoided) >= 1) parts.push(`avoids about ${count(e.plansAvoided)} child protection ${Math.round(e.plansAvoided) === 1 ? 'plan' : 'plans'}${likely(r?.plansAvoided, count)}`);
  if (parts.length === 0 && Math.round(e.childMonthsInCareAvoided) >= 1) parts.push(`saves about ${count(e.childMonthsInCareAvoided)} months of care${likely(r?.childMonthsInCareAvoided, count)}`);
  if (Math.round(e.childrenKeptOutOfCare) <= -1) parts.push(`brings about ${count(-e.childrenKeptOutOfCare)} more children into care`);
  return parts.join(' and ');
}

export function interventionSentence(o: InterventionOutcome, startMonth: MonthIndex, horizon: number): string {
  const period = periodForPeople(horizon);
  const e = o.expected;
  const head = `${o.intervention.name}: for ${poundsForPeople(o.intervention.costPerYear)} a year`;
  const people = peoplePart(o);
  const savingRange = likely(o.ranges?.saving, moneyForSentence);
  const money =
    Math.abs(e.saving) < 0.5
      ? `saves nothing on services over ${period}`
      : e.saving > 0
        ? `saves ${moneyForSentence(e.saving)} over ${period}${savingRange}`
        : `adds ${moneyForSentence(-e.saving)} to spending on services over ${period}${savingRange}`;
  const payback =
    o.paybackMonth !== null
      ? `it pays for itself from ${longMonthForPeople(monthLabel(startMonth + o.paybackMonth))}`
      : e.cost > 0
        ? `it does not pay for itself within the ${period} shown`
        : 'it costs nothing to run';
  return `${head}, it ${people ? `${people} and ` : ''}${money}; ${payback}.`;
}
