import { useEffect, useId, useRef } from 'react';

// Asked before an import replaces rows the workbook holds: the question in words, Replace or keep.
export function ReplaceQuestion({ question, onReplace, onKeep, hint = 'The other lists stay as they are. Undo brings the replaced rows back, even after the workbook is closed and opened again.' }: {
  question: string;
  onReplace: () => void;
  onKeep: () => void;
  /** What stays, and how to take it back. */
  hint?: string;
}) {
  const replace = useRef<HTMLButtonElement>(null);
  const id = useId();
  useEffect(() => {
    replace.current?.focus();
  }, [question]);
  return (
    <div
      role="alertdialog"
      aria-labelledby={`${id}-question`}
      aria-describedby={`${id}-hint`}
      className="replace-question"
      onKeyDown={(e) => {
        if (e.key === 'Escape') onKeep();
      }}
    >
      <p id={`${id}-question`} className="question">
        {question}
      </p>
      <p id={`${id}-hint`} className="hint">
        {hint}
      </p>
      <div className="row-of-buttons">
        <button type="button" ref={replace} onClick={onReplace}>
          Replace
        </button>
        <button type="button" onClick={onKeep}>
          Keep the workbook as it is
        </button>
      </div>
    </div>
  );
}
