import { memo, useMemo, useRef } from 'react';
import { describeScenario } from '../../../shared/engine/children/describe-scenario.ts';
import { futureLockdown, englandLockdowns2020 } from '../../../shared/engine/children/presets.ts';
import { monthOfIso } from '../../../shared/engine/core/months.ts';
import type { ScenarioInput } from '../../../shared/engine/scenario.ts';
import { chartPathsOf, type ChartPaths } from '../../../shared/result/chart-paths.ts';
import type { ResultJson } from '../../../shared/result/result-json.ts';
import { arrivalsWords, type Driver } from '../../../shared/text/arrivals-words.ts';
import { dateForPeople, monthForPeople } from '../../../shared/text/people-format.ts';
import { ChartLegend } from '../charts/ChartLegend.tsx';
import { baselineColour, LineChart, scenarioColour } from '../charts/LineChart.tsx';
import { DateField } from '../components/DateField.tsx';
import { NumberField } from '../components/NumberField.tsx';
import { PlacementShifts } from './placements/PlacementShifts.tsx';
import { UnitCostTable } from './placements/UnitCostTable.tsx';
import { moveShocksInto, shockPlace, shockPlaceInWords } from './scenario-window.ts';
import { InterventionsEditor } from './interventions/InterventionsEditor.tsx';
import { ScenarioHeading, ScenarioList, ShockDates, scenarioEditing, scenarioInWords, type ScenarioEditingProps } from '../components/ScenarioList.tsx';


export interface ScenariosProps extends ScenarioEditingProps {
  result: ResultJson | null;
  /** The charts' lines for the latest settings, where they arrived ahead of the result. */
  preview?: ChartPaths | null;
  /** True while the likely ranges of the latest settings are still being worked out. */
  rangesPending: boolean;
}

/**
 * The settings and the charts are drawn apart: a slider move draws the settings again (not the charts, whose
 * lines have not changed yet), and the lines that answer it draw the charts again (not the settings).
 */
export function ScenariosStep({ scenarios, onChange, selected, onSelect, compare, onCompare, result, preview = null, rangesPending }: ScenariosProps) {
  const projection = result?.projection;
  const months = useSameItems(projection?.months ?? null);
  // Where List 8 or SSDA903 gives placement types, children in care are costed placement by placement.
  const placementsKnown = projection !== undefined && 'claByPlacement' in projection.baseline;
  const fromResult = useMemo(() => (projection ? chartPathsOf(projection) : null), [projection]);
  const paths = preview ?? fromResult;
  return (
    <div className="scenarios">
      <ScenarioSettings scenarios={scenarios} onChange={onChange} selected={selected} onSelect={onSelect} compare={compare} onCompare={onCompare} months={months} placementsKnown={placementsKnown} />
      {paths && <ScenarioChartsSection paths={paths} selected={selected} compare={compare} rangesPending={rangesPending} driver={result?.estimates?.driver} />}
    </div>
  );
}

/** The same array as last time while its items are the same: a new result's months are usually the last one's. */
function useSameItems<T>(items: readonly T[] | null): readonly T[] | null {
  const last = useRef(items);
  const same = items === last.current || (items !== null && last.current !== null && items.length === last.current.length && items.every((v, i) => v === last.current![i]));
  if (!same) last.current = items;
  return last.current;
}

