import { useEffect, useId, useState } from 'react';
import { dateForPeople, dateFromPeople } from '../../../shared/text/people-format.ts';

// A date typed as analysts write it (30/09/2025), whatever language the browser or the computer is set
// to (a browser's own date box shows 09/30/2025 on a US-English system). Stored as ISO. A date that is
// a real date but wrong beside the others (an end before its start) is marked by the caller's `problem`.
// `optional`: emptying the box clears the date (onChange with ''), where a date may be left out.
export function DateField({ label, value, onChange, problem: outerProblem, optional = false }: { label: string; value: string; onChange: (iso: string) => void; problem?: string; optional?: boolean }) {
  const id = useId();
  const [text, setText] = useState(value ? dateForPeople(value) : '');
  const [problem, setProblem] = useState(false);
  useEffect(() => {
    setText(value ? dateForPeople(value) : '');
    setProblem(false);
  }, [value]);
  const commit = () => {
    const iso = dateFromPeople(text);
    setProblem(iso === null && text.trim() !== '');
    if (iso && iso !== value) onChange(iso);
    else if (optional && text.trim() === '' && value !== '') onChange('');
  };
  return (
    <span className="date-field">
      <label htmlFor={id}>{label}</label>{' '}
      <input
        id={id}
        inputMode="numeric"
        size={10}
        placeholder="dd/mm/yyyy"
        value={text}
        aria-invalid={problem || outerProblem !== undefined}
        {...(problem || outerProblem ? { 'aria-describedby': `${id}-problem` } : {})}
        onChange={(e) => setText(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => e.key === 'Enter' && commit()}
      />
      {problem ? (
        <span className="field-problem" id={`${id}-problem`}>
          {' '}
          Write the date as day/month/year, for example 30/09/2025.
        </span>
      ) : (
        outerProblem && (
          <span className="field-problem" id={`${id}-problem`} role="alert">
            {' '}
            {outerProblem}
          </span>
        )
      )}
    </span>
  );
}
