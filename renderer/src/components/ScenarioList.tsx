// "Your scenarios": the list of a workbook's scenarios, the one being edited, up to four ticked to compare
// beside it, and the buttons that start a new one (each service its own). Children's services and housing
// show the same list.
import type { ReactNode } from 'react';
import { useId } from 'react';
import { ScenarioSchema, type Scenario, type ScenarioInput } from '../../../shared/engine/scenario.ts';
import { DateField } from './DateField.tsx';

/** What both services' Scenarios steps are given to edit the workbook's scenarios and choose those shown. */
export interface ScenarioEditingProps {
  scenarios: ScenarioInput[];
  onChange: (scenarios: ScenarioInput[]) => void;
  selected: number;
  onSelect: (index: number) => void;
  compare: number[];
  onCompare: (indexes: number[]) => void;
}

/** Ticked to compare, besides the one being edited (always drawn): five scenarios, five distinct colours. */
export const maxCompared = 4;

export function ScenarioList({ scenarios, selected, onSelect, compare, onCompare, children }: {
  scenarios: readonly ScenarioInput[];
  selected: number;
  onSelect: (index: number) => void;
  compare: number[];
  onCompare: (indexes: number[]) => void;
  /** The buttons that start a new scenario. */
  children: ReactNode;
}) {
  const limitId = useId();
  const atLimit = compare.length >= maxCompared;
  return (
    <section className="scenario-list" aria-labelledby="scenario-list-heading">
      <h2 id="scenario-list-heading">Your scenarios</h2>
      {scenarios.length === 0 && <p>No scenarios yet. Start from one of these:</p>}
      <ul>
        {scenarios.map((s, i) => (
          <li key={i} className={i === selected ? 'selected' : ''}>
            <button type="button" aria-pressed={i === selected} onClick={() => onSelect(i)}>
              {s.name}
            </button>
            <label className="compare">
              <input
                type="checkbox"
                checked={compare.includes(i)}
                disabled={!compare.includes(i) && atLimit}
                {...(!compare.includes(i) && atLimit ? { 'aria-describedby': limitId } : {})}
                onChange={(e) => onCompare(e.target.checked ? [...compare, i] : compare.filter((c) => c !== i))}
              />
              Compare<span className="visually-hidden"> {s.name}</span>
            </label>
          </li>
        ))}
      </ul>
      {atLimit && scenarios.length > maxCompared && (
        <p className="hint" id={limitId}>
          Four scenarios are ticked to compare: the most the charts can show clearly beside the one you are editing. Untick one to compare another.
        </p>
      )}
      <div className="row-of-buttons">{children}</div>
    </section>
  );
}

/** A new scenario at the end of the list, with a name not yet used and the workbook's money settings. */
export function withNewScenario(scenarios: readonly ScenarioInput[], scenario: ScenarioInput): ScenarioInput[] {
  const names = new Set(scenarios.map((s) => s.name));
  let name = scenario.name ?? 'Scenario';
  for (let n = 2; names.has(name); n++) name = `${scenario.name} ${n}`;
  const money = scenarios[0] ? { costs: scenarios[0].costs, caseloads: scenarios[0].caseloads } : {};
  return [...scenarios, { ...scenario, ...money, name }];
}

/** The list, the one selected and those ticked to compare, once the scenario at `index` is deleted. */
export function withoutScenario(scenarios: readonly ScenarioInput[], index: number, selected: number, compare: readonly number[]) {
  return {
    scenarios: scenarios.filter((_, i) => i !== index),
    selected: Math.max(0, Math.min(selected, scenarios.length - 2)),
    compare: compare.filter((i) => i !== index).map((i) => (i > index ? i - 1 : i)),
  };
}

/** The top of a scenario's settings: its name, Duplicate and Delete, and what it assumes in words. */
export function ScenarioHeading({ name, onRename, onDuplicate, onDelete, description }: { name: string; onRename: (name: string) => void; onDuplicate: () => void; onDelete: () => void; description: readonly string[] }) {
  const nameId = useId();
  return (
    <>
      <h2 id="scenario-editor-heading">Settings of “{name}”</h2>
      <div className="row">
        <label htmlFor={nameId}>Scenario name</label>
        <input id={nameId} value={name} maxLength={80} onChange={(e) => onRename(e.target.value)} />
        <button type="button" onClick={onDuplicate}>
          Duplicate
        </button>
        <button type="button" onClick={onDelete}>
          Delete
        </button>
      </div>
      <p className="in-words">{description.join(' ')}</p>
    </>
  );
}

type Shock = NonNullable<ScenarioInput['shocks']>[number];

/** What a Scenarios step does to its list: change the one selected or one of its shocks, add one, delete one. */
export function scenarioEditing({ scenarios, onChange, selected, onSelect, compare, onCompare }: {
  scenarios: readonly ScenarioInput[];
  onChange: (scenarios: ScenarioInput[]) => void;
  selected: number;
  onSelect: (index: number) => void;
  compare: readonly number[];
  onCompare: (indexes: number[]) => void;
}) {
  const current = scenarios[selected];
  const update = (changes: Partial<ScenarioInput>) => onChange(scenarios.map((s, i) => (i === selected ? { ...s, ...changes } : s)));
  return {
    current,
    update,
    updateShock: (k: number, changes: Partial<Shock>) => update({ shocks: (current?.shocks ?? []).map((s, i) => (i === k ? { ...s, ...changes } : s)) }),
    removeShock: (k: number) => update({ shocks: (current?.shocks ?? []).filter((_, i) => i !== k) }),
    add: (scenario: ScenarioInput) => {
      onChange(withNewScenario(scenarios, scenario));
      onSelect(scenarios.length);
    },
    remove: (index: number) => {
      const left = withoutScenario(scenarios, index, selected, compare);
      onChange(left.scenarios);
      onSelect(left.selected);
      onCompare(left.compare);
    },
  };
}

/** A scenario in the service's words, or a note that a setting is out of range. */
export function scenarioInWords(scenario: ScenarioInput | undefined, words: (scenario: Scenario) => string[]): string[] {
  if (!scenario) return [];
  const parsed = ScenarioSchema.safeParse(scenario);
  return parsed.success ? words(parsed.data) : ['This scenario has a setting out of range: check the highlighted fields.'];
}

/** A shock's dates and the button that removes it: the first row of every shock, on both services' Scenarios steps. */
export function ShockDates({ index, shock, onChange, onRemove }: { index: number; shock: Shock; onChange: (changes: Partial<Shock>) => void; onRemove: () => void }) {
  return (
    <div className="row">
      <DateField label="From" value={shock.from} onChange={(from) => onChange({ from })} />
      <DateField label="To" value={shock.to} onChange={(to) => onChange({ to })} />
      <button type="button" onClick={onRemove}>
        Remove shock {index + 1}
      </button>
    </div>
  );
}
