import { useId } from 'react';
import { describeScenario } from '../../../shared/engine/describe-scenario.ts';
import { futureLockdown, englandLockdowns2020 } from '../../../shared/engine/presets.ts';
import { monthOfIso } from '../../../shared/engine/months.ts';
import { ScenarioSchema, type ScenarioInput } from '../../../shared/engine/scenario.ts';
import type { ResultJson } from '../../../shared/result/result-json.ts';
import { LineChart, palette } from '../charts/LineChart.tsx';
import { NumberField } from '../components/NumberField.tsx';

type Shock = NonNullable<ScenarioInput['shocks']>[number];

export interface ScenariosProps {
  scenarios: ScenarioInput[];
  onChange: (scenarios: ScenarioInput[]) => void;
  selected: number;
  onSelect: (index: number) => void;
  compare: number[];
  onCompare: (indexes: number[]) => void;
  result: ResultJson | null;
  projectionMs: number | null;
}

const maxCompared = 4;

export function ScenariosStep({ scenarios, onChange, selected, onSelect, compare, onCompare, result, projectionMs }: ScenariosProps) {
  const nameId = useId();
  const start = result?.projection?.months[0] ?? null;
  const startMonth = start ? monthOfIso(`${start}-01`) : null;
  const current = scenarios[selected];
  const update = (changes: Partial<ScenarioInput>) => onChange(scenarios.map((s, i) => (i === selected ? { ...s, ...changes } : s)));
  const updateShock = (k: number, changes: Partial<Shock>) => update({ shocks: (current?.shocks ?? []).map((s, i) => (i === k ? { ...s, ...changes } : s)) });
  const add = (scenario: ScenarioInput) => {
    const names = new Set(scenarios.map((s) => s.name));
    let name = scenario.name ?? 'Scenario';
    for (let n = 2; names.has(name); n++) name = `${scenario.name} ${n}`;
    onChange([...scenarios, { ...scenario, name }]);
    onSelect(scenarios.length);
  };
  const remove = (index: number) => {
    onChange(scenarios.filter((_, i) => i !== index));
    onSelect(Math.max(0, Math.min(selected, scenarios.length - 2)));
    onCompare(compare.filter((i) => i !== index).map((i) => (i > index ? i - 1 : i)));
  };
  const projection = result?.projection;
  const scenarioResults = projection?.scenarios ?? [];
  const shown = [...new Set([selected, ...compare])].filter((i) => i < scenarioResults.length).sort((a, b) => a - b).slice(0, maxCompared);
  const description = current ? (() => {
    const parsed = ScenarioSchema.safeParse(current);
    return parsed.success ? describeScenario(parsed.data) : ['This scenario has a setting out of range: check the highlighted fields.'];
  })() : [];

  return (
    <div className="scenarios">
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
                  disabled={!compare.includes(i) && compare.length >= maxCompared}
                  onChange={(e) => onCompare(e.target.checked ? [...compare, i] : compare.filter((c) => c !== i))}
                />
                Compare
              </label>
            </li>
          ))}
        </ul>
        <div className="row-of-buttons">
          {startMonth !== null && (
            <button type="button" onClick={() => add({ ...futureLockdown(startMonth) })}>
              New: another lockdown
            </button>
          )}
          <button type="button" onClick={() => add({ name: 'New normal', newNormal: { from: start ? `${start}-01` : '2025-01-01', referralChange: 0.05 } })}>
            New: a new normal
          </button>
          <button type="button" onClick={() => add({ ...englandLockdowns2020, name: 'Lockdowns of 2020-21' })}>
            New: the 2020-21 lockdowns
          </button>
        </div>
      </section>

      {current && (
        <section className="scenario-editor" aria-labelledby="scenario-editor-heading">
          <h2 id="scenario-editor-heading">Settings of “{current.name}”</h2>
          <div className="row">
            <label htmlFor={nameId}>Scenario name</label>
            <input id={nameId} value={current.name ?? ''} maxLength={80} onChange={(e) => update({ name: e.target.value })} />
            <button type="button" onClick={() => add({ ...current, name: `${current.name} (copy)` })}>
              Duplicate
            </button>
            <button type="button" onClick={() => remove(selected)}>
              Delete
            </button>
          </div>
          <p className="in-words">{description.join(' ')}</p>
          {projection && <Timeline months={projection.months} scenario={current} />}
          {(current.shocks ?? []).map((shock, k) => (
            <fieldset key={k}>
              <legend>Shock {k + 1}</legend>
              <div className="row">
                <label>
                  From <input type="date" value={shock.from} onChange={(e) => e.target.value && updateShock(k, { from: e.target.value })} />
                </label>
                <label>
                  To <input type="date" value={shock.to} onChange={(e) => e.target.value && updateShock(k, { to: e.target.value })} />
                </label>
                <button type="button" onClick={() => update({ shocks: (current.shocks ?? []).filter((_, i) => i !== k) })}>
                  Remove shock {k + 1}
                </button>
              </div>
              <NumberField label="Change in referrals while it lasts" unit="%" percent min={-100} max={100} step={1} value={shock.referralChange ?? 0} onChange={(v) => updateShock(k, { referralChange: v })} />
              <NumberField label="Share of lost referrals that come back afterwards" unit="%" percent min={0} max={100} step={5} value={shock.returnShare ?? 0} onChange={(v) => updateShock(k, { returnShare: v })} />
              <NumberField label="They come back over" unit="months" min={1} max={24} step={1} value={shock.returnMonths ?? 3} onChange={(v) => updateShock(k, { returnMonths: Math.round(v) })} />
              <NumberField label="Change in how often plans end while it lasts" unit="%" percent min={-95} max={100} step={1} value={shock.cppExitChange ?? 0} onChange={(v) => updateShock(k, { cppExitChange: v })} />
              <NumberField label="Change in how often children leave care while it lasts" unit="%" percent min={-95} max={100} step={1} value={shock.claExitChange ?? 0} onChange={(v) => updateShock(k, { claExitChange: v })} />
            </fieldset>
          ))}
          <button type="button" onClick={() => update({ shocks: [...(current.shocks ?? []), { from: start ? `${start}-01` : '2025-01-01', to: start ? `${start}-28` : '2025-01-28', referralChange: -0.2, returnShare: 0.5, returnMonths: 3 }] })}>
            Add a shock
          </button>
          <fieldset>
            <legend>Longer term</legend>
            <NumberField label="Change in referrals from the new normal on" unit="%" percent min={-90} max={100} step={1} value={current.newNormal?.referralChange ?? 0} onChange={(v) => update({ newNormal: { from: current.newNormal?.from ?? (start ? `${start}-01` : '2025-01-01'), referralChange: v } })} />
            <label>
              New normal from <input type="date" value={current.newNormal?.from ?? ''} onChange={(e) => e.target.value && update({ newNormal: { from: e.target.value, referralChange: current.newNormal?.referralChange ?? 0 } })} />
            </label>
            <NumberField label="Extra trend in referrals" unit="% a year" percent min={-50} max={100} step={1} value={current.referralTrendPerYear ?? 0} onChange={(v) => update({ referralTrendPerYear: v })} />
            <NumberField label="Change in referrals leading to a plan" unit="%" percent min={-95} max={100} step={1} value={current.conversionChange?.cpp ?? 0} onChange={(v) => update({ conversionChange: { cpp: v, cla: current.conversionChange?.cla ?? 0 } })} />
            <NumberField label="Change in referrals leading to care" unit="%" percent min={-95} max={100} step={1} value={current.conversionChange?.cla ?? 0} onChange={(v) => update({ conversionChange: { cla: v, cpp: current.conversionChange?.cpp ?? 0 } })} />
          </fieldset>
          <fieldset>
            <legend>Money and staff</legend>
            <NumberField label="Cost per child looked after" unit="£ a week" min={0} max={10000} step={50} value={current.costs?.claWeekly ?? 1200} onChange={(v) => update({ costs: { ...current.costs, claWeekly: v } })} />
            <NumberField label="Cost per child protection plan" unit="£ a month" min={0} max={5000} step={10} value={current.costs?.cppMonthly ?? 350} onChange={(v) => update({ costs: { ...current.costs, cppMonthly: v } })} />
            <NumberField label="Plans per social worker" unit="plans" min={1} max={60} step={1} value={current.caseloads?.cppPerWorker ?? 15} onChange={(v) => update({ caseloads: { ...current.caseloads, cppPerWorker: v } })} />
            <NumberField label="Children in care per social worker" unit="children" min={1} max={60} step={1} value={current.caseloads?.claPerWorker ?? 15} onChange={(v) => update({ caseloads: { ...current.caseloads, claPerWorker: v } })} />
          </fieldset>
        </section>
      )}

      {projection && (
        <section className="scenario-charts" aria-labelledby="scenario-charts-heading">
          <h2 id="scenario-charts-heading">Baseline against {shown.length ? shown.map((i) => scenarioResults[i]!.name).join(', ') : 'your scenarios'}</h2>
          {projectionMs !== null && <p className="muted">Updated in {Math.max(1, Math.round(projectionMs))} ms.</p>}
          <div className="chart-grid">
            {(['referrals', 'cppOpen', 'claOpen'] as const).map((key) => (
              <LineChart
                key={key}
                id={`scenario-${key}`}
                title={key === 'referrals' ? 'Referrals each month' : key === 'cppOpen' ? 'Children on child protection plans' : 'Children looked after'}
                yTitle={key === 'referrals' ? 'Referrals' : 'Children'}
                months={projection.months}
                series={[
                  { label: 'Baseline', values: projection.baseline[key], colour: palette[0]!, ...(projection.bands.baseline ? { band: { low: projection.bands.baseline[key].p10, high: projection.bands.baseline[key].p90 } } : {}) },
                  ...shown.map((i, n) => ({ label: scenarioResults[i]!.name, values: scenarioResults[i]![key], colour: palette[(n + 1) % palette.length]! })),
                ]}
              />
            ))}
          </div>
        </section>
      )}
    </div>
  );
}

