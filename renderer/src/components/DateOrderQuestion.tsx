import { useEffect, useId, useRef, useState } from 'react';
import type { DateOrderAnswer, DateQuestion } from '../../../shared/contracts/schemas.ts';
import type { TableId } from '../../../shared/import/table-specs.ts';
import { listInSentence } from '../../../shared/import/values/date-order.ts';

type Order = DateOrderAnswer['order'];
/** A question or answer about one column of any list (Annex A, or housing). */
export type Answer<L extends string> = Omit<DateOrderAnswer, 'list'> & { list: L };
export type Question<L extends string> = Omit<DateQuestion, 'list'> & { list: L };

const keyOf = (q: Omit<Answer<string>, 'order'>) => `${q.list}\u0000${q.file}\u0000${q.sheet ?? ''}\u0000${q.column}`;

/** Earlier answers with the new ones in place: every import sends them all, so each column is asked about once. */
export function mergeDateAnswers<A extends Answer<string>>(earlier: readonly A[], answers: readonly A[]): A[] {
  const next = new Map(earlier.map((a) => [keyOf(a), a]));
  for (const a of answers) next.set(keyOf(a), a);
  return [...next.values()];
}

// The import's question about date columns that read two ways (04/01/2024: 4 January or 1 April). Nothing
// is stored until the person says how each column is written; the answer goes back with the import.
const orderWords = { dmy: 'day first', mdy: 'month first' } as const;

export function DateOrderQuestion<L extends string>({ questions, onAnswer, answered, onAskAgain }: {
  questions: readonly Question<L>[];
  onAnswer: (answers: Answer<L>[]) => void;
  /** The answers in force, said in a line once there is no question, with a way to be asked again. */
  answered: readonly Answer<L>[];
  onAskAgain: () => void;
}) {
  const [chosen, setChosen] = useState<Record<string, Order>>({});
  const heading = useRef<HTMLHeadingElement>(null);
  const headingId = useId();
  const signature = questions.map(keyOf).join('\u0001');
  useEffect(() => {
    // What the column's own dates point to is offered first; the person still confirms it.
    setChosen(Object.fromEntries(questions.flatMap((q) => (q.suggested ? [[keyOf(q), q.suggested]] : []))));
    if (questions.length) {
      // The whole question in view, answers and button included, with the focus on its heading.
      heading.current?.focus({ preventScroll: true });
      heading.current?.scrollIntoView({ block: 'start' });
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [signature]);
  if (questions.length === 0) {
    if (answered.length === 0) return null;
    return (
      <p className="hint date-answers">
        Dates read as you said: {answered.map((a) => `${a.column} in ${listInSentence[a.list as TableId]}, ${orderWords[a.order]}`).join('; ')}.{' '}
        <button type="button" onClick={onAskAgain}>
          Ask me again
        </button>
      </p>
    );
  }
  const complete = questions.every((q) => chosen[keyOf(q)]);
  return (
    <section className="date-question" aria-labelledby={headingId}>
      <h2 id={headingId} ref={heading} tabIndex={-1}>
        How are the dates written?
      </h2>
      <p>Some dates in your lists could be read two ways. Say how each column is written; nothing is saved until you do.</p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (complete) onAnswer(questions.map((q) => ({ list: q.list, file: q.file, sheet: q.sheet, column: q.column, order: chosen[keyOf(q)]! })));
        }}
      >
        {questions.map((q) => {
          const key = keyOf(q);
          const choice = (order: Order, words: string, form: string, reading: string) => (
            <label>
              <input type="radio" name={key} value={order} checked={chosen[key] === order} onChange={() => setChosen({ ...chosen, [key]: order })} /> {words} ({form}): {q.example.text} is {reading}
            </label>
          );
          return (
            <fieldset key={key}>
              <legend>{q.question}</legend>
              <p className="hint">
                From {q.file}
                {q.sheet ? ` › ${q.sheet}` : ''}.
              </p>
              {choice('dmy', 'Day first', 'dd/mm/yyyy', q.example.dayFirst)}
              {choice('mdy', 'Month first', 'mm/dd/yyyy', q.example.monthFirst)}
            </fieldset>
          );
        })}
        <button type="submit" disabled={!complete}>
          Read the dates this way
        </button>
      </form>
    </section>
  );
}
