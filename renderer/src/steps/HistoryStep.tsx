import type { ResultJson } from '../../../shared/result/result-json.ts';
import { estimateRows } from '../../../shared/result/estimate-rows.ts';
import { LineChart, palette } from '../charts/LineChart.tsx';
import { PlacementHistory } from './placements/PlacementHistory.tsx';
import { RatesTable } from '../components/RatesTable.tsx';

export function HistoryStep({ result }: { result: ResultJson }) {
  const h = result.history!;
  const e = result.estimates!;
  const rows = estimateRows(e);
  return (
    <>
      <p>Months the lists do not fully cover are left as gaps rather than undercounted.</p>
      <div className="chart-grid">
        {h.referrals.some((v) => v !== null) ? (
          <LineChart id="history-referrals" title="Referrals each month" yTitle="Referrals" months={h.months} series={[{ label: 'Referrals', values: h.referrals, colour: palette[0]! }]} />
        ) : (
          <p className="chart-missing">No referrals (List 3) were given, so there is no chart of them: the children coming into care drive the projection instead.</p>
        )}
        {(
          [
            ['cpp', 'Child protection plans', ['Open at month end', 'Started', 'Ended']],
            ['cla', 'Children looked after', ['Looked after at month end', 'Came into care', 'Left care']],
          ] as const
        ).map(([key, title, [open, started, ended]]) =>
          h[`${key}Open`].every((v) => v === null) && h[`${key}Starts`].every((v) => v === null) ? (
            <p key={key} className="chart-missing">
              {key === 'cpp' ? 'No child protection plans (List 7) were given, so there is no chart of them: plans are not projected from this data.' : 'No children looked after (List 8 or SSDA903 returns) were given, so there is no chart of them.'}
            </p>
          ) : (
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
          ),
        )}
      </div>
      <PlacementHistory history={h} />
      <RatesTable rows={rows} notes={e.notes} />
    </>
  );
}
