import { useId, useState } from 'react';
import type { BacktestResult } from '../../../shared/engine/backtest.ts';
import type { ResultJson } from '../../../shared/result/result-json.ts';
import { LineChart, palette } from '../charts/LineChart.tsx';
import { CalibrationPanel } from '../components/CalibrationPanel.tsx';
import type { CalibrationJson } from '../../../shared/result/result-json.ts';

const whole = (n: number) => Math.round(n).toLocaleString('en-GB');
const pounds = (n: number) => `£${Math.round(n).toLocaleString('en-GB')}`;
const signed = (n: number, format: (x: number) => string) => (n > 0 ? `+${format(n)}` : n < 0 ? `-${format(-n)}` : format(0));

export function ResultsStep({ result, runBacktest, calibrate }: { result: ResultJson; runBacktest: (from: string, horizon: number) => Promise<BacktestResult>; calibrate?: () => Promise<CalibrationJson> }) {
  const p = result.projection!;
  const bands = p.bands.baseline;
  const scenarios = (p.scenarios ?? []).slice(0, 4);
  const measures = [
    { key: 'referrals', title: 'Referrals each month', axis: 'Referrals', format: whole, band: 'referrals' },
    { key: 'cppOpen', title: 'Children on child protection plans', axis: 'Children', format: whole, band: 'cppOpen' },
    { key: 'claOpen', title: 'Children looked after', axis: 'Children', format: whole, band: 'claOpen' },
    { key: 'cost', title: 'Spend each month', axis: 'Pounds', format: pounds, band: 'cost' },
    { key: 'workers', title: 'Social workers needed', axis: 'Workers', format: (n: number) => n.toFixed(1), band: null },
  ] as const;
  return (
    <>
      <div className="chart-grid">
        {measures.map((m) => (
          <LineChart
            key={m.key}
            id={`results-${m.key}`}
            title={m.title}
            yTitle={m.axis}
            months={p.months}
            series={[
              { label: 'Baseline', values: p.baseline[m.key], colour: palette[0]!, ...(m.band && bands ? { band: { low: bands[m.band].p10, high: bands[m.band].p90 } } : {}) },
              ...scenarios.map((s, i) => ({ label: s.name, values: s[m.key], colour: palette[(i + 1) % palette.length]! })),
            ]}
          />
        ))}
      </div>
      {[11, 23].filter((at) => at < p.months.length).map((at) => (
        <section key={at} aria-labelledby={`summary-${at}`}>
          <h2 id={`summary-${at}`}>
            In {p.months[at]} ({at + 1} months ahead)
          </h2>
          <div className="table-scroll">
            <table className="summary">
              <thead>
                <tr>
                  <th scope="col">Measure</th>
                  <th scope="col">Baseline</th>
                  <th scope="col">Likely range</th>
                  {scenarios.map((s) => (
                    <th scope="col" key={s.name} colSpan={2}>
                      {s.name} (and difference)
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {measures.map((m) => (
                  <tr key={m.key}>
                    <th scope="row">{m.title}</th>
                    <td>{m.format(p.baseline[m.key][at]!)}</td>
                    <td>{m.band && bands ? `${m.format(bands[m.band].p10[at]!)} to ${m.format(bands[m.band].p90[at]!)}` : ''}</td>
                    {scenarios.map((s) => [
                      <td key={`${s.name}-v`}>{m.format(s[m.key][at]!)}</td>,
                      <td key={`${s.name}-d`}>{signed(s[m.key][at]! - p.baseline[m.key][at]!, m.format)}</td>,
                    ])}
                  </tr>
                ))}
                <tr>
                  <th scope="row">Spend since the projection began</th>
                  <td>{pounds(p.baseline.costCumulative[at]!)}</td>
                  <td />
                  {scenarios.map((s) => [
                    <td key={`${s.name}-v`}>{pounds(s.costCumulative[at]!)}</td>,
                    <td key={`${s.name}-d`}>{signed(s.costCumulative[at]! - p.baseline.costCumulative[at]!, pounds)}</td>,
                  ])}
                </tr>
              </tbody>
            </table>
          </div>
        </section>
      ))}
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
  if (choices.length === 0) return <p>A backtest needs at least ten months of complete history.</p>;
  const pct = (v: number | null) => (v === null ? 'not known' : `${(v * 100).toFixed(1)}%`);
  return (
    <section aria-labelledby={`${id}-heading`} className="panel">
      <h2 id={`${id}-heading`}>How well would the model have done? (backtest)</h2>
      <p>The model forgets everything from the chosen month on, projects forward, and is compared with what your lists later showed.</p>
      <div className="row">
        <label htmlFor={id}>Pretend it is the start of</label>
        <select id={id} value={from} onChange={(e) => setFrom(e.target.value)}>
          {choices.map((m) => (
            <option key={m}>{m}</option>
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
              { label: 'What happened', values: state.backtest.actual.claOpen, colour: palette[0]! },
              { label: 'Projected', values: state.backtest.predicted.claOpen, colour: palette[1]!, dashed: true },
            ]}
          />
        </>
      )}
    </section>
  );
}
