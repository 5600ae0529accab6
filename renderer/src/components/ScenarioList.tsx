// "Your scenarios": the list of a workbook's scenarios, the one being edited, up to four ticked to compare
// beside it, and the buttons that start a new one (each service its own). Children's services and housing
// show the same list.
import type { ReactNode } from 'react';
import { useId } from 'react';
import type { ScenarioInput } from '../../../shared/engine/scenario.ts';

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
