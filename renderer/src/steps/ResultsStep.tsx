import { useId, useState } from 'react';
import type { BacktestResult } from '../../../shared/engine/children/backtest.ts';
import type { BandsJson, ResultJson } from '../../../shared/result/result-json.ts';
import { monthForPeople, percentForPeople } from '../../../shared/text/people-format.ts';
import { ChartLegend } from '../charts/ChartLegend.tsx';
import { baselineColour, LineChart, scenarioColour } from '../charts/LineChart.tsx';
import { measureAxis, measureTitle, summaryMeasures, SummaryTable } from '../components/SummaryTable.tsx';
import { CalibrationPanel } from '../components/CalibrationPanel.tsx';
import { ShadedRangeChoice } from '../components/ShadedRangeChoice.tsx';
import { InterventionResults } from './interventions/InterventionResults.tsx';
import type { CalibrationJson } from '../../../shared/result/result-json.ts';
import { PlacementResults } from './placements/PlacementResults.tsx';
import { PlacementBacktestTable } from './placements/PlacementBacktestTable.tsx';

/** Results show the baseline and up to this many scenarios (the Excel export has them all). */
const maxShown = 4;

export function ResultsStep({ result, runBacktest, calibrate, rangesPending = false }: { result: ResultJson; runBacktest: (from: string, horizon: number) => Promise<BacktestResult>; calibrate?: () => Promise<CalibrationJson>; rangesPending?: boolean }) {
  const p = result.projection!;
  const all = p.scenarios ?? [];
  const scenarios = all.slice(0, maxShown);
  // One likely range shaded at a time keeps the charts readable; the table beneath each has them all.
  const [shaded, setShaded] = useState(-1);
  const shadedIndex = shaded < scenarios.length ? shaded : -1;
  const bandsOf = (i: number): BandsJson | null => (i < 0 ? p.bands.baseline : (scenarios[i]?.bands ?? null));
  return (
    <>
      {all.length > maxShown && <p className="notice">The charts and tables show the first {maxShown} of your {all.length} scenarios; the Excel export has them all.</p>}
      <ShadedRangeChoice names={scenarios.map((s) => s.name)} shaded={shadedIndex} onShade={setShaded} rangesPending={rangesPending} />
      <div className="chart-grid">
        {summaryMeasures.filter((m) => m.key !== 'costCumulative').map((m) => (
          <LineChart
            key={m.key}
            id={`results-${m.key}`}
            title={measureTitle(m, result)}
            yTitle={measureAxis(m, result)}
            unit={m.unit}
            legend={false}
            months={p.months}
            series={[
              { label: 'Baseline', values: p.baseline[m.key], colour: baselineColour, band: m.band && shadedIndex < 0 && bandsOf(-1) ? { low: bandsOf(-1)![m.band].p10, high: bandsOf(-1)![m.band].p90 } : undefined },
              ...scenarios.map((s, i) => ({ label: s.name, values: s[m.key], colour: scenarioColour(i), band: m.band && shadedIndex === i && bandsOf(i) ? { low: bandsOf(i)![m.band].p10, high: bandsOf(i)![m.band].p90 } : undefined })),
            ]}
          />
        ))}
      </div>
      {[11, 23].filter((at) => at < p.months.length).map((at) => (
        <section key={at} aria-labelledby={`summary-${at}`}>
          <h2 id={`summary-${at}`}>
            In {monthForPeople(p.months[at]!)} ({at + 1} months ahead)
          </h2>
          <SummaryTable result={result} scenarios={scenarios} at={at} />
        </section>
      ))}
      <PlacementResults result={result} scenarioCount={maxShown} shaded={shadedIndex} />
      <InterventionResults result={result} rangesPending={rangesPending} />
      {calibrate && <CalibrationPanel calibrate={calibrate} />}
      <BacktestPanel result={result} runBacktest={runBacktest} />
    </>
  );
}

function BacktestPanel({ result, runBacktest }: { result: ResultJson; runBacktest: (from: string, horizon: number) => Promise<BacktestResult> }) {
  const months = result.history!.months.filter((_, i) => result.history!.referrals[i] !== null);
  const choices = months.slice(6, -3);
  const [from, setFrom] = useState(choices.at(-12) ?? choices[0] ?? '');
  const [state, setState] = useState<{ kind: 'idle' } | { kind: 'working' } | { kind: 'done'; backtest: BacktestResult } | { kind: 'failed'; message: string }>({ kind: 'idle' });
  const id = useId();
  // Too short a history for one backtest: the calibration panel above says what is missing, in one voice.
  if (choices.length === 0) return null;
  const pct = (v: number | null) => (v === null ? 'not known' : percentForPeople(v));
  return (
    <section aria-labelledby={`${id}-heading`} className="panel">
      <h2 id={`${id}-heading`}>How well would the model have done? (backtest)</h2>
      <p>The model forgets everything from the chosen month on, projects forward, and is compared with what your lists later showed.</p>
      <div className="row">
        <label htmlFor={id}>Pretend it is the start of</label>
        <select id={id} value={from} onChange={(e) => setFrom(e.target.value)}>
          {choices.map((m) => (
            <option key={m} value={m}>
              {monthForPeople(m)}
            </option>
          ))}
        </select>
        <button
          type="button"
          onClick={() => {
            setState({ kind: 'working' });
            runBacktest(from, 12).then(
              (backtest) => setState({ kind: 'done', backtest }),
              (err: unknown) => setState({ kind: 'failed', message: err instanceof Error ? err.message : String(err) }),
            );
          }}
        >
          Run the backtest
        </button>
      </div>
      {state.kind === 'failed' && (
        <p className="problem" role="alert">
          {state.message}
        </p>
      )}
      {state.kind === 'done' && (
        <>
          <table className="summary" aria-label="Backtest errors">
            <thead>
              <tr>
                <th scope="col">Series</th>
                <th scope="col">Average error over {state.backtest.monthsCompared} months</th>
              </tr>
            </thead>
            <tbody>
              {(
                [
                  ['referrals', 'Referrals'],
                  ['cppStarts', 'Plans starting'],
                  ['cppOpen', 'Children on plans'],
                  ['claStarts', 'Children coming into care'],
                  ['claOpen', 'Children looked after'],
                ] as const
              ).map(([key, label]) => (
                <tr key={key}>
                  <th scope="row">{label}</th>
                  <td>{pct(state.backtest.mape[key])}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <LineChart
            id="backtest-cla"
            title="Children looked after: projected against what happened"
            yTitle="Children"
            months={state.backtest.months}
            series={[
              { label: 'What happened', values: state.backtest.actual.claOpen, colour: baselineColour },
              { label: 'Projected', values: state.backtest.predicted.claOpen, colour: scenarioColour(0), dashed: true },
            ]}
          />
          {state.backtest.byPlacement && <PlacementBacktestTable backtest={state.backtest.byPlacement} />}
        </>
      )}
    </section>
  );
}
