// Which way round a column of text dates is written. A date like 04/01/2024 reads two ways; the column's
// other values settle it: a first part above 12 (25/12/2023) proves day first, a second part above 12
// (12/25/2023) proves month first. Day first is the UK default and needs no word; a column that proves
// month first, or holds enough two-way dates and nothing that settles them, is asked about once, with
// examples from the data. Real date cells, Excel serials, ISO and month-name dates never read two ways.
import { longDateForPeople } from '../../text/people-format.ts';
import { cellText, type Cell } from '../cells.ts';
import type { ListId } from '../list-catalogue.ts';
import type { TableId } from '../table-specs.ts';
import { isoFromParts } from '../../text/calendar.ts';
import { dateOrderWords, twoWayParts, type DateOrder } from './dates.ts';

/** The column a question or an answer is about: list, source (file and sheet) and column header. */
export interface DateColumnRef<L extends TableId = ListId> {
  list: L;
  file: string;
  sheet: string | null;
  column: string;
}

export interface DateOrderAnswer<L extends TableId = ListId> extends DateColumnRef<L> {
  order: DateOrder;
}

export interface DateQuestion<L extends TableId = ListId> extends DateColumnRef<L> {
  /** The question in words, with examples from the column. */
  question: string;
  /** What the column's own values point to, or null when nothing in them does. */
  suggested: DateOrder | null;
  /** One two-way date of the column and its two readings, for the answers' wording. */
  example: { text: string; dayFirst: string; monthFirst: string };
}

/** What was decided for one column, and the sentence that says so (null when it went without saying). */
export interface DateColumnDecision<L extends TableId = ListId> extends DateColumnRef<L> {
  order: DateOrder;
  how: 'default' | 'proven' | 'answered' | 'given' | 'unanswered';
  note: string | null;
}

/** How a list is named within a sentence ("In List 3, …", "Reading the TA list"). */
export const listInSentence: Readonly<Record<TableId, string>> = { referrals: 'List 3', cpp: 'List 7', cla: 'List 8', cases: 'the case list', ta: 'the TA list' };
const orderForms: Readonly<Record<DateOrder, string>> = { dmy: 'dd/mm/yyyy', mdy: 'mm/dd/yyyy' };

/** Fewer distinct two-way dates than this, with nothing to settle them, are read day first without asking. */
export const enoughTwoWayDates = 5;
const keptExamples = 3;

type Reading = 'day-first' | 'month-first' | 'two-way' | 'same' | 'none';

function readingOf(text: string): Reading {
  const parts = twoWayParts(text);
  if (!parts) return 'none';
  const { first, second, year } = parts;
  const dayFirst = isoFromParts(year, second, first) !== null;
  const monthFirst = isoFromParts(year, first, second) !== null;
  if (dayFirst && monthFirst) return first === second ? 'same' : 'two-way';
  return dayFirst ? 'day-first' : monthFirst ? 'month-first' : 'none';
}

/** The evidence of one column: how many of its text dates only make sense one way, and examples. */
export class DateColumnEvidence {
  dayFirst = 0;
  monthFirst = 0;
  readonly dayFirstExamples: string[] = [];
  readonly monthFirstExamples: string[] = [];
  readonly twoWay = new Set<string>();
  private readonly seen = new Map<string, Reading>();

  /** Notes a cell of the column met `count` times (cells are noted in the order they are first met). */
  add(cell: Cell, count = 1): void {
    if (typeof cell !== 'string') return; // date cells and serials are never two-way
    const text = cellText(cell);
    let reading = this.seen.get(text);
    if (reading === undefined) {
      reading = readingOf(text);
      this.seen.set(text, reading);
      if (reading === 'day-first' && this.dayFirstExamples.length < keptExamples) this.dayFirstExamples.push(text);
      if (reading === 'month-first' && this.monthFirstExamples.length < keptExamples) this.monthFirstExamples.push(text);
      if (reading === 'two-way') this.twoWay.add(text);
    }
    if (reading === 'day-first') this.dayFirst += count;
    else if (reading === 'month-first') this.monthFirst += count;
  }

  get provenDayFirst(): boolean {
    return this.dayFirst > 0 && this.monthFirst === 0;
  }

  /** True when the column holds text dates at all that could be read the wrong way round. */
  get hasTwoWayText(): boolean {
    return this.dayFirst + this.monthFirst + this.twoWay.size > 0;
  }
}

/** The two readings of a text date as ISO dates (null where that reading is not a real date). */
function readingsOf(text: string): { dayFirst: string | null; monthFirst: string | null } {
  const { first, second, year } = twoWayParts(text)!;
  return { dayFirst: isoFromParts(year, second, first), monthFirst: isoFromParts(year, first, second) };
}

