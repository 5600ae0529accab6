// An intervention in one sentence a director can read: what it costs a year, what it does for children,
// what it saves with its likely range, and when it pays for itself. The same words on the screen, in the
// Excel export and in the command's summary.
import type { Quantiles } from '../engine/core/percentiles.ts';
import type { InterventionOutcome } from '../engine/children/interventions/outcomes.ts';
import { monthLabel, type MonthIndex } from '../engine/core/months.ts';
import { countForPeople, longMonthForPeople, poundsForPeople } from './people-format.ts';
import { runningShare } from '../engine/core/interventions-running.ts';

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

// Totals are written from the pound figures the result holds (the screen and the export write those), so
// the sentence and the figures beside it never differ by a rounding step.
const toPound = (n: number) => Math.round(n);
const likely = (q: Quantiles | undefined, write: (n: number) => string) => (q && write(q.p10) !== write(q.p90) ? ` (likely ${write(q.p10)} to ${write(q.p90)})` : '');
const count = (n: number) => countForPeople(Math.max(0, n));
const pounds = (n: number) => moneyForSentence(toPound(n));
/** The same range seen from the other side: a saving of -£1.9m to -£1.7m is £1.7m to £1.9m added. */
const negated = (q: Quantiles | undefined): Quantiles | undefined => q && { p10: -q.p90, p50: -q.p50, p90: -q.p10 };

/** "a, b and c". */
export function listForPeople(parts: readonly string[]): string {
  return parts.length <= 1 ? (parts[0] ?? '') : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
}

/** What it does for children, in words, one phrase each; none if it changes no number of children. */
function peopleParts(o: InterventionOutcome): string[] {
  const e = o.expected;
  const r = o.ranges;
  const parts: string[] = [];
  if (Math.round(e.childrenKeptOutOfCare) >= 1) parts.push(`keeps about ${count(e.childrenKeptOutOfCare)} ${Math.round(e.childrenKeptOutOfCare) === 1 ? 'child' : 'children'} out of care${likely(r?.childrenKeptOutOfCare, count)}`);
  if (Math.round(e.plansAvoided) >= 1) parts.push(`avoids about ${count(e.plansAvoided)} child protection ${Math.round(e.plansAvoided) === 1 ? 'plan' : 'plans'}${likely(r?.plansAvoided, count)}`);
  if (parts.length === 0 && Math.round(e.childMonthsInCareAvoided) >= 1) parts.push(`saves about ${count(e.childMonthsInCareAvoided)} months of care${likely(r?.childMonthsInCareAvoided, count)}`);
  if (Math.round(e.childrenKeptOutOfCare) <= -1) parts.push(`brings about ${count(-e.childrenKeptOutOfCare)} more children into care`);
  return parts;
}

/** Whether it runs in any month of the projection. */
function runsWithin(o: InterventionOutcome, startMonth: MonthIndex, horizon: number): boolean {
  for (let t = 0; t < horizon; t++) if (runningShare(o.intervention, startMonth + t) > 0) return true;
  return false;
}

export function interventionSentence(o: InterventionOutcome, startMonth: MonthIndex, horizon: number): string {
  const i = o.intervention;
  const span = `(${longMonthForPeople(monthLabel(startMonth))} to ${longMonthForPeople(monthLabel(startMonth + horizon - 1))})`;
  if (!runsWithin(o, startMonth, horizon)) {
    const after = i.from.slice(0, 7) > monthLabel(startMonth + horizon - 1);
    return after
      ? `${i.name}: it does not start within the projection ${span}: it starts in ${longMonthForPeople(i.from.slice(0, 7))}, so it costs and saves nothing in it.`
      : `${i.name}: it does not run within the projection ${span}: it ended in ${longMonthForPeople((i.to ?? i.from).slice(0, 7))}, so it costs and saves nothing in it.`;
  }
  const period = `the ${periodForPeople(horizon)} projected ${span}`;
  const e = o.expected;
  const saving = toPound(e.saving);
  const head = `${i.name}: for ${poundsForPeople(i.costPerYear)} a year`;
  const money =
    Math.abs(saving) < 1
      ? `saves nothing on services over ${period}`
      : saving > 0
        ? `saves ${pounds(saving)}${likely(o.ranges?.saving, pounds)} over ${period}`
        : `adds ${pounds(-saving)}${likely(negated(o.ranges?.saving), pounds)} to spending on services over ${period}`;
  const payback =
    o.paybackMonth !== null
      ? `it pays for itself from ${longMonthForPeople(monthLabel(startMonth + o.paybackMonth))}`
      : e.cost > 0
        ? 'it does not pay for itself within them'
        : 'it costs nothing to run';
  return `${head}, it ${listForPeople([...peopleParts(o), money])}; ${payback}.`;
}
