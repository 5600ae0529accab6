// One line chart for every screen: months along the bottom, series as lines, an optional likely range
// drawn as a shaded band. The figures are also given in a table for screen readers and for checking.
import { CategoryScale, Chart as ChartJS, Filler, Legend, LinearScale, LineElement, PointElement, Title, Tooltip, type ChartData, type ChartOptions } from 'chart.js';
import { Line } from 'react-chartjs-2';

ChartJS.register(CategoryScale, LinearScale, PointElement, LineElement, Filler, Legend, Tooltip, Title);

export interface ChartSeries {
  label: string;
  values: ReadonlyArray<number | null>;
  colour: string;
  dashed?: boolean;
  /** A likely range drawn as a band behind the line. */
  band?: { low: readonly number[]; high: readonly number[] };
}

export const palette = ['#1d4f91', '#d4351c', '#00703c', '#912b88', '#f47738'];

export function LineChart({ title, months, series, yTitle, id }: { title: string; months: readonly string[]; series: readonly ChartSeries[]; yTitle: string; id: string }) {
  const datasets: ChartData<'line'>['datasets'] = [];
  for (const s of series) {
    if (s.band) {
      datasets.push({ label: `${s.label}: likely range (low)`, data: [...s.band.low], borderColor: 'transparent', backgroundColor: 'transparent', pointRadius: 0, fill: false });
      datasets.push({ label: `${s.label}: likely range`, data: [...s.band.high], borderColor: 'transparent', backgroundColor: `${s.colour}33`, pointRadius: 0, fill: '-1' });
    }
    datasets.push({ label: s.label, data: [...s.values], borderColor: s.colour, backgroundColor: s.colour, borderWidth: 2, borderDash: s.dashed ? [6, 4] : [], pointRadius: 0, spanGaps: false, tension: 0 });
  }
  const options: ChartOptions<'line'> = {
    responsive: true,
    maintainAspectRatio: false,
    animation: false,
    interaction: { mode: 'index', intersect: false },
    plugins: {
      title: { display: true, text: title, font: { size: 15 } },
      legend: { position: 'bottom', labels: { filter: (item) => !item.text.endsWith('(low)') } },
    },
    scales: { y: { beginAtZero: true, title: { display: true, text: yTitle } }, x: { ticks: { maxTicksLimit: 12 } } },
  };
  return (
    <figure className="chart" aria-labelledby={`${id}-caption`}>
      <div className="chart-canvas">
        <Line data={{ labels: [...months], datasets }} options={options} aria-hidden="true" />
      </div>
      <figcaption id={`${id}-caption`}>
        <details>
          <summary>{title}: the figures</summary>
          <div className="table-scroll">
            <table>
              <thead>
                <tr>
                  <th scope="col">Month</th>
                  {series.map((s) => (
                    <th scope="col" key={s.label}>
                      {s.label}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {months.map((m, i) => (
                  <tr key={m}>
                    <th scope="row">{m}</th>
                    {series.map((s) => (
                      <td key={s.label}>{s.values[i] === null || s.values[i] === undefined ? 'not known' : Math.round(s.values[i]!).toLocaleString('en-GB')}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      </figcaption>
    </figure>
  );
}
