// The summary at 12 or 24 months: each measure for the baseline and each scenario, with its likely range
// and its difference from the baseline. One column per scenario, so four scenarios fit a laptop screen,
// and every row is on the page (no inner scroll box). The same figures as the Excel export's Summary.
import type { BandsJson, ProjectedJson, ResultJson } from '../../../shared/result/result-json.ts';
import { arrivalsWords } from '../../../shared/text/arrivals-words.ts';
import { shownDifference, shownDifferenceForPeople } from '../../../shared/text/people-format.ts';
import { formatFor, type ChartUnit } from '../charts/LineChart.tsx';

type Scenario = NonNullable<NonNullable<ResultJson['projection']>['scenarios']>[number];

export const summaryMeasures = [
  { key: 'referrals', title: 'Referrals each month', axis: 'Referrals', unit: 'count', band: 'referrals' },
  { key: 'cppOpen', title: 'Children on child protection plans', axis: 'Children', unit: 'count', band: 'cppOpen' },
  { key: 'claOpen', title: 'Children looked after', axis: 'Children', unit: 'count', band: 'claOpen' },
  { key: 'cost', title: 'Spend each month', axis: 'Spend a month', unit: 'pounds', band: 'cost' },
  { key: 'costCumulative', title: 'Spend since the projection began', axis: 'Spend', unit: 'pounds', band: null },
  { key: 'workers', title: 'Social workers needed', axis: 'Workers', unit: 'workers', band: null },
] as const satisfies ReadonlyArray<{ key: keyof ProjectedJson; title: string; axis: string; unit: ChartUnit; band: keyof BandsJson | null }>;

/** A measure's title; the arrivals line is the children coming into care where no referrals were given. */
export function measureTitle(m: (typeof summaryMeasures)[number], result: ResultJson): string {
  return m.key === 'referrals' ? arrivalsWords(result.estimates?.driver).eachMonth : m.title;
}

export function measureAxis(m: (typeof summaryMeasures)[number], result: ResultJson): string {
  return m.key === 'referrals' ? arrivalsWords(result.estimates?.driver).axis : m.axis;
}

export function SummaryTable({ result, scenarios, at }: { result: ResultJson; scenarios: readonly Scenario[]; at: number }) {
  const p = result.projection!;
  const columns: Array<{ name: string; values: ProjectedJson; bands: BandsJson | null; isBaseline: boolean }> = [
    { name: 'Baseline', values: p.baseline, bands: p.bands.baseline, isBaseline: true },
    ...scenarios.map((s) => ({ name: s.name, values: s, bands: s.bands, isBaseline: false })),
  ];
  return (
    <div className="table-wide" tabIndex={0} role="region" aria-label={`Summary at ${at + 1} months`}>
      <table className="summary" data-months-ahead={at + 1}>
        <thead>
          <tr>
            <th scope="col">Measure</th>
            {columns.map((c) => (
              <th scope="col" key={c.name}>
                {c.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {summaryMeasures.map((m) => {
            const format = formatFor[m.unit];
            const base = p.baseline[m.key][at]!;
            return (
              <tr key={m.key} data-measure={m.key}>
                <th scope="row">{measureTitle(m, result)}</th>
                {columns.map((c) => {
                  const value = c.values[m.key][at]!;
                  const band = m.band && c.bands ? c.bands[m.band] : null;
                  return (
                    <td key={c.name} data-column={c.name} data-value={value} {...(band ? { 'data-low': band.p10[at], 'data-high': band.p90[at] } : {})}>
                      <span className="figure">{format(value)}</span>
                      {!c.isBaseline && <span className="difference">{shownDifference(m.unit, value, base) === 0 ? 'same as the baseline' : `${shownDifferenceForPeople(m.unit, value, base)} on the baseline`}</span>}
                      {m.band && (band ? <span className="range">likely {format(band.p10[at]!)} to {format(band.p90[at]!)}</span> : <span className="range pending">range being worked out</span>)}
                    </td>
                  );
                })}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
