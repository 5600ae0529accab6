// One line chart for every screen: months along the bottom (Sep 2025), series as lines, an optional likely
// range drawn as a shaded band. The figures are also given in a table for screen readers and for checking.
import { CategoryScale, Chart as ChartJS, Filler, Legend, LinearScale, LineController, LineElement, PointElement, Title, Tooltip, type ChartOptions } from 'chart.js';
import { useMemo, useState } from 'react';
import { countForPeople, monthForPeople, poundsForAxis, poundsForPeople, workersForPeople } from '../../../shared/text/people-format.ts';
import { ChartCanvas, type LineDataset } from './ChartCanvas.tsx';

ChartJS.register(LineController, CategoryScale, LinearScale, PointElement, LineElement, Filler, Legend, Tooltip, Title);

export interface ChartSeries {
  label: string;
  values: ReadonlyArray<number | null>;
  colour: string;
  dashed?: boolean;
  /** A likely range drawn as a band behind the line. */
  band?: { low: readonly number[]; high: readonly number[] } | undefined;
  /** Drawn as points, not a line: a month marked (where an intervention pays for itself). */
  marker?: boolean;
}

/** What the numbers are: says how they are written on the axis, in tooltips and in the table. */
export type ChartUnit = 'count' | 'pounds' | 'workers';

/** The baseline's colour: never given to a scenario. */
export const baselineColour = '#1d4f91';
/**
 * Five scenarios can be on one chart (four compared and the one being edited): five colours, distinct from
 * each other and from the baseline, each at least 3:1 against white.
 */
export const scenarioColours = ['#d4351c', '#00703c', '#912b88', '#a85200', '#00758a'] as const;
export const scenarioColour = (n: number) => scenarioColours[n % scenarioColours.length]!;
/** Other lines (history series, a backtest): baseline colour first, then the scenario colours. */
export const palette = [baselineColour, ...scenarioColours];

export const formatFor: Record<ChartUnit, (n: number) => string> = { count: countForPeople, pounds: poundsForPeople, workers: workersForPeople };
const axisFormat: Record<ChartUnit, (n: number) => string> = { count: countForPeople, pounds: poundsForAxis, workers: (n) => (Number.isInteger(n) ? countForPeople(n) : n.toFixed(1)) };

export function LineChart({ title, months, series, yTitle, id, unit = 'count', legend = true, compact = false }: {
  title: string;
  months: readonly string[];
  series: readonly ChartSeries[];
  yTitle: string;
  id: string;
  unit?: ChartUnit;
  /** False where the screen shows one legend for several charts. */
  legend?: boolean;
  compact?: boolean;
}) {
  const [open, setOpen] = useState(false);
  const format = formatFor[unit];
  const labels = useMemo(() => months.map(monthForPeople), [months]);
  const datasets: LineDataset[] = [];
  for (const s of series) {
    if (s.band) {
      datasets.push({ label: `${s.label}: likely range (low)`, data: s.band.low as number[], borderColor: 'transparent', backgroundColor: 'transparent', pointRadius: 0, fill: false });
      datasets.push({ label: `${s.label}: likely range`, data: s.band.high as number[], borderColor: 'transparent', backgroundColor: `${s.colour}2e`, pointRadius: 0, fill: '-1' });
    }
    datasets.push({ label: s.label, data: s.values as Array<number | null>, borderColor: s.colour, backgroundColor: s.colour, borderWidth: 2, borderDash: s.dashed ? [6, 4] : [], pointRadius: s.marker ? 7 : 0, pointStyle: s.marker ? 'rectRot' : 'circle', showLine: !s.marker, spanGaps: false, tension: 0 });
  }
  const options = useMemo(() => lineOptions(title, yTitle, unit, legend, compact), [title, yTitle, unit, legend, compact]);
  const cell = (v: number | null | undefined, key: string) =>
    v === null || v === undefined ? (
      <td key={key}>not known</td>
    ) : (
      <td key={key} data-value={v}>
        {format(v)}
      </td>
    );
  return (
    <figure className={compact ? 'chart compact' : 'chart'} aria-labelledby={`${id}-caption`}>
      <div className="chart-canvas">
        <ChartCanvas labels={labels} datasets={datasets} options={options} />
      </div>
      <figcaption id={`${id}-caption`}>
        <details onToggle={(e) => setOpen(e.currentTarget.open)}>
          <summary>{title}: the figures</summary>
          {/* Built only while open: a slider move then redraws the chart, not hundreds of hidden cells. */}
          {open && (
          <div className="table-scroll" tabIndex={0} role="region" aria-label={`${title}: the figures`}>
            <table>
              <thead>
                <tr>
                  <th scope="col">Month</th>
                  {series.flatMap((s) => [
                    <th scope="col" key={s.label}>
                      {s.label}
                    </th>,
                    ...(s.band
                      ? [
                          <th scope="col" key={`${s.label}-low`}>
                            {s.label}: likely from
                          </th>,
                          <th scope="col" key={`${s.label}-high`}>
                            to
                          </th>,
                        ]
                      : []),
                  ])}
                </tr>
              </thead>
              <tbody>
                {months.map((m, i) => (
                  <tr key={m}>
                    <th scope="row">{monthForPeople(m)}</th>
                    {series.flatMap((s) => [
                      s.marker && s.values[i] === null ? <td key={s.label} /> : cell(s.values[i], s.label),
                      ...(s.band ? [cell(s.band.low[i], `${s.label}-low`), cell(s.band.high[i], `${s.label}-high`)] : []),
                    ])}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          )}
        </details>
      </figcaption>
    </figure>
  );
}

// Made once per chart and its words: a chart is given new options only when they change.
function lineOptions(title: string, yTitle: string, unit: ChartUnit, legend: boolean, compact: boolean): ChartOptions<'line'> {
  const format = formatFor[unit];
  return {
    responsive: true,
    maintainAspectRatio: false,
    animation: false,
    interaction: { mode: 'index', intersect: false },
    plugins: {
      title: { display: true, text: title, font: { size: compact ? 14 : 15 } },
      legend: { display: legend, position: 'bottom', labels: { filter: (item) => !item.text.endsWith('(low)') } },
      tooltip: { callbacks: { label: (item) => `${item.dataset.label}: ${typeof item.parsed.y === 'number' ? format(item.parsed.y) : 'not known'}` } },
    },
    scales: {
      // Counts step in whole numbers (a chart of 0 or 1 child would otherwise label 0.2 as 0); an empty chart still shows 0 to 1.
      y: { beginAtZero: true, suggestedMax: 1, title: { display: !compact, text: yTitle }, ticks: { precision: unit === 'pounds' ? undefined : unit === 'count' ? 0 : 1, callback: (value) => axisFormat[unit](Number(value)) } },
      x: { ticks: { maxTicksLimit: compact ? 6 : 8, maxRotation: 0 } },
    },
  };
}