const ScenarioSettings = memo(function ScenarioSettings({ scenarios, onChange, selected, onSelect, compare, onCompare, months, placementsKnown }: ScenarioEditingProps & { months: readonly string[] | null; placementsKnown: boolean }) {
  const start = months?.[0] ?? null;
  const startMonth = start ? monthOfIso(`${start}-01`) : null;
  const { current, update, updateShock, removeShock, add, remove } = scenarioEditing({ scenarios, onChange, selected, onSelect, compare, onCompare });
  // Unit costs and caseloads are the workbook's: the baseline is costed with them, so an edit applies to every
  // scenario, and a scenario's spend differs from the baseline's only by what the scenario changes in demand.
  const updateMoney = (changes: Pick<ScenarioInput, 'costs' | 'caseloads'>) => onChange(scenarios.map((s) => ({ ...s, ...changes })));
  const description = scenarioInWords(current, describeScenario);

  return (
    <div className="scenario-settings">
      <ScenarioList scenarios={scenarios} selected={selected} onSelect={onSelect} compare={compare} onCompare={onCompare}>
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
      </ScenarioList>

      {current && (
        <section className="scenario-editor" aria-labelledby="scenario-editor-heading">
          <ScenarioHeading name={current.name ?? ''} onRename={(name) => update({ name })} onDuplicate={() => add({ ...current, name: `${current.name} (copy)` })} onDelete={() => remove(selected)} description={description} />
          {months && startMonth !== null && (current.shocks ?? []).some((sh) => ['before', 'after'].includes(shockPlace(sh, startMonth, months.length))) && (
            <div className="notice outside" role="note">
              <p>
                {(current.shocks ?? []).every((sh) => ['before', 'after'].includes(shockPlace(sh, startMonth, months.length)))
                  ? `None of this scenario's shocks falls within the projection (${monthForPeople(months[0]!)} to ${monthForPeople(months.at(-1)!)}), so they change nothing in it.`
                  : `Some of this scenario's shocks fall outside the projection (${monthForPeople(months[0]!)} to ${monthForPeople(months.at(-1)!)}) and change nothing in it.`}{' '}
                To see what the same shocks would do if they happened again, move them so the first starts in {monthForPeople(months[Math.min(3, months.length - 1)]!)}, with the same lengths and gaps.
              </p>
              <button type="button" onClick={() => update({ shocks: moveShocksInto(current, startMonth, Math.min(3, months.length - 1)).shocks })}>
                Move the shocks into the projection
              </button>
            </div>
          )}
          {months && <Timeline months={months} scenario={current} />}
          {(current.shocks ?? []).map((shock, k) => (
            <fieldset key={k}>
              <legend>Shock {k + 1}</legend>
              {months && startMonth !== null && shockPlaceInWords(shock, startMonth, months.length) && <p className="hint">{shockPlaceInWords(shock, startMonth, months.length)}</p>}
              <ShockDates index={k} shock={shock} onChange={(changes) => updateShock(k, changes)} onRemove={() => removeShock(k)} />
              <NumberField label="Change in referrals while it lasts" unit="%" percent min={-100} max={100} step={1} value={shock.referralChange ?? 0} onChange={(v) => updateShock(k, { referralChange: v })} />
              <NumberField label="Share of lost referrals that come back afterwards" unit="%" percent min={0} max={100} step={5} value={shock.returnShare ?? 0} onChange={(v) => updateShock(k, { returnShare: v })} />
              <NumberField label="They come back over" unit="months" min={1} max={24} step={1} value={shock.returnMonths ?? 3} onChange={(v) => updateShock(k, { returnMonths: Math.round(v) })} />
              <NumberField label="Change in how often plans end while it lasts" unit="%" percent min={-95} max={100} step={1} value={shock.cppExitChange ?? 0} onChange={(v) => updateShock(k, { cppExitChange: v })} />
              <NumberField label="Change in how often children leave care while it lasts" unit="%" percent min={-95} max={100} step={1} value={shock.claExitChange ?? 0} onChange={(v) => updateShock(k, { claExitChange: v })} />
              <NumberField label="Change in referrals leading to a plan while it lasts" unit="%" percent min={-95} max={100} step={1} value={shock.cppConversionChange ?? 0} onChange={(v) => updateShock(k, { cppConversionChange: v })} />
              <NumberField label="Change in referrals leading to care while it lasts" unit="%" percent min={-95} max={100} step={1} value={shock.claConversionChange ?? 0} onChange={(v) => updateShock(k, { claConversionChange: v })} />
            </fieldset>
          ))}
          <button type="button" onClick={() => update({ shocks: [...(current.shocks ?? []), { from: start ? `${start}-01` : '2025-01-01', to: start ? `${start}-28` : '2025-01-28', referralChange: -0.2, returnShare: 0.5, returnMonths: 3 }] })}>
            Add a shock
          </button>
          <fieldset>
            <legend>Longer term</legend>
            <NumberField label="Change in referrals from the new normal on" unit="%" percent min={-90} max={100} step={1} value={current.newNormal?.referralChange ?? 0} onChange={(v) => update({ newNormal: { from: current.newNormal?.from ?? (start ? `${start}-01` : '2025-01-01'), referralChange: v } })} />
            <DateField label="New normal from" value={current.newNormal?.from ?? ''} onChange={(from) => update({ newNormal: { from, referralChange: current.newNormal?.referralChange ?? 0 } })} />
            <NumberField label="Extra trend in referrals" unit="% a year" percent min={-50} max={100} step={1} value={current.referralTrendPerYear ?? 0} onChange={(v) => update({ referralTrendPerYear: v })} />
            <NumberField label="Change in referrals leading to a plan" unit="%" percent min={-95} max={100} step={1} value={current.conversionChange?.cpp ?? 0} onChange={(v) => update({ conversionChange: { cpp: v, cla: current.conversionChange?.cla ?? 0 } })} />
            <NumberField label="Change in referrals leading to care" unit="%" percent min={-95} max={100} step={1} value={current.conversionChange?.cla ?? 0} onChange={(v) => update({ conversionChange: { cla: v, cpp: current.conversionChange?.cpp ?? 0 } })} />
          </fieldset>
          {placementsKnown && <PlacementShifts shifts={current.placementShifts ?? []} onChange={(placementShifts) => update({ placementShifts })} startIso={start ? `${start}-01` : '2025-01-01'} />}
          <InterventionsEditor scenario={current} start={start} onChange={(interventions) => update({ interventions })} />
          <fieldset>
            <legend>Money and staff, for the baseline and every scenario</legend>
            {placementsKnown ? (
              <UnitCostTable scenario={current} onChange={(costs) => updateMoney({ costs })} />
            ) : (
              <NumberField label="Cost per child looked after" unit="£ a week" min={0} max={10000} step={50} value={current.costs?.claWeekly ?? 1200} onChange={(v) => updateMoney({ costs: { ...current.costs, claWeekly: v } })} />
            )}
            <NumberField label="Cost per child protection plan" unit="£ a month" min={0} max={5000} step={10} value={current.costs?.cppMonthly ?? 350} onChange={(v) => updateMoney({ costs: { ...current.costs, cppMonthly: v } })} />
            <NumberField label="Plans per social worker" unit="plans" min={1} max={60} step={1} value={current.caseloads?.cppPerWorker ?? 15} onChange={(v) => updateMoney({ caseloads: { ...current.caseloads, cppPerWorker: v } })} />
            <NumberField label="Children in care per social worker" unit="children" min={1} max={60} step={1} value={current.caseloads?.claPerWorker ?? 15} onChange={(v) => updateMoney({ caseloads: { ...current.caseloads, claPerWorker: v } })} />
          </fieldset>
        </section>
      )}
    </div>
  );
});

