// How far to trust the projection, measured on the analyst's own history: rolling-origin backtests run in
// the engine worker when asked, then shown in plain words and as error by horizon.
import { useEffect, useId, useRef, useState } from 'react';
import type { CalibrationJson } from '../../../shared/result/result-json.ts';
import { calibrationSeriesNames } from '../../../shared/text/calibration-words.ts';
import { percentForPeople } from '../../../shared/text/people-format.ts';

type State = { kind: 'idle' } | { kind: 'working' } | { kind: 'done'; calibration: CalibrationJson } | { kind: 'failed'; message: string };

const shownHorizons = [1, 3, 6, 12, 24];
const series = ['referrals', 'cppOpen', 'claOpen'] as const;
const title = (s: string) => `${s[0]!.toUpperCase()}${s.slice(1)}`;

// Run on request, not on opening the step: the backtests take seconds, and the engine worker answers
// nothing else (a slider, a new paste) while they run.
export function CalibrationPanel({ calibrate }: { calibrate: () => Promise<CalibrationJson> }) {
  const [state, setState] = useState<State>({ kind: 'idle' });
  const id = useId();
  const live = useRef(true);
  useEffect(() => {
    live.current = true;
    setState({ kind: 'idle' });
    return () => {
      live.current = false;
    };
  }, [calibrate]);
  const run = () => {
    setState({ kind: 'working' });
    calibrate().then(
      (calibration) => live.current && setState({ kind: 'done', calibration }),
      (err: unknown) => live.current && setState({ kind: 'failed', message: err instanceof Error ? err.message : String(err) }),
    );
  };
  return (
    <section aria-labelledby={`${id}-heading`} className="panel calibration" aria-busy={state.kind === 'working'}>
      <h2 id={`${id}-heading`}>How far to trust these projections</h2>
      {(state.kind === 'idle' || state.kind === 'failed') && (
        <div className="row">
          <p>The model is backtested from every month of your history: it forgets what came after, projects with its likely range, and is compared with what happened.</p>
          <button type="button" onClick={run}>
            Measure how far to trust them
          </button>
        </div>
      )}
      {state.kind === 'working' && <p role="status">Backtesting from every month of your history (this takes a few seconds)…</p>}
      {state.kind === 'failed' && (
        <p className="problem" role="alert">
          The backtests could not be run: {state.message}
        </p>
      )}
      {state.kind === 'done' && <CalibrationFigures calibration={state.calibration} />}
    </section>
  );
}

function CalibrationFigures({ calibration }: { calibration: CalibrationJson }) {
  if (calibration.missing) return <p className="calibration-missing">{calibration.missing}</p>;
  // A horizon reached by fewer than three comparisons says little: it is left out of the table.
  const horizons = shownHorizons.filter((h) => series.some((s) => calibration.series[s].byHorizon.some((b) => b.months === h && b.compared >= 3)));
  return (
    <>
      <ul className="calibration-sentences">
        {calibration.sentences.map((s) => (
          <li key={s}>{s}</li>
        ))}
      </ul>
      <table className="summary" aria-label="Backtest error by months ahead">
        <caption>Average error, and how often the outcome fell inside the likely range, by how far ahead</caption>
        <thead>
          <tr>
            <th scope="col">Measure</th>
            {horizons.map((h) => (
              <th scope="col" key={h}>
                {h === 1 ? '1 month ahead' : `${h} months ahead`}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {series.flatMap((s) => [
            <tr key={s}>
              <th scope="row">{title(calibrationSeriesNames[s])}</th>
              {horizons.map((h) => {
                const b = calibration.series[s].byHorizon.find((x) => x.months === h);
                return <td key={h}>{b ? `${percentForPeople(b.error)} out, in range ${Math.round(b.insideRange * 10)} in 10` : 'not measured'}</td>;
              })}
            </tr>,
            <tr key={`${s}-naive`} className="naive">
              <th scope="row">carrying the last value forward</th>
              {horizons.map((h) => {
                const b = calibration.series[s].byHorizon.find((x) => x.months === h);
                return <td key={h}>{b ? `${percentForPeople(b.naiveError)} out` : ''}</td>;
              })}
            </tr>,
          ])}
        </tbody>
      </table>
    </>
  );
}
