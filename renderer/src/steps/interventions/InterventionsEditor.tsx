// A scenario's interventions on the Scenarios step: add one from a preset or from scratch, then set when it
// runs, what it costs a year and what it changes while it runs, with sliders and number boxes like the
// rest. A figure out of range is refused at its box, naming the field; a setting wrong beside the others
// (an end before its start) is marked at its field in words; nothing else is lost.
import { useId, useState } from 'react';
import { interventionPresets } from '../../../../shared/engine/children/interventions/presets.ts';
import { placementWords } from '../../../../shared/engine/children/describe-scenario.ts';
import type { InterventionInput, ScenarioInput } from '../../../../shared/engine/scenario.ts';
import { housingInterventionEffectLabels, interventionEffectLabels, settingProblems } from '../../../../shared/text/scenario-problems.ts';
import { DateField } from '../../components/DateField.tsx';
import { NumberField } from '../../components/NumberField.tsx';

type Effects = NonNullable<InterventionInput['effects']>;

type EffectField = [keyof Effects, string];
/** The effects each service's interventions have. */
const effectFieldsOf: Record<'children' | 'housing', EffectField[]> = {
  children: Object.entries(interventionEffectLabels) as EffectField[],
  housing: Object.entries(housingInterventionEffectLabels) as EffectField[],
};

/** What is wrong with each intervention, field by field ("to", "effects.claStartChange"), in words. */
function problemsOf(scenario: ScenarioInput): Map<number, Map<string, string>> {
  const byIntervention = new Map<number, Map<string, string>>();
  for (const p of settingProblems(scenario)) {
    if (p.path[0] !== 'interventions' || typeof p.path[1] !== 'number') continue;
    const fields = byIntervention.get(p.path[1]) ?? new Map<string, string>();
    const field = p.path.slice(2).join('.') || 'intervention';
    fields.set(field, fields.has(field) ? `${fields.get(field)} ${p.words}` : p.words);
    byIntervention.set(p.path[1], fields);
  }
  return byIntervention;
}

export function InterventionsEditor({ scenario, start, onChange, service = 'children' }: { scenario: ScenarioInput; start: string | null; onChange: (interventions: InterventionInput[]) => void; service?: 'children' | 'housing' }) {
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
        What the council would pay for to change demand{service === 'housing' ? ', such as prevention or move-on support' : ''}. Each is weighed on Results against this scenario without it: what it costs, what it saves, and when it pays for itself. Every figure is an assumption to
        replace with your own.
      </p>
      <div className="row">
        {service === 'children' && (
          <>
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
          </>
        )}
        <button type="button" onClick={() => onChange([...list, { name: unique('New intervention'), from, costPerYear: 100_000, effects: service === 'housing' ? { taStartChange: -0.05 } : { claStartChange: -0.05 } }])}>
          Add your own
        </button>
      </div>
      {list.map((intervention, k) => (
        <InterventionFields key={k} index={k} effectFields={effectFieldsOf[service]} intervention={intervention} problems={problems.get(k) ?? new Map()} onChange={(changes) => update(k, changes)} onRemove={() => onChange(list.filter((_, i) => i !== k))} />
      ))}
    </fieldset>
  );
}

function InterventionFields({ index, effectFields, intervention, problems, onChange, onRemove }: { index: number; effectFields: readonly EffectField[]; intervention: InterventionInput; problems: ReadonlyMap<string, string>; onChange: (changes: Partial<InterventionInput>) => void; onRemove: () => void }) {
  const nameId = useId();
  const problemId = useId();
  const effects = intervention.effects ?? {};
  const shifts = intervention.placementShifts ?? [];
  const title = intervention.name.trim() || `Intervention ${index + 1}`;
  // Name and dates are marked at their fields; anything else is said above the fields.
  const atFields = new Set(['name', 'from', 'to']);
  const others = [...problems].filter(([field]) => !atFields.has(field)).map(([, words]) => words);
  const nameProblem = problems.get('name');
  return (
    <fieldset className="intervention" aria-describedby={others.length ? problemId : undefined}>
      <legend>{title}</legend>
      {others.length > 0 && (
        <div className="field-problem" id={problemId} role="alert">
          {others.join(' ')}
        </div>
      )}
      {intervention.description && <p className="hint">{intervention.description}</p>}
      {intervention.source && <p className="hint source">Effect: {intervention.source}</p>}
      <div className="row name-row">
        <label htmlFor={nameId}>Name</label>
        <input id={nameId} className="intervention-name" value={intervention.name} maxLength={80} aria-invalid={nameProblem !== undefined} {...(nameProblem ? { 'aria-describedby': `${nameId}-problem` } : {})} onChange={(e) => onChange({ name: e.target.value })} />
        <button type="button" onClick={onRemove}>
          Remove<span className="visually-hidden"> {intervention.name}</span>
        </button>
        {nameProblem && (
          <span className="field-problem" id={`${nameId}-problem`} role="alert">
            {nameProblem}
          </span>
        )}
      </div>
      <div className="row">
        <DateField label="Runs from" value={intervention.from} problem={problems.get('from')} onChange={(from) => onChange({ from })} />
        <DateField label="to" value={intervention.to ?? ''} problem={problems.get('to')} onChange={(to) => onChange({ to })} />
        {intervention.to ? (
          <button type="button" onClick={() => onChange({ to: undefined })}>
            Keep it running
          </button>
        ) : (
          <span className="hint">(to the end of the projection)</span>
        )}
      </div>
      <NumberField label="Running cost" problemName={`${title}, running cost`} strict unit="£ a year" min={0} max={5_000_000} step={10_000} value={intervention.costPerYear} onChange={(costPerYear) => onChange({ costPerYear })} />
      {effectFields.map(([key, label]) => (
        <NumberField key={key} label={label} problemName={`${title}, ${label[0]!.toLowerCase()}${label.slice(1)}`} strict unit="%" percent min={-100} max={100} step={1} value={effects[key] ?? 0} onChange={(v) => onChange({ effects: { ...effects, [key]: v } as Effects })} />
      ))}
      {shifts.map((shift, s) => {
        const label = `Share of the children who would be in ${placementWords(shift.from)} who are in ${placementWords(shift.to)} instead, while it runs`;
        return (
          <NumberField
            key={`shift-${s}`}
            label={label}
            problemName={`${title}, share of the children who would be in ${placementWords(shift.from)} who are in ${placementWords(shift.to)} instead`}
            strict
            unit="%"
            percent
            min={0}
            max={100}
            step={1}
            value={shift.share}
            onChange={(share) => onChange({ placementShifts: shifts.map((x, i) => (i === s ? { ...x, share } : x)) })}
          />
        );
      })}
    </fieldset>
  );
}