const ScenarioChartsSection = memo(function ScenarioChartsSection({ paths, selected, compare, rangesPending, driver }: { paths: ChartPaths; selected: number; compare: readonly number[]; rangesPending: boolean; driver: Driver | undefined }) {
  const scenarioResults = paths.scenarios;
  // The scenario being edited is always drawn, with up to four others ticked to compare.
  const shown = [...new Set([selected, ...compare])].filter((i) => i < scenarioResults.length).sort((a, b) => a - b);
  const colourOf = (i: number) => colourIn(shown, i);
  return (
    <section className="scenario-charts" aria-labelledby="scenario-charts-heading">
      <h2 id="scenario-charts-heading">{shown.length === 1 ? `Baseline against ${scenarioResults[shown[0]!]!.name}` : shown.length > 1 ? `Baseline against ${shown.length} scenarios` : 'Baseline'}</h2>
      <ChartLegend
        items={[
          { label: 'Baseline', colour: baselineColour, note: 'shaded: its likely range' },
          ...shown.map((i) => ({ label: scenarioResults[i]!.name, colour: colourOf(i), ...(i === selected ? { note: scenarioResults[i]!.bands ? 'being edited, shaded: its likely range' : 'being edited' } : {}) })),
        ]}
      />
      <p className="muted ranges-status" role="status">
        {rangesPending ? 'Working out the likely ranges…' : ''}
      </p>
      <ScenarioCharts paths={paths} shown={shown.join(',')} selected={selected} driver={driver} />
    </section>
  );
});

