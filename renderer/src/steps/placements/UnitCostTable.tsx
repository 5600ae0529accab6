// The weekly cost of a placement, by type and by provider (in-house or private), and their rise each April.
// Every default says where it comes from and the year of its prices, to be replaced with the authority's
// own; a figure out of range is refused naming the placement and the provider, the rest kept.
import { useState } from 'react';
import { groups } from '../../../../shared/engine/children/placements/groups.ts';
import { defaultPlacementCosts, placementUnitCosts } from '../../../../shared/engine/children/placements/unit-costs.ts';
import { baselineScenario, ScenarioSchema, type Scenario, type ScenarioInput } from '../../../../shared/engine/scenario.ts';
import type { PlacementGroup } from '../../../../shared/import/values/codes.ts';
import { placementLabel } from '../../../../shared/result/placement-figures.ts';
import { poundsForPeople } from '../../../../shared/text/people-format.ts';
import { NumberField } from '../../components/NumberField.tsx';

type Costs = NonNullable<ScenarioInput['costs']>;
type Side = 'inHouse' | 'private';
type ByPlacement = Partial<Record<PlacementGroup, number | { inHouse?: number; private?: number }>>;
const sides: Array<{ side: Side; label: string }> = [
  { side: 'inHouse', label: 'in-house (PR0-PR3)' },
  { side: 'private', label: 'private (PR4-PR5)' },
];
const maxWeekly = 50_000;

/** The scenario as the engine reads it, or its costs alone while another setting is out of range. */
function readable(scenario: ScenarioInput): Scenario {
  const whole = ScenarioSchema.safeParse(scenario);
  if (whole.success) return whole.data;
  const costs = ScenarioSchema.safeParse({ costs: scenario.costs ?? {} });
  return costs.success ? costs.data : baselineScenario;
}

/** The costs with one side of one group set (or given back to the default when `weekly` is null). */
export function withPlacementCost(costs: Costs, group: PlacementGroup, side: Side, weekly: number | null): Costs {
  // One flat figure for every placement until now: the other placements keep it.
  const start: ByPlacement = costs.claWeeklyByPlacement ?? (costs.claWeekly !== undefined ? Object.fromEntries(groups.map((g) => [g, costs.claWeekly!])) : {});
  const given = start[group];
  const both: { inHouse?: number; private?: number } = typeof given === 'number' ? { inHouse: given, private: given } : { ...given };
  if (weekly === null) delete both[side];
  else both[side] = weekly;
  const next: ByPlacement = { ...start };
  if (both.inHouse === undefined && both.private === undefined) delete next[group];
  else next[group] = both;
  const { claWeeklyByPlacement: _, ...rest } = costs;
  return Object.keys(next).length ? { ...rest, claWeeklyByPlacement: next } : rest;
}

export function UnitCostTable({ scenario, onChange }: { scenario: ScenarioInput; onChange: (costs: Costs) => void }) {
  const costs = scenario.costs ?? {};
  const unit = placementUnitCosts(readable(scenario));
  const [problem, setProblem] = useState<{ key: string; text: string } | null>(null);
  return (
    <div className="unit-costs">
      <div className="table-wide" tabIndex={0} role="region" aria-label="Weekly cost of a placement">
        <table className="unit-cost-table">
          <caption>Weekly cost of a placement, at today’s prices</caption>
          <thead>
            <tr>
              <th scope="col">Placement type</th>
              <th scope="col">In-house, £ a week</th>
              <th scope="col">Private, £ a week</th>
            </tr>
          </thead>
          <tbody>
            {groups.map((g, k) => (
              <tr key={g} data-group={g}>
                <th scope="row">{placementLabel(g)}</th>
                {sides.map(({ side, label }, s) => {
                  const cost = unit[k * 2 + s]!;
                  const name = `${placementLabel(g)}, ${label}`;
                  const fallback = defaultPlacementCosts[g][side];
                  return (
                    <td key={side} data-side={side}>
                      <CostInput
                        name={name}
                        value={cost.weekly}
                        onProblem={(text) => setProblem((was) => (text ? { key: `${g}:${side}`, text } : was?.key === `${g}:${side}` ? null : was))}
                        onChange={(weekly) => onChange(withPlacementCost(costs, g, side, weekly))}
                      />
                      {cost.yours ? (
                        <span className="cost-source">
                          Yours.{' '}
                          <button type="button" className="link" onClick={() => onChange(withPlacementCost(costs, g, side, null))}>
                            Use the default, {poundsForPeople(fallback.weekly)}<span className="visually-hidden"> for {name}</span>
                          </button>
                        </span>
                      ) : (
                        <span className="cost-source">{fallback.source}</span>
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {problem && (
        <p className="field-problem" role="alert">
          {problem.text}
        </p>
      )}
      <NumberField
        label="Unit costs rise every April by"
        hint="Default: no rise, today’s prices throughout. Replace with yours."
        strict
        unit="% a year"
        percent
        min={-20}
        max={50}
        step={0.5}
        value={costs.inflationPerYear ?? 0}
        onChange={(v) => onChange({ ...costs, inflationPerYear: v })}
      />
    </div>
  );
}

/** A number box for one weekly cost; a figure out of range stays in the box, refused in words, the last good one kept. */
function CostInput({ name, value, onChange, onProblem }: { name: string; value: number; onChange: (weekly: number) => void; onProblem: (text: string | null) => void }) {
  const [draft, setDraft] = useState<string | null>(null);
  return (
    <input
      type="number"
      className="cost-input"
      min={0}
      max={maxWeekly}
      step={10}
      aria-label={`${name}, £ a week`}
      aria-invalid={draft !== null}
      value={draft ?? value}
      onChange={(e) => {
        const raw = e.target.value;
        const n = Number(raw);
        if (raw.trim() === '' || !Number.isFinite(n) || n < 0 || n > maxWeekly) {
          setDraft(raw);
          onProblem(`${name}: the weekly cost must be between £0 and ${poundsForPeople(maxWeekly)}; ${poundsForPeople(value)} is kept until then.`);
          return;
        }
        setDraft(null);
        onProblem(null);
        onChange(n);
      }}
    />
  );
}