const inWords = (iso: string | null, withYear = true) => (iso ? longDateForPeople(iso, withYear) : 'not a real date');

function questionFor<L extends TableId>(ref: DateColumnRef<L>, evidence: DateColumnEvidence): DateQuestion<L> {
  // Two examples that differ in their first part show best that the parts could swap.
  const all = [...evidence.twoWay];
  const second = all.find((t) => twoWayParts(t)!.first !== twoWayParts(all[0]!)!.first) ?? all[1];
  const twoWay = all.length ? [all[0]!, ...(second ? [second] : [])] : [];
  const exampleText = twoWay[0] ?? evidence.monthFirstExamples[0] ?? evidence.dayFirstExamples[0]!;
  const readings = readingsOf(exampleText);
  const parts: string[] = [];
  if (twoWay.length > 0) {
    parts.push(`In ${listInSentence[ref.list]}, ${ref.column}, dates like ${twoWay.join(' and ')} could be ${inWords(readings.dayFirst, false)} or ${inWords(readings.monthFirst, false)}.`);
    const also: string[] = [];
    if (evidence.monthFirstExamples[0]) also.push(`${evidence.monthFirstExamples[0]}, which only makes sense month first`);
    if (evidence.dayFirstExamples[0]) also.push(`${evidence.dayFirstExamples[0]}, which only makes sense day first`);
    if (also.length) parts.push(`Your column also has ${also.join(', and ')}.`);
  } else {
    parts.push(`In ${listInSentence[ref.list]}, ${ref.column}, dates like ${evidence.monthFirstExamples.slice(0, 2).join(' and ')} only make sense month first.`);
  }
  parts.push('How are the dates in this column written?');
  const suggested = evidence.monthFirst > evidence.dayFirst ? 'mdy' : evidence.dayFirst > 0 ? 'dmy' : null;
  return { ...ref, question: parts.join(' '), suggested, example: { text: exampleText, dayFirst: inWords(readings.dayFirst), monthFirst: inWords(readings.monthFirst) } };
}

function where(ref: DateColumnRef<TableId>): string {
  return `${ref.column} in ${listInSentence[ref.list]} (${ref.sheet === null ? ref.file : `${ref.file} › ${ref.sheet}`})`;
}

/**
 * Settles one column. `given` is an order given for every column (the command line's --date-order);
 * `answer` the person's answer about this column; `siblingDayFirst` that another date column of the same
 * list and source proves day first, so that a column whose dates all read both ways (dates of birth set to
 * the 1st of the month) follows it rather than asking.
 */
export function decideDateOrder<L extends TableId>(
  ref: DateColumnRef<L>,
  evidence: DateColumnEvidence,
  { given, answer, siblingDayFirst }: { given?: DateOrder | undefined; answer?: DateOrder | undefined; siblingDayFirst: boolean },
): { decision: DateColumnDecision<L>; question: DateQuestion<L> | null } {
  const decided = (order: DateOrder, how: DateColumnDecision['how'], note: string | null) => ({ decision: { ...ref, order, how, note }, question: null });
  if (!evidence.hasTwoWayText) return decided('dmy', 'default', null);
  if (given) return decided(given, 'given', given === 'mdy' ? `${where(ref)} was read month first (${orderForms.mdy}), as the date order given says.` : null);
  const contradicts = evidence.monthFirst > 0 && evidence.monthFirst >= evidence.dayFirst;
  const unsettled = evidence.dayFirst === 0 && evidence.monthFirst === 0 && evidence.twoWay.size >= enoughTwoWayDates && !siblingDayFirst;
  if (!contradicts && !unsettled) return decided('dmy', evidence.dayFirst > 0 ? 'proven' : 'default', null);
  if (answer) return decided(answer, 'answered', `${where(ref)} was read ${dateOrderWords[answer]} (${orderForms[answer]}), as you said.`);
  const question = questionFor(ref, evidence);
  if (contradicts) {
    const note = `${where(ref)} was read month first (${orderForms.mdy}): ${evidence.monthFirst.toLocaleString('en-GB')} of its dates, such as ${evidence.monthFirstExamples[0]}, only make sense that way.`;
    return { decision: { ...ref, order: 'mdy', how: 'unanswered', note }, question };
  }
  const note = `${where(ref)} was read day first (${orderForms.dmy}), the UK way: none of its dates, such as ${[...evidence.twoWay][0]}, shows which way round they are written.`;
  return { decision: { ...ref, order: 'dmy', how: 'unanswered', note }, question };
}

/** An answer's key: answers travel with the import request and are matched to columns by it. */
export function dateColumnKey(ref: DateColumnRef<TableId>): string {
  return `${ref.list}\u0000${ref.file}\u0000${ref.sheet ?? ''}\u0000${ref.column}`;
}
