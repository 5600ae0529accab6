// History: children in care at each month's end by placement type, stacked, with the figures beneath, and
// in words how far to trust the history (List 8 alone knows each child's current placement only).
import { groups } from '../../../../shared/engine/children/placements/groups.ts';
import type { PlacementGroup } from '../../../../shared/import/values/codes.ts';
import { placementLabel } from '../../../../shared/result/placement-figures.ts';
import type { ResultJson } from '../../../../shared/result/result-json.ts';
import { countForPeople, monthForPeople, percentForPeople } from '../../../../shared/text/people-format.ts';
import { partColours, StackedChart } from '../../charts/StackedChart.tsx';

type History = NonNullable<ResultJson['history']>;

/** Months shown in the table: the last month with figures and every six months before it, five at most. */
function tableMonths(known: number[]): number[] {
  const last = known.at(-1);
  if (last === undefined) return [];
  const shown: number[] = [];
  for (let i = last; i >= 0 && shown.length < 5; i -= 6) if (known.includes(i)) shown.unshift(i);
  return shown;
}

export function placementHistoryWords(from: 'ssda903' | 'list8', monthsKnown: number): string {
  const length = monthsKnown < 12 ? ` It covers only ${monthsKnown} ${monthsKnown === 1 ? 'month' : 'months'}, too short to show a trend.` : '';
  if (from === 'ssda903') return `From your SSDA903 returns: every placement each child had, month by month.${length}`;
  return `From List 8 alone, which gives each child’s current placement only (for a child who has left care, their last one). Every month here counts a child in that placement, so moves between placements before it are not seen: read the earlier months as today’s placements looked back on, not as the history of placements. SSDA903 returns give every placement a child has had.${length}`;
}

export function PlacementHistory({ history }: { history: History }) {
  if (!('claByPlacement' in history)) return null;
  const byGroup = history.claByPlacement as Record<PlacementGroup, (number | null)[]>;
  const from = (history as { claByPlacementFrom?: 'ssda903' | 'list8' }).claByPlacementFrom ?? 'list8';
  const known = history.months.map((_, i) => i).filter((i) => groups.every((g) => byGroup[g][i] !== null));
  const shown = tableMonths(known);
  const total = (i: number) => groups.reduce((sum, g) => sum + (byGroup[g][i] ?? 0), 0);
  const last = shown.at(-1);
  return (
    <section aria-labelledby="placement-history-heading" className="placement-history">
      <h2 id="placement-history-heading">Children in care by placement type</h2>
      <p className="notice placement-source" data-from={from}>
        {placementHistoryWords(from, known.length)}
      </p>
      <StackedChart id="history-placements" title="Children in care at month end, by placement type" yTitle="Children" months={history.months} parts={groups.map((g, k) => ({ label: placementLabel(g), values: byGroup[g], colour: partColours[k]! }))} />
      {last !== undefined && (
        <div className="table-wide" tabIndex={0} role="region" aria-label="Children in care by placement type: the figures">
          <table className="placement-history-table">
            <thead>
              <tr>
                <th scope="col">Placement type</th>
                {shown.map((i) => (
                  <th scope="col" key={i}>
                    {monthForPeople(history.months[i]!)}
                  </th>
                ))}
                <th scope="col">Share in {monthForPeople(history.months[last]!)}</th>
              </tr>
            </thead>
            <tbody>
              {groups.map((g) => (
                <tr key={g} data-group={g}>
                  <th scope="row">{placementLabel(g)}</th>
                  {shown.map((i) => (
                    <td key={i} data-month={history.months[i]} data-value={byGroup[g][i]!}>
                      {countForPeople(byGroup[g][i]!)}
                    </td>
                  ))}
                  <td>{total(last) > 0 ? percentForPeople(byGroup[g][last]! / total(last), 0) : 'none'}</td>
                </tr>
              ))}
              <tr data-group="total" className="total">
                <th scope="row">All children in care</th>
                {shown.map((i) => (
                  <td key={i} data-value={total(i)}>
                    {countForPeople(total(i))}
                  </td>
                ))}
                <td>100%</td>
              </tr>
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
