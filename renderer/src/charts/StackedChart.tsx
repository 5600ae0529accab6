// Parts of a whole month by month (children in care by placement type): stacked bars, months along the
// bottom, with every figure in a table for screen readers and for checking, as the line charts have.
import { BarElement, CategoryScale, Chart as ChartJS, Legend, LinearScale, Title, Tooltip, type ChartData, type ChartOptions } from 'chart.js';
import { useState } from 'react';
import { Bar } from 'react-chartjs-2';
import { countForPeople, monthForPeople } from '../../../shared/text/people-format.ts';

ChartJS.register(CategoryScale, LinearScale, BarElement, Legend, Tooltip, Title);

/** Seven colours for seven placement groups, each at least 3:1 against white and apart from each other. */
export const partColours = ['#1d4f91', '#00703c', '#912b88', '#a85200', '#d4351c', '#00758a', '#505a5f'] as const;

export interface StackedPart {
  label: string;
  values: ReadonlyArray<number | null>;
  colour: string;
}

export function StackedChart({ id, title, yTitle, months, parts }: { id: string; title: string; yTitle: string; months: readonly string[]; parts: readonly StackedPart[] }) {
  const [open, setOpen] = useState(false);
  const data: ChartData<'bar'> = {
    labels: months.map(monthForPeople),
    datasets: parts.map((p) => ({ label: p.label, data: [...p.values], backgroundColor: p.colour, borderWidth: 0, barPercentage: 0.95, categoryPercentage: 0.95 })),
  };
  const options: ChartOptions<'bar'> = {
    responsive: true,
    maintainAspectRatio: false,
    animation: false,
    interaction: { mode: 'index', intersect: false },
    plugins: {
      title: { display: true, text: title, font: { size: 15 } },
      legend: { display: true, position: 'right', labels: { boxWidth: 14 } },
      tooltip: { callbacks: { label: (item) => `${item.dataset.label}: ${typeof item.parsed.y === 'number' ? countForPeople(item.parsed.y) : 'not known'}` } },
    },
    scales: {
      x: { stacked: true, ticks: { maxTicksLimit: 8, maxRotation: 0 } },
      y: { stacked: true, beginAtZero: true, title: { display: true, text: yTitle }, ticks: { callback: (v) => countForPeople(Number(v)) } },
    },
  };
  return (
    <figure className="chart stacked" aria-labelledby={`${id}-caption`}>
      <div className="chart-canvas">
        <Bar data={data} options={options} aria-hidden="true" />
      </div>
      <figcaption id={`${id}-caption`}>
        <details onToggle={(e) => setOpen(e.currentTarget.open)}>
          <summary>{title}: every month's figures</summary>
          {open && (
            <div className="table-scroll" tabIndex={0} role="region" aria-label={`${title}: every month's figures`}>
              <table>
                <thead>
                  <tr>
                    <th scope="col">Month</th>
                    {parts.map((p) => (
                      <th scope="col" key={p.label}>
                        {p.label}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {months.map((m, i) => (
                    <tr key={m}>
                      <th scope="row">{monthForPeople(m)}</th>
                      {parts.map((p) => {
                        const v = p.values[i];
                        return v === null || v === undefined ? <td key={p.label}>not known</td> : <td key={p.label} data-value={v}>{countForPeople(v)}</td>;
                      })}
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
