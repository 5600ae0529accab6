import type { ResultJson } from '../../../shared/result/result-json.ts';
import { countForPeople, percentForPeople } from '../../../shared/text/people-format.ts';
import { LineChart, palette } from '../charts/LineChart.tsx';
import { PlacementHistory } from './placements/PlacementHistory.tsx';

const pct = (x: number) => percentForPeople(x);

export function HistoryStep({ result }: { result: ResultJson }) {
  const h = result.history!;
  const e = result.estimates!;
  const r = e.referrals;
  const z = 1.2816;
  const rows: Array<[string, string, string, string]> = [
    ['Referrals in an ordinary month', countForPeople(r.level), `${countForPeople(r.level - z * r.levelSe)} to ${countForPeople(r.level + z * r.levelSe)}`, `About ${Math.round(r.level)} referrals arrive in an ordinary month.`],
    ['Referral trend', pct(r.trendPerYear), `${pct(r.trendPerYear - z * r.trendSe)} to ${pct(r.trendPerYear + z * r.trendSe)}`, r.seasonalityEstimated ? `Referrals change by about ${pct(r.trendPerYear)} a year.` : 'Too little history to measure a trend: taken as flat.'],
    ['Plans per referral', pct(e.cpp.conversion.perReferral), `${pct(e.cpp.conversion.perReferral - z * e.cpp.conversion.se)} to ${pct(e.cpp.conversion.perReferral + z * e.cpp.conversion.se)}`, `About ${Math.round(e.cpp.conversion.perReferral * 100)} in 100 referrals lead to a child protection plan.`],
    ['Entries to care per referral', pct(e.cla.conversion.perReferral), `${pct(e.cla.conversion.perReferral - z * e.cla.conversion.se)} to ${pct(e.cla.conversion.perReferral + z * e.cla.conversion.se)}`, `About ${Math.round(e.cla.conversion.perReferral * 100)} in 100 referrals lead to a child coming into care.`],
    ['How long a plan lasts (median)', `${e.cpp.duration.medianMonths.toFixed(1)} months`, `${(e.cpp.duration.medianMonths / Math.exp(z * e.cpp.duration.logSe)).toFixed(1)} to ${(e.cpp.duration.medianMonths * Math.exp(z * e.cpp.duration.logSe)).toFixed(1)} months`, `Half of child protection plans end within ${e.cpp.duration.medianMonths.toFixed(0)} months.`],
    ['How long care lasts (median)', `${e.cla.duration.medianMonths.toFixed(1)} months`, `${(e.cla.duration.medianMonths / Math.exp(z * e.cla.duration.logSe)).toFixed(1)} to ${(e.cla.duration.medianMonths * Math.exp(z * e.cla.duration.logSe)).toFixed(1)} months`, `Half of children who come into care leave within ${e.cla.duration.medianMonths.toFixed(0)} months.`],
  ];
  return (
    <>
      <p>Months the lists do not fully cover are left as gaps rather than undercounted.</p>
      <div className="chart-grid">
        <LineChart id="history-referrals" title="Referrals each month" yTitle="Referrals" months={h.months} series={[{ label: 'Referrals', values: h.referrals, colour: palette[0]! }]} />
        {(
          [
            ['cpp', 'Child protection plans', ['Open at month end', 'Started', 'Ended']],
            ['cla', 'Children looked after', ['Looked after at month end', 'Came into care', 'Left care']],
          ] as const
        ).map(([key, title, [open, started, ended]]) => (
          <LineChart
            key={key}
            id={`history-${key}`}
            title={title}
            yTitle="Children"
            months={h.months}
            series={[
              { label: open, values: h[`${key}Open`], colour: palette[0]! },
              { label: started, values: h[`${key}Starts`], colour: palette[2]! },
              { label: ended, values: h[`${key}Ends`], colour: palette[1]!, dashed: true },
            ]}
          />
        ))}
      </div>
      <PlacementHistory history={h} />
      <h2>What the model estimates from your lists</h2>
      <table className="rates">
        <caption className="visually-hidden">Estimated rates with their likely ranges</caption>
        <thead>
          <tr>
            <th scope="col">What</th>
            <th scope="col">Estimate</th>
            <th scope="col">Likely range</th>
            <th scope="col">In words</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([what, value, range, words]) => (
            <tr key={what}>
              <th scope="row">{what}</th>
              <td>{value}</td>
              <td>{range}</td>
              <td>{words}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {e.notes.length > 0 && (
        <ul className="notes">
          {e.notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      )}
    </>
  );
}
