// A scenario's interventions on the Scenarios step: add one from a preset or from scratch, then set when it
// runs, what it costs a year and what it changes while it runs, with sliders and number boxes like the
// rest. A setting out of range is named beside the intervention and nothing else is lost.
import { useId, useState } from 'react';
import { interventionPresets } from '../../../../shared/engine/interventions/presets.ts';
import { ScenarioSchema, type InterventionInput, type ScenarioInput } from '../../../../shared/engine/scenario.ts';
import { DateField } from '../../components/DateField.tsx';
import { NumberField } from '../../components/NumberField.tsx';

type Effects = NonNullable<InterventionInput['effects']>;

const effectFields: Array<{ key: keyof Effects; label: string }> = [
  { key: 'claStartChange', label: 'Change in children coming into care while it runs' },
  { key: 'cppStartChange', label: 'Change in child protection plans starting while it runs' },
  { key: 'referralChange', label: 'Change in referrals while it runs' },
  { key: 'claExitChange', label: 'Change in how often children leave care while it runs' },
  { key: 'cppExitChange', label: 'Change in how often plans end while it runs' },
];

/** Messages about the scenario's interventions, field by field: "interventions[1].to: must not be before "from"". */
function problemsOf(scenario: ScenarioInput): Map<number, string[]> {
  const parsed = ScenarioSchema.safeParse(scenario);
  const byIntervention = new Map<number, string[]>();
  if (parsed.success) return byIntervention;
  for (const issue of parsed.error.issues) {
    if (issue.path[0] !== 'interventions' || typeof issue.path[1] !== 'number') continue;
    const field = issue.path.slice(2).map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '');
    const list = byIntervention.get(issue.path[1]) ?? [];
    list.push(`${field || 'intervention'}: ${issue.message}`);
    byIntervention.set(issue.path[1], list);
  }
  return byIntervention;
}

export function InterventionsEditor({ scenario, start, onChange }: { scenario: ScenarioInput; start: string | null; onChange: (interventions: InterventionInput[]) => void }) {
  const presetId = useId();
  const [preset, setPreset] = useState(interventionPresets[0]!.id);
  const list = scenario.interventions ?? [];
  const from = start ? `${start}-01` : '2025-04-01';
  const problems = problemsOf(scenario);
  const update = (k: number, changes: Partial<InterventionInput>) => onChange(list.map((x, i) => (i === k ? { ...x, ...changes } : x)));
  const names = new Set(list.map((x) => x.name));
  const unique = (name: string) => {
    let n = name;
    for (let k = 2; names.has(n); k++) n = `${name} ${k}`;
    return n;
  };
  return (
    <fieldset className="interventions">
      <legend>Interventions</legend>
      <p className="hint">
        What the council would pay for to change demand. Each is weighed on Results against this scenario without it: what it costs, what it saves, and when it pays for itself. Every figure is an assumption to
        replace with your own.
      </p>
      <div className="row">
        <label htmlFor={presetId}>Start from</label>
        <select id={presetId} value={preset} onChange={(e) => setPreset(e.target.value)}>
          {interventionPresets.map((p) => (
            <option key={p.id} value={p.id}>
              {p.make(from).name}
            </option>
          ))}
        </select>
        <button
          type="button"
          onClick={() => {
            const made = interventionPresets.find((p) => p.id === preset)!.make(from);
            onChange([...list, { ...made, name: unique(made.name) }]);
          }}
        >
          Add this intervention
        </button>
        <button type="button" onClick={() => onChange([...list, { name: unique('New intervention'), from, costPerYear: 100_000, effects: { claStartChange: -0.05 } }])}>
          Add your own
        </button>
      </div>
      {list.map((intervention, k) => (
        <InterventionFields key={k} index={k} intervention={intervention} problems={problems.get(k) ?? []} onChange={(changes) => update(k, changes)} onRemove={() => onChange(list.filter((_, i) => i !== k))} />
      ))}
    </fieldset>
  );
}

function InterventionFields({ index, intervention, problems, onChange, onRemove }: { index: number; intervention: InterventionInput; problems: string[]; onChange: (changes: Partial<InterventionInput>) => void; onRemove: () => void }) {
  const nameId = useId();
  const problemId = useId();
  const effects = intervention.effects ?? {};
  const shifts = intervention.placementShifts ?? [];
  return (
    <fieldset className="intervention" aria-describedby={problems.length ? problemId : undefined}>
      <legend>{intervention.name || `Intervention ${index + 1}`}</legend>
      {problems.length > 0 && (
        <div className="field-problem" id={problemId} role="alert">
          The scenario is worked out again once this is put right: {problems.join('; ')}.
        </div>
      )}
      {intervention.description && <p className="hint">{intervention.description}</p>}
      {intervention.source && <p className="hint source">Effect: {intervention.source}</p>}
      <div className="row">
        <label htmlFor={nameId}>Name</label>
        <input id={nameId} value={intervention.name} maxLength={80} onChange={(e) => onChange({ name: e.target.value })} />
        <button type="button" onClick={onRemove}>
          Remove<span className="visually-hidden"> {intervention.name}</span>
        </button>
      </div>
      <div className="row">
        <DateField label="Runs from" value={intervention.from} onChange={(from) => onChange({ from })} />
        <DateField label="to" value={intervention.to ?? ''} onChange={(to) => onChange({ to })} />
        {intervention.to ? (
          <button type="button" onClick={() => onChange({ to: undefined })}>
            Keep it running
          </button>
        ) : (
          <span className="hint">(to the end of the projection)</span>
        )}
      </div>
      <NumberField label="Running cost" unit="£ a year" min={0} max={5_000_000} step={10_000} value={intervention.costPerYear} onChange={(costPerYear) => onChange({ costPerYear })} />
      {effectFields.map((f) => (
        <NumberField key={f.key} label={f.label} unit="%" percent min={-100} max={100} step={1} value={effects[f.key] ?? 0} onChange={(v) => onChange({ effects: { ...effects, [f.key]: v } })} />
      ))}
      {shifts.map((shift, s) => (
        <NumberField
          key={`shift-${s}`}
          label={`Share of the children who would be in ${shift.from} who are in ${shift.to} instead, while it runs`}
          unit="%"
          percent
          min={0}
          max={100}
          step={1}
          value={shift.share}
          onChange={(share) => onChange({ placementShifts: shifts.map((x, i) => (i === s ? { ...x, share } : x)) })}
        />
      ))}
    </fieldset>
  );
}
