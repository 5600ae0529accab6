// Households in temporary accommodation and their cost, by type, under the baseline and each scenario, with
// their likely ranges and a sentence each (the export's words: shared/result/housing-figures.ts).
import { useState } from 'react';
import { taTypes } from '../../../../shared/dataset/housing.ts';
import { costOfType, figureForPeople, householdsInType, housingMeasures, housingSentence, measureOf, type HousingMeasure } from '../../../../shared/result/housing-figures.ts';
import type { HousingOutcome } from '../../../../shared/result/housing-outcome.ts';
import { housingInterventionSentence } from '../../../../shared/text/housing-scenario-words.ts';
import { countForPeople, monthForPeople, poundsForPeople } from '../../../../shared/text/people-format.ts';
import { baselineColour, LineChart, scenarioColour } from '../../charts/LineChart.tsx';
import { ShadedRangeChoice } from '../../components/ShadedRangeChoice.tsx';

/** Results show the baseline and up to this many scenarios (the Excel export has them all). */
const maxShown = 4;

export function HousingResults({ outcome, rangesPending }: { outcome: HousingOutcome; rangesPending: boolean }) {
  const p = outcome.result.projection;
  const scenarios = outcome.scenarios.slice(0, maxShown);
  const [shaded, setShaded] = useState(-1);
  const shadedIndex = shaded < scenarios.length ? shaded : -1;
  const bandsOf = (i: number) => (i < 0 ? outcome.baselineBands : (scenarios[i]?.bands ?? null));
  const charted = ['taOpen', 'cost', 'approaches', 'taNights'].map(measureOf);
  const backtest = outcome.result.backtest;
  return (
    <>
      {outcome.scenarios.length > maxShown && <p className="notice">The charts and tables show the first {maxShown} of your {outcome.scenarios.length} scenarios; the Excel export has them all.</p>}
      <ShadedRangeChoice names={scenarios.map((s) => s.name)} shaded={shadedIndex} onShade={setShaded} rangesPending={rangesPending} />
      <div className="chart-grid">
        {charted.map((m) => {
          const band = (i: number) => {
            const bands = bandsOf(i);
            return m.band && bands && shadedIndex === i ? { low: m.band(bands).p10, high: m.band(bands).p90 } : undefined;
          };
          return (
            <LineChart
              key={m.key}
              id={`housing-results-${m.key}`}
              title={m.label}
              yTitle={m.axis}
              unit={m.unit}
              legend={false}
              months={p.months}
              series={[{ label: 'Baseline', values: m.pick(p.baseline), colour: baselineColour, band: band(-1) }, ...scenarios.map((s, i) => ({ label: s.name, values: m.pick(s), colour: scenarioColour(i), band: band(i) }))]}
            />
          );
        })}
      </div>
      {[11, 23].filter((at) => at < p.months.length).map((at) => (
        <section key={at} aria-labelledby={`housing-at-${at}`}>
          <h2 id={`housing-at-${at}`}>
            In {monthForPeople(p.months[at]!)} ({at + 1} months ahead)
          </h2>
          <ul className="sentences">
            {(['taOpen', 'cost'] as const).map((key) => (
              <li key={key}>{housingSentence({ ...outcome, scenarios }, measureOf(key), at)}</li>
            ))}
          </ul>
          <FiguresTable outcome={{ ...outcome, scenarios }} at={at} />
        </section>
      ))}
      {scenarios.some((s) => s.interventions.length > 0) && <InterventionsTable outcome={{ ...outcome, scenarios }} />}
      {backtest && backtest.mape.taOpen !== null && (
        <p>
          Fitted on the lists as they stood before {monthForPeople(backtest.from)}, the model was off by {(backtest.mape.taOpen * 100).toFixed(1)}% on average for households in temporary accommodation over the {backtest.months.length} months that followed
          {backtest.naiveMape.taOpen !== null ? `; carrying the last month forward was off by ${(backtest.naiveMape.taOpen * 100).toFixed(1)}%` : ''}.
        </p>
      )}
    </>
  );
}

/** Every measure and each type of TA in one month: baseline and scenarios, each with its likely range. */
function FiguresTable({ outcome, at }: { outcome: HousingOutcome; at: number }) {
  const rows: HousingMeasure[] = [...housingMeasures, ...taTypes.flatMap((t) => [householdsInType(t), costOfType(t)])];
  const range = (m: HousingMeasure, bands: HousingOutcome['baselineBands']) => (m.band && bands ? `${figureForPeople(m, m.band(bands).p10[at]!)} to ${figureForPeople(m, m.band(bands).p90[at]!)}` : '');
  const base = outcome.result.projection.baseline;
  return (
    <div className="table-wide" tabIndex={0} role="region" aria-label={`Figures in ${monthForPeople(outcome.result.projection.months[at]!)}`}>
      <table className="summary housing-figures">
        <thead>
          <tr>
            <th scope="col">Measure</th>
            <th scope="col">Baseline</th>
            <th scope="col">Likely range</th>
            {outcome.scenarios.map((s) => [
              <th scope="col" key={`${s.name}-value`}>
                {s.name}
              </th>,
              <th scope="col" key={`${s.name}-range`}>
                Likely range
              </th>,
            ])}
          </tr>
        </thead>
        <tbody>
          {rows.map((m) => (
            <tr key={m.key} data-measure={m.key}>
              <th scope="row">{m.label}</th>
              <td>{figureForPeople(m, m.pick(base)[at]!)}</td>
              <td>{range(m, outcome.baselineBands)}</td>
              {outcome.scenarios.map((s) => [<td key={`${s.name}-value`}>{figureForPeople(m, m.pick(s)[at]!)}</td>, <td key={`${s.name}-range`}>{range(m, s.bands)}</td>])}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Each intervention against its scenario without it: running cost, TA cost saved, net, households kept out, payback. */
function InterventionsTable({ outcome }: { outcome: HousingOutcome }) {
  const months = outcome.result.projection.months.length;
  const rows = outcome.scenarios.flatMap((s) => s.interventions.map((i) => ({ scenario: s.name, i })));
  return (
    <section aria-labelledby="housing-interventions">
      <h2 id="housing-interventions">Interventions</h2>
      <ul className="sentences">
        {rows.map(({ scenario, i }) => (
          <li key={`${scenario}|${i.name}`}>
            {scenario}: {housingInterventionSentence(i, months)}
          </li>
        ))}
      </ul>
      <div className="table-wide" tabIndex={0} role="region" aria-label="Interventions over the projection">
        <table className="summary housing-figures">
          <thead>
            <tr>
              {['Scenario', 'Intervention', 'Running cost', 'TA cost saved', 'Net cost', 'Households kept out of TA', 'Pays for itself by'].map((h) => (
                <th scope="col" key={h}>
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map(({ scenario, i }) => (
              <tr key={`${scenario}|${i.name}`}>
                <td>{scenario}</td>
                <th scope="row">{i.name}</th>
                <td>{poundsForPeople(i.totals.cost)}</td>
                <td>{poundsForPeople(i.totals.saving)}</td>
                <td>{poundsForPeople(i.totals.net)}</td>
                <td>{countForPeople(i.totals.householdsKeptOutOfTa)}</td>
                <td>{i.paybackMonth ? monthForPeople(i.paybackMonth) : 'Not within the projection'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
