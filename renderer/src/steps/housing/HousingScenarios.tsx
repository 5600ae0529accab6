// Possible futures for a housing workbook: a shock or a new normal in approaches (a wave of evictions),
// faster or slower move-on from temporary accommodation, prevention that keeps households out of it, and
// the nightly cost of each type (the workbook's, for the baseline and every scenario). The charts follow
// the settings as they change.
import { memo } from 'react';
import { taTypes, taTypeWords } from '../../../../shared/dataset/housing.ts';
import { firstDayIso, lastDayIso, monthOfIso } from '../../../../shared/engine/core/months.ts';
import { defaultTaNightly } from '../../../../shared/engine/housing/housing-costs.ts';
import type { ScenarioInput } from '../../../../shared/engine/scenario.ts';
import { measureOf } from '../../../../shared/result/housing-figures.ts';
import type { HousingOutcome } from '../../../../shared/result/housing-outcome.ts';
import { describeHousingScenario } from '../../../../shared/text/housing-scenario-words.ts';
import { ChartLegend } from '../../charts/ChartLegend.tsx';
import { baselineColour, LineChart, scenarioColour } from '../../charts/LineChart.tsx';
import { DateField } from '../../components/DateField.tsx';
import { NumberField } from '../../components/NumberField.tsx';
import { InterventionsEditor } from '../interventions/InterventionsEditor.tsx';
import { ScenarioHeading, ScenarioList, ShockDates, scenarioEditing, scenarioInWords, type ScenarioEditingProps } from '../../components/ScenarioList.tsx';

type NewNormal = NonNullable<ScenarioInput['newNormal']>;

export interface HousingScenariosProps extends ScenarioEditingProps {
  outcome: HousingOutcome;
  rangesPending: boolean;
}

