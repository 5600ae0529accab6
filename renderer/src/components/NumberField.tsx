import { useId, useRef, useState } from 'react';

// A slider and a number box for one setting, kept in step, with its unit in words. Percentages are shown
// as whole percents (-40 %) and stored as fractions (-0.4). What is typed stays as typed while the box has
// the keys: a half-typed figure ("-", "1.", nothing yet) is left alone, and a complete one is used at once,
// so the text under the cursor is never rewritten. Leaving the box (or Enter) shows the figure in use.
// A strict field refuses a figure out of range in words naming the field, keeps what was typed for
// correcting, and keeps the last good figure meanwhile; otherwise a figure out of range is brought within it.
// Left empty, or with Escape, the box goes back to the figure it had when it was entered.
export function NumberField({ label, hint, value, onChange, min, max, step, unit, percent = false, strict = false, problemName }: {
  label: string;
  hint?: string;
  value: number;
  onChange: (value: number) => void;
  min: number;
  max: number;
  step: number;
  unit: string;
  percent?: boolean;
  strict?: boolean;
  /** How a refusal names the field, where the label alone is not enough ("Shift 1, share moved"). */
  problemName?: string;
}) {
  const id = useId();
  // The text as typed, while it differs from the figure in use or the box has the keys; null shows the figure.
  const [draft, setDraft] = useState<string | null>(null);
  const scale = percent ? 100 : 1;
  const shown = Math.round(value * scale * 1000) / 1000;
  // A browser's number box reports a half-typed figure ("-", "1e") as empty: nothing to use yet.
  const complete = (raw: string) => raw.trim() !== '' && Number.isFinite(Number(raw));
  const outOfRange = (raw: string) => complete(raw) && (Number(raw) < min || Number(raw) > max);
  const use = (raw: string) => {
    if (!complete(raw) || (strict && outOfRange(raw))) return;
    const n = Math.min(max, Math.max(min, Number(raw)));
    if (n !== shown) onChange(n / scale);
  };
  // Typing -150 passes through -1 and -15 on the way: a refused figure goes back to the figure the box
  // had when it was entered, not to one half-typed on the way.
  const onEntry = useRef<number | null>(null);
  const typed = (raw: string) => {
    setDraft(raw);
    if (strict && outOfRange(raw) && onEntry.current !== null && onEntry.current !== value) onChange(onEntry.current);
    else use(raw);
  };
  // Leaving the box: a strict field keeps a refused figure for correcting; anything else shows the figure in use.
  // A box left empty (or half-typed) goes back to the figure it had when it was entered: deleting 700 digit by
  // digit passes through 70 and 7, which are not what the person meant to keep.
  const settle = () => {
    if (draft !== null && !complete(draft) && onEntry.current !== null && onEntry.current !== value) onChange(onEntry.current);
    setDraft((d) => (d !== null && strict && outOfRange(d) ? d : null));
  };
  // Escape takes the box back to the figure it had when it was entered, as in a spreadsheet.
  const revert = () => {
    if (onEntry.current !== null && onEntry.current !== value) onChange(onEntry.current);
    setDraft(null);
  };
  const refused = strict && draft !== null && outOfRange(draft);
  const problem = refused ? `${problemName ?? label}: must be between ${min.toLocaleString('en-GB')} and ${max.toLocaleString('en-GB')} ${unit}; ${shown.toLocaleString('en-GB')} ${unit} is kept until then.` : null;
  const described = [hint ? `${id}-hint` : '', problem ? `${id}-problem` : ''].filter(Boolean).join(' ');
  return (
    <div className="number-field">
      <label htmlFor={`${id}-number`}>{label}</label>
      {hint && (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      <div className="row">
        <input
          type="range"
          aria-label={`${label} (slider)`}
          min={min}
          max={max}
          step={step}
          value={shown}
          onChange={(e) => {
            setDraft(null);
            use(e.target.value);
          }}
          {...(hint ? { 'aria-describedby': `${id}-hint` } : {})}
        />
        <input
          id={`${id}-number`}
          type="number"
          min={min}
          max={max}
          step={step}
          value={draft ?? shown}
          aria-invalid={problem !== null}
          onChange={(e) => typed(e.target.value)}
          onFocus={() => (onEntry.current = value)}
          onBlur={settle}
          onKeyDown={(e) => (e.key === 'Enter' ? settle() : e.key === 'Escape' ? revert() : undefined)}
          {...(described ? { 'aria-describedby': described } : {})}
        />
        <span className="unit">{unit}</span>
      </div>
      {problem && (
        <p className="field-problem" id={`${id}-problem`} role="alert">
          {problem}
        </p>
      )}
    </div>
  );
}