function Timeline({ months, scenario }: { months: readonly string[]; scenario: ScenarioInput }) {
  const first = monthOfIso(`${months[0]}-01`);
  const span = months.length;
  const position = (iso: string) => Math.min(100, Math.max(0, ((monthOfIso(iso) - first + (+iso.slice(8, 10) - 1) / 30) / span) * 100));
  return (
    <div className="timeline" role="img" aria-label={`Timeline from ${months[0]} to ${months.at(-1)}: ${(scenario.shocks ?? []).map((s) => `shock from ${s.from} to ${s.to}`).join(', ') || 'no shocks'}${scenario.newNormal ? `, new normal from ${scenario.newNormal.from}` : ''}`}>
      <div className="timeline-bar">
        {(scenario.shocks ?? []).map((s, i) => (
          <div key={i} className="timeline-shock" style={{ left: `${position(s.from)}%`, width: `${Math.max(0.8, position(s.to) - position(s.from))}%` }} />
        ))}
        {scenario.newNormal && <div className="timeline-normal" style={{ left: `${position(scenario.newNormal.from)}%` }} />}
      </div>
      <div className="timeline-labels" aria-hidden="true">
        <span>{months[0]}</span>
        <span>{months.at(-1)}</span>
      </div>
    </div>
  );
}
