import { useId, useState } from 'react';

// A slider and a number box for one setting, kept in step, with its unit in words. Percentages are shown
// as whole percents (-40 %) and stored as fractions (-0.4). A strict field refuses a figure out of range
// in words naming the field, keeps what was typed for correcting, and keeps the last good figure meanwhile;
// otherwise a figure out of range is brought within it.
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
  const [draft, setDraft] = useState<string | null>(null);
  const scale = percent ? 100 : 1;
  const shown = Math.round(value * scale * 1000) / 1000;
  const set = (raw: string) => {
    const n = Number(raw);
    if (raw.trim() !== '' && Number.isFinite(n)) onChange(Math.min(max, Math.max(min, n)) / scale);
  };
  const typed = (raw: string) => {
    if (!strict) return set(raw);
    const n = Number(raw);
    if (raw.trim() === '' || !Number.isFinite(n) || n < min || n > max) return setDraft(raw);
    setDraft(null);
    onChange(n / scale);
  };
  const problem = draft === null ? null : `${problemName ?? label}: ${draft.trim() === '' || !Number.isFinite(Number(draft)) ? 'write a number' : `must be between ${min.toLocaleString('en-GB')} and ${max.toLocaleString('en-GB')} ${unit}`}; ${shown.toLocaleString('en-GB')} ${unit} is kept until then.`;
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
            set(e.target.value);
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
          onBlur={() => strict && draft !== null && draft.trim() === '' && setDraft(null)}
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