export function HousingScenarios({ outcome, scenarios, onChange, selected, onSelect, compare, onCompare, rangesPending }: HousingScenariosProps) {
  const months = outcome.result.projection.months;
  const start = `${months[0]!}-01`;
  // A shock's default: the third to the eighth month of the projection.
  const shockFrom = firstDayIso(monthOfIso(start) + 2);
  const shockTo = lastDayIso(monthOfIso(start) + 7);
  const { current, update, updateShock, removeShock, add, remove } = scenarioEditing({ scenarios, onChange, selected, onSelect, compare, onCompare });
  // Nightly costs are the workbook's: an edit applies to the baseline and every scenario.
  const updateNightly = (type: (typeof taTypes)[number], nightly: number) => onChange(scenarios.map((s) => ({ ...s, costs: { ...s.costs, taNightly: { ...s.costs?.taNightly, [type]: nightly } } })));
  const updateNormal = (changes: Partial<NewNormal>) => update({ newNormal: { from: current?.newNormal?.from ?? start, ...current?.newNormal, ...changes } });
  const shown = [...new Set([selected, ...compare])].filter((i) => i < outcome.scenarios.length).sort((a, b) => a - b);
  const description = scenarioInWords(current, describeHousingScenario);

  return (
    <div className="scenarios">
      <div className="scenario-settings">
        <ScenarioList scenarios={scenarios} selected={selected} onSelect={onSelect} compare={compare} onCompare={onCompare}>
          <button type="button" onClick={() => add({ name: 'Wave of evictions', shocks: [{ from: shockFrom, to: shockTo, approachChange: 0.3 }] })}>
            New: a wave of evictions
          </button>
          <button type="button" onClick={() => add({ name: 'More approaches', newNormal: { from: start, approachChange: 0.1 } })}>
            New: a new normal in approaches
          </button>
          <button type="button" onClick={() => add({ name: 'Faster move-on', newNormal: { from: start, taExitChange: 0.2 } })}>
            New: faster move-on from TA
          </button>
          <button type="button" onClick={() => add({ name: 'Prevention', newNormal: { from: start, taStartChange: -0.15 } })}>
            New: prevention keeps households out of TA
          </button>
        </ScenarioList>

        {current && (
          <section className="scenario-editor" aria-labelledby="scenario-editor-heading">
            <ScenarioHeading name={current.name ?? ''} onRename={(name) => update({ name })} onDuplicate={() => add({ ...current, name: `${current.name} (copy)` })} onDelete={() => remove(selected)} description={description} />
            {(current.shocks ?? []).map((shock, k) => (
              <fieldset key={k}>
                <legend>Shock {k + 1}</legend>
                <ShockDates index={k} shock={shock} onChange={(changes) => updateShock(k, changes)} onRemove={() => removeShock(k)} />
                <NumberField label="Change in approaches while it lasts" unit="%" percent min={-100} max={200} step={1} value={shock.approachChange ?? 0} onChange={(v) => updateShock(k, { approachChange: v })} />
                <NumberField label="Change in households placed in TA while it lasts" unit="%" percent min={-95} max={200} step={1} value={shock.taStartChange ?? 0} onChange={(v) => updateShock(k, { taStartChange: v })} />
                <NumberField label="Change in how fast households move on from TA while it lasts" unit="%" percent min={-95} max={200} step={1} value={shock.taExitChange ?? 0} onChange={(v) => updateShock(k, { taExitChange: v })} />
              </fieldset>
            ))}
            <button type="button" onClick={() => update({ shocks: [...(current.shocks ?? []), { from: shockFrom, to: shockTo, approachChange: 0.2 }] })}>
              Add a shock
            </button>
            <fieldset>
              <legend>Longer term (a new normal)</legend>
              <DateField label="New normal from" value={current.newNormal?.from ?? ''} onChange={(from) => updateNormal({ from })} />
              <NumberField label="Change in approaches" unit="%" percent min={-90} max={200} step={1} value={current.newNormal?.approachChange ?? 0} onChange={(v) => updateNormal({ approachChange: v })} />
              <NumberField label="Change in households placed in TA (prevention keeps them out)" unit="%" percent min={-95} max={200} step={1} value={current.newNormal?.taStartChange ?? 0} onChange={(v) => updateNormal({ taStartChange: v })} />
              <NumberField label="Change in how fast households move on from TA" unit="%" percent min={-95} max={200} step={1} value={current.newNormal?.taExitChange ?? 0} onChange={(v) => updateNormal({ taExitChange: v })} />
            </fieldset>
            <InterventionsEditor scenario={current} start={months[0]!} service="housing" onChange={(interventions) => update({ interventions })} />
            <fieldset>
              <legend>Nightly cost of temporary accommodation, for the baseline and every scenario</legend>
              <p className="hint">No national nightly cost by type is published: the defaults only keep the order of types the statistics describe. Replace them with yours.</p>
              {taTypes.map((t) => {
                const given = current.costs?.taNightly?.[t];
                return (
                  <NumberField key={t} label={taTypeWords[t]} hint={given === undefined ? 'Default: replace with yours' : 'Your cost'} unit="£ a night" min={0} max={1000} step={1} value={given ?? defaultTaNightly[t].nightly} onChange={(v) => updateNightly(t, v)} />
                );
              })}
            </fieldset>
          </section>
        )}
      </div>

      <section className="scenario-charts" aria-labelledby="scenario-charts-heading">
        <h2 id="scenario-charts-heading">{shown.length === 1 ? `Baseline against ${outcome.scenarios[shown[0]!]!.name}` : shown.length > 1 ? `Baseline against ${shown.length} scenarios` : 'Baseline'}</h2>
        <ChartLegend
          items={[
            { label: 'Baseline', colour: baselineColour, note: 'shaded: its likely range' },
            ...shown.map((i) => ({ label: outcome.scenarios[i]!.name, colour: scenarioColour(i), ...(i === selected ? { note: 'being edited, shaded: its likely range' } : {}) })),
          ]}
        />
        <p className="muted ranges-status" role="status">
          {rangesPending ? 'Working out the likely ranges…' : ''}
        </p>
        <HousingScenarioCharts outcome={outcome} shown={shown.join(',')} selected={selected} />
      </section>
    </div>
  );
}

/** Households in TA, their cost and approaches: redrawn only when the projection or what is drawn changes. */
const HousingScenarioCharts = memo(function HousingScenarioCharts({ outcome, shown: shownKey, selected }: { outcome: HousingOutcome; shown: string; selected: number }) {
  const shown = shownKey ? shownKey.split(',').map(Number) : [];
  const p = outcome.result.projection;
  return (
    <div className="chart-stack">
      {(['taOpen', 'cost', 'approaches'] as const).map((key) => {
        const m = measureOf(key);
        const band = (bands: HousingOutcome['baselineBands']) => (bands && m.band ? { low: m.band(bands).p10, high: m.band(bands).p90 } : undefined);
        return (
          <LineChart
            key={key}
            id={`housing-scenario-${key}`}
            compact
            legend={false}
            title={m.label}
            yTitle={m.axis}
            unit={m.unit}
            months={p.months}
            series={[
              { label: 'Baseline', values: m.pick(p.baseline), colour: baselineColour, band: band(outcome.baselineBands) },
              ...shown.map((i) => ({ label: outcome.scenarios[i]!.name, values: m.pick(outcome.scenarios[i]!), colour: scenarioColour(i), band: i === selected ? band(outcome.scenarios[i]!.bands) : undefined })),
            ]}
          />
        );
      })}
    </div>
  );
});
