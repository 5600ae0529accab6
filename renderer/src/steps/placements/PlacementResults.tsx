// Results: children in care and spend by placement type, the baseline against the scenarios with likely
// ranges, for one placement type at a time on the charts, every type in the tables and in a sentence each.
import { useId, useState } from 'react';
import { groups } from '../../../../shared/engine/children/placements/groups.ts';
import type { PlacementGroup } from '../../../../shared/import/values/codes.ts';
import { placementBandsOf, placementFiguresAt, placementLabel, placementSentence, placementsOf } from '../../../../shared/result/placement-figures.ts';
import type { ResultJson } from '../../../../shared/result/result-json.ts';
import { monthForPeople } from '../../../../shared/text/people-format.ts';
import { ChartLegend } from '../../charts/ChartLegend.tsx';
import { baselineColour, LineChart, scenarioColour } from '../../charts/LineChart.tsx';
import { PlacementTable } from './PlacementTable.tsx';

export function PlacementResults({ result, scenarioCount, shaded }: { result: ResultJson; scenarioCount: number; shaded: number }) {
  const p = result.projection!;
  const base = placementsOf(p.baseline);
  const [group, setGroup] = useState<PlacementGroup>('residential');
  const pickId = useId();
  if (!base) return null;
  const scenarios = (p.scenarios ?? []).slice(0, scenarioCount);
  const bandOf = (i: number) => placementBandsOf(i < 0 ? p.bands.baseline : scenarios[i]?.bands)?.[group];
  const band = (i: number) => {
    const b = shaded === i ? bandOf(i) : undefined;
    return b ? { low: b.p10, high: b.p90 } : undefined;
  };
  const label = placementLabel(group);
  const ats = [11, 23].filter((at) => at < p.months.length);
  const last = placementFiguresAt(result, ats.at(-1) ?? p.months.length - 1, scenarioCount);
  // The sentences put one scenario beside the baseline: the only one, or the one whose range is shaded.
  const worded = scenarios.length === 1 ? 0 : shaded >= 0 && shaded < scenarios.length ? shaded : null;
  return (
    <section className="placement-results" aria-labelledby="placement-results-heading">
      <h2 id="placement-results-heading">Children in care and spend by placement type</h2>
      {last && (
        <>
          <p className="hint">{worded === null ? 'The baseline in words; shade a scenario’s likely range above to read it beside the baseline.' : `The baseline and ${scenarios[worded]!.name} in words.`}</p>
          <ul className="placement-sentences">
            {groups.map((g) => (
              <li key={g} data-group={g}>
                {placementSentence(last, g, worded)}
              </li>
            ))}
          </ul>
        </>
      )}
      <ChartLegend items={[{ label: 'Baseline', colour: baselineColour, ...(shaded < 0 ? { note: 'shaded: its likely range' } : {}) }, ...scenarios.map((s, i) => ({ label: s.name, colour: scenarioColour(i), ...(shaded === i ? { note: 'shaded: its likely range' } : {}) }))]} />
      <div className="row">
        <label htmlFor={pickId}>Placement type on the charts</label>
        <select id={pickId} value={group} onChange={(e) => setGroup(e.target.value as PlacementGroup)}>
          {groups.map((g) => (
            <option key={g} value={g}>
              {placementLabel(g)}
            </option>
          ))}
        </select>
      </div>
      <div className="chart-grid">
        <LineChart
          id="results-placement-children"
          title={`${label}: children`}
          yTitle="Children"
          legend={false}
          months={p.months}
          series={[
            { label: 'Baseline', values: base.claByPlacement[group], colour: baselineColour, band: band(-1) },
            ...scenarios.map((s, i) => ({ label: s.name, values: placementsOf(s)?.claByPlacement[group] ?? [], colour: scenarioColour(i), band: band(i) })),
          ]}
        />
        <LineChart
          id="results-placement-spend"
          title={`${label}: spend each month`}
          yTitle="Spend a month"
          unit="pounds"
          legend={false}
          months={p.months}
          series={[
            { label: 'Baseline', values: base.costByPlacement[group], colour: baselineColour },
            ...scenarios.map((s, i) => ({ label: s.name, values: placementsOf(s)?.costByPlacement[group] ?? [], colour: scenarioColour(i) })),
          ]}
        />
      </div>
      <p className="hint">Spend’s likely range is given for all children in care together, on the spend chart above; by placement type, the likely range is of the children.</p>
      {ats.map((at) => {
        const figures = placementFiguresAt(result, at, scenarioCount);
        return (
          figures && (
            <section key={at} aria-labelledby={`placements-${at}`}>
              <h3 id={`placements-${at}`}>
                By placement type, {monthForPeople(p.months[at]!)}
              </h3>
              <PlacementTable figures={figures} />
            </section>
          )
        );
      })}
    </section>
  );
}
