// What the children's services and the housing Data steps say while an import runs: that it is under way
// (with the progress bar), the question about dates that read two ways, and why it failed.
import { useCallback, useState } from 'react';
import type { WorkbookBridge } from '../../../../shared/contracts/bridge.ts';
import { DateOrderQuestion, mergeDateAnswers, type Answer, type Question } from '../../components/DateOrderQuestion.tsx';
import { WorkProgressBar } from '../../components/WorkProgressBar.tsx';

export type ImportStatus = { kind: 'idle' | 'working' | 'failed'; message?: string };

/** A call to the backend with the step's status around it: working while it runs, its message if it fails. */
export function useImportCall() {
  const [status, setStatus] = useState<ImportStatus>({ kind: 'idle' });
  const call = useCallback(async <T,>(work: () => Promise<T>): Promise<T | undefined> => {
    setStatus({ kind: 'working' });
    try {
      const answer = await work();
      setStatus({ kind: 'idle' });
      return answer;
    } catch (err) {
      // A cancelled import is not a failure: the progress bar says it was cancelled.
      if ((err as { code?: string }).code === 'cancelled') setStatus({ kind: 'idle' });
      else setStatus({ kind: 'failed', message: err instanceof Error ? err.message : String(err) });
      return undefined;
    }
  }, []);
  return { status, call };
}

/** The import under way, its date question and its failure. The answers go with every later import: once
 * given (or cleared to be asked again), the last import runs again with them (`again`). */
export function ImportProgress<L extends string>({ bridge, status, questions, answers, again }: {
  bridge: WorkbookBridge;
  status: ImportStatus;
  questions: readonly Question<L>[];
  answers: { current: Answer<L>[] };
  again: () => void;
}) {
  return (
    <>
      <div role="status" aria-live="polite">
        {status.kind === 'working' && <p className="notice">Checking and importing your rows…</p>}
      </div>
      <WorkProgressBar bridge={bridge} active={status.kind === 'working'} />
      <DateOrderQuestion
        questions={questions}
        answered={answers.current}
        onAnswer={(given) => {
          answers.current = mergeDateAnswers(answers.current, given);
          again();
        }}
        onAskAgain={() => {
          answers.current = [];
          again();
        }}
      />
      {status.kind === 'failed' && (
        <p className="problem" role="alert">
          The lists could not be imported: {status.message}
        </p>
      )}
    </>
  );
}
