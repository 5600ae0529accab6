// The backtest by placement type: how far out each type's projection was on average, and where it ended
// against what happened. Types with only a handful of children say so instead of a percentage alone.
import type { PlacementBacktest } from '../../../../shared/engine/children/placements/placement-backtest.ts';
import { countForPeople, monthForPeople, percentForPeople } from '../../../../shared/text/people-format.ts';
import { fewChildren, placementBacktestRows, placementBacktestSentence } from '../../../../shared/text/placement-backtest-words.ts';

export function PlacementBacktestTable({ backtest }: { backtest: PlacementBacktest }) {
  const rows = placementBacktestRows(backtest);
  const sentence = placementBacktestSentence(backtest);
  if (rows.length === 0 || sentence === null) return null;
  const endMonth = rows[0]!.endMonth;
  const children = (n: number | null) => (n === null ? 'not known' : countForPeople(n));
  return (
    <div className="placement-backtest">
      <h3>Error by placement type</h3>
      <p>{sentence}</p>
      <table className="summary" aria-label="Error by placement type in the backtest">
        <thead>
          <tr>
            <th scope="col">Placement type</th>
            <th scope="col">Average error</th>
            {endMonth && <th scope="col">Projected for {monthForPeople(endMonth)}</th>}
            {endMonth && <th scope="col">What happened</th>}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.group} data-group={r.group}>
              <th scope="row">{r.name}</th>
              <td>
                {r.few ? (
                  <>
                    Too few children to judge{r.mape !== null && <span className="range">{percentForPeople(r.mape)} out, with about {r.averageActual < 1 ? 'under 1 child' : `${Math.round(r.averageActual)} ${Math.round(r.averageActual) === 1 ? 'child' : 'children'}`} on average (fewer than {fewChildren})</span>}
                  </>
                ) : r.mape === null ? (
                  'not known'
                ) : (
                  percentForPeople(r.mape)
                )}
              </td>
              {endMonth && <td>{children(r.predictedEnd)}</td>}
              {endMonth && <td>{children(r.actualEnd)}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
