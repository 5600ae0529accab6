import { useId } from 'react';

// A slider and a number box for one setting, kept in step, with its unit in words. Percentages are shown
// as whole percents (-40 %) and stored as fractions (-0.4).
export function NumberField({ label, hint, value, onChange, min, max, step, unit, percent = false }: {
  label: string;
  hint?: string;
  value: number;
  onChange: (value: number) => void;
  min: number;
  max: number;
  step: number;
  unit: string;
  percent?: boolean;
}) {
  const id = useId();
  const scale = percent ? 100 : 1;
  const shown = Math.round(value * scale * 1000) / 1000;
  const set = (raw: string) => {
    const n = Number(raw);
    if (raw.trim() !== '' && Number.isFinite(n)) onChange(Math.min(max, Math.max(min, n)) / scale);
  };
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
          onChange={(e) => set(e.target.value)}
          {...(hint ? { 'aria-describedby': `${id}-hint` } : {})}
        />
        <input id={`${id}-number`} type="number" min={min} max={max} step={step} value={shown} onChange={(e) => set(e.target.value)} {...(hint ? { 'aria-describedby': `${id}-hint` } : {})} />
        <span className="unit">{unit}</span>
      </div>
    </div>
  );
}