// Colours follow the scenario's place in the list (as on Results) unless that would repeat one.
const colourIn = (shown: readonly number[], i: number) => scenarioColour(shown.every((k) => k < 5) ? i : shown.indexOf(i));

/**
 * The three charts, drawn again only when their lines or what is drawn change: a slider move redraws them
 * once, when the new lines arrive, not also on the keystroke that asked for them.
 */
const ScenarioCharts = memo(function ScenarioCharts({ paths, shown: shownKey, selected, driver }: { paths: ChartPaths; shown: string; selected: number; driver: Driver | undefined }) {
  const shown = shownKey ? shownKey.split(',').map(Number) : [];
  const scenarioResults = paths.scenarios;
  const editedBands = scenarioResults[selected]?.bands;
  return (
    <div className="chart-stack">
      {(['referrals', 'cppOpen', 'claOpen'] as const).map((key) => (
        <LineChart
          key={key}
          id={`scenario-${key}`}
          compact
          legend={false}
          title={key === 'referrals' ? arrivalsWords(driver).eachMonth : key === 'cppOpen' ? 'Children on child protection plans' : 'Children looked after'}
          yTitle={key === 'referrals' ? arrivalsWords(driver).axis : 'Children'}
          months={paths.months}
          series={[
            { label: 'Baseline', values: paths.baseline[key], colour: baselineColour, band: paths.baseline.bands ? { low: paths.baseline.bands[key].p10, high: paths.baseline.bands[key].p90 } : undefined },
            ...shown.map((i) => ({ label: scenarioResults[i]!.name, values: scenarioResults[i]![key], colour: colourIn(shown, i), band: i === selected && editedBands ? { low: editedBands[key].p10, high: editedBands[key].p90 } : undefined })),
          ]}
        />
      ))}
    </div>
  );
});

function Timeline({ months, scenario }: { months: readonly string[]; scenario: ScenarioInput }) {
  const first = monthOfIso(`${months[0]}-01`);
  const span = months.length;
  const position = (iso: string) => Math.min(100, Math.max(0, ((monthOfIso(iso) - first + (+iso.slice(8, 10) - 1) / 30) / span) * 100));
  // Only what falls within the projection is drawn: a shock before or after it would be a misleading stub.
  const inside = (scenario.shocks ?? []).filter((s) => !['before', 'after'].includes(shockPlace(s, first, span)));
  const normalShown = scenario.newNormal && shockPlace({ from: scenario.newNormal.from, to: scenario.newNormal.from }, first, span) !== 'after';
  const words = inside.map((s) => `shock from ${dateForPeople(s.from)} to ${dateForPeople(s.to)}`).join(', ') || 'no shocks within it';
  return (
    <div className="timeline" role="img" aria-label={`Timeline from ${monthForPeople(months[0]!)} to ${monthForPeople(months.at(-1)!)}: ${words}${normalShown ? `, new normal from ${dateForPeople(scenario.newNormal!.from)}` : ''}`}>
      <div className="timeline-bar">
        {inside.map((s, i) => (
          <div key={i} className="timeline-shock" style={{ left: `${position(s.from)}%`, width: `${Math.max(0.8, position(s.to) - position(s.from))}%` }} />
        ))}
        {normalShown && <div className="timeline-normal" style={{ left: `${position(scenario.newNormal!.from)}%` }} />}
      </div>
      <div className="timeline-labels" aria-hidden="true">
        <span>{monthForPeople(months[0]!)}</span>
        <span>{monthForPeople(months.at(-1)!)}</span>
      </div>
    </div>
  );
}
