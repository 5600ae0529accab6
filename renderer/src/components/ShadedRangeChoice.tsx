// Above the Results step's charts: which scenario's likely range is shaded (one at a time keeps the charts
// readable), the legend, and whether the ranges are still being worked out. Children's services and
// housing show the same.
import { useId } from 'react';
import { ChartLegend } from '../charts/ChartLegend.tsx';
import { baselineColour, scenarioColour } from '../charts/LineChart.tsx';

/** `shaded`: -1 for the baseline, else the scenario's place in `names`. */
export function ShadedRangeChoice({ names, shaded, onShade, rangesPending }: { names: readonly string[]; shaded: number; onShade: (index: number) => void; rangesPending: boolean }) {
  const pickId = useId();
  return (
    <>
      {names.length > 0 && (
        <fieldset className="band-choice">
          <legend>Shade the likely range of</legend>
          {[-1, ...names.keys()].map((i) => (
            <label key={i}>
              <input type="radio" name={pickId} checked={shaded === i} onChange={() => onShade(i)} /> {i < 0 ? 'Baseline' : names[i]}
            </label>
          ))}
        </fieldset>
      )}
      <ChartLegend
        items={[
          { label: 'Baseline', colour: baselineColour, ...(shaded < 0 ? { note: 'shaded: its likely range' } : {}) },
          ...names.map((name, i) => ({ label: name, colour: scenarioColour(i), ...(shaded === i ? { note: 'shaded: its likely range' } : {}) })),
        ]}
      />
      <p className="muted ranges-status" role="status">
        {rangesPending ? 'Working out the likely ranges…' : ''}
      </p>
    </>
  );
}
