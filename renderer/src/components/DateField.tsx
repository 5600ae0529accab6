import { useEffect, useId, useState } from 'react';
import { dateForPeople, dateFromPeople } from '../../../shared/text/people-format.ts';

// A date typed as analysts write it (30/09/2025), whatever language the browser or the computer is set
// to (a browser's own date box shows 09/30/2025 on a US-English system). Stored as ISO.
export function DateField({ label, value, onChange }: { label: string; value: string; onChange: (iso: string) => void }) {
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
        aria-invalid={problem}
        {...(problem ? { 'aria-describedby': `${id}-problem` } : {})}
        onChange={(e) => setText(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => e.key === 'Enter' && commit()}
      />
      {problem && (
        <span className="field-problem" id={`${id}-problem`}>
          {' '}
          Write the date as day/month/year, for example 30/09/2025.
        </span>
      )}
    </span>
  );
}
