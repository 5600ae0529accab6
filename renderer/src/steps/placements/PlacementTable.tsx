// Children in care and spend by placement type at one month ahead: a row a placement type, a column for
// the baseline and each scenario, each figure with its likely range and its difference from the baseline.
// The figures are placementFiguresAt's, as the export's Placements sheet has them.
import type { PlacementFigures } from '../../../../shared/result/placement-figures.ts';
import { countForPeople, monthForPeople, poundsForPeople, shownDifference, shownDifferenceForPeople } from '../../../../shared/text/people-format.ts';

export function PlacementTable({ figures }: { figures: PlacementFigures }) {
  const base = figures.columns[0]!;
  const spendWords = `spent in the ${figures.spendMonths === 12 ? '12 months' : `${figures.spendMonths} months`} to ${monthForPeople(figures.month)}`;
  const children = (n: number) => `${countForPeople(n)} ${countForPeople(n) === '1' ? 'child' : 'children'}`;
  const total = (c: PlacementFigures['columns'][number]) => ({ children: c.figures.reduce((s, f) => s + f.children, 0), spend: c.figures.reduce((s, f) => s + f.spend, 0) });
  const difference = (unit: 'count' | 'pounds', value: number, baseline: number) => {
    return shownDifference(unit, value, baseline) === 0 ? 'same as the baseline' : `${shownDifferenceForPeople(unit, value, baseline)} on the baseline`;
  };
  return (
    <div className="table-wide" tabIndex={0} role="region" aria-label={`Placements in ${monthForPeople(figures.month)}`}>
      <table className="placement-table" data-months-ahead={figures.at + 1}>
        <caption>
          Children in care at the end of {monthForPeople(figures.month)}, with their likely range, and what their placements cost: {spendWords}.
        </caption>
        <thead>
          <tr>
            <th scope="col">Placement type</th>
            {figures.columns.map((c) => (
              <th scope="col" key={c.name}>
                {c.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {base.figures.map((b, g) => (
            <tr key={b.group} data-group={b.group}>
              <th scope="row">{b.label}</th>
              {figures.columns.map((c) => {
                const f = c.figures[g]!;
                return (
                  <td key={c.name} data-column={c.name} data-value={f.children} data-spend={f.spend} {...(f.low !== null ? { 'data-low': f.low, 'data-high': f.high } : {})}>
                    <span className="figure">{children(f.children)}</span>
                    {!c.isBaseline && <span className="difference">{difference('count', f.children, b.children)}</span>}
                    {f.low !== null && f.high !== null && (
                      <span className="range">
                        likely {countForPeople(f.low)} to {countForPeople(f.high)}
                      </span>
                    )}
                    <span className="spend">{poundsForPeople(f.spend)} spent</span>
                    {!c.isBaseline && <span className="difference">{difference('pounds', f.spend, b.spend)}</span>}
                  </td>
                );
              })}
            </tr>
          ))}
          <tr className="total" data-group="total">
            <th scope="row">All children in care</th>
            {figures.columns.map((c) => {
              const t = total(c);
              return (
                <td key={c.name} data-column={c.name} data-value={t.children} data-spend={t.spend}>
                  <span className="figure">{children(t.children)}</span>
                  <span className="spend">{poundsForPeople(t.spend)} spent</span>
                  {!c.isBaseline && <span className="difference">{difference('pounds', t.spend, total(base).spend)}</span>}
                </td>
              );
            })}
          </tr>
        </tbody>
      </table>
    </div>
  );
}
