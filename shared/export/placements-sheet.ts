// The "Placements" sheet of the Excel export, where placements are known: children in care and spend by
// placement type month by month (baseline, and the first scenario), spend by financial year, and every
// weekly cost with its source.
import { placementGroupLabel } from '../engine/estimates.ts';
import { groups } from '../engine/placements/groups.ts';
import type { ResultJson } from '../result/result-json.ts';
import type { Cell, SheetSpec } from './xlsx-writer.ts';

const txt = (text: string, style: 'text' | 'header' | 'title' | 'wrap' = 'text'): Cell => ({ text, style });
const num = (value: number, style: 'integer' | 'decimal1' | 'pounds'): Cell => ({ number: value, style });

type Projected = NonNullable<ResultJson['projection']>['baseline'];

export function placementsSheets(result: ResultJson): SheetSpec[] {
  const p = result.projection;
  const base = p?.baseline as Projected & { claByPlacement?: Record<string, number[]>; costByPlacement?: Record<string, number[]>; annualCostByPlacement?: Array<{ year: string; months: number; byPlacement: Record<string, number> }>; placementUnitCosts?: Array<{ placement: string; weekly: number; source: string; yours: boolean }>; inflationPerYear?: number };
  if (!p || !base?.claByPlacement || !base.costByPlacement) return [];
  const scenario = p.scenario as (typeof base & { name: string }) | undefined;
  const label = (g: string) => placementGroupLabel(g as (typeof groups)[number]);
  const rows: Cell[][] = [[txt('Children in care and spend by placement type (baseline)', 'title')], []];
  const header: Cell[] = [txt('Month', 'header'), ...groups.map((g) => txt(`${label(g)}: children`, 'header')), ...groups.map((g) => txt(`${label(g)}: £ a month`, 'header'))];
  if (scenario?.costByPlacement) header.push(txt(`${scenario.name}: children in care spend, £ a month`, 'header'), txt(`${scenario.name} minus baseline, £`, 'header'));
  const headerRow = rows.length;
  rows.push(header);
  p.months.forEach((m, t) => {
    const row: Cell[] = [{ date: `${m}-01`, style: 'month' }, ...groups.map((g) => num(base.claByPlacement![g]![t]!, 'decimal1')), ...groups.map((g) => num(base.costByPlacement![g]![t]!, 'pounds'))];
    if (scenario?.costByPlacement) {
      const sum = (x: Record<string, number[]>) => groups.reduce((a, g) => a + x[g]![t]!, 0);
      row.push(num(sum(scenario.costByPlacement), 'pounds'), num(sum(scenario.costByPlacement) - sum(base.costByPlacement!), 'pounds'));
    }
    rows.push(row);
  });
  rows.push([], [txt('Spend by financial year (baseline, £)', 'title')], [txt('Year', 'header'), txt('Months', 'header'), ...groups.map((g) => txt(label(g), 'header'))]);
  for (const y of base.annualCostByPlacement ?? []) rows.push([txt(y.year), num(y.months, 'integer'), ...groups.map((g) => num(y.byPlacement[g] ?? 0, 'pounds'))]);
  const placements: SheetSpec = { name: 'Placements', rows, freezeRows: headerRow + 1, freezeColumns: 1, columnWidths: [12, ...header.slice(1).map(() => 13)], rowHeights: { [headerRow]: 75 }, landscape: true, filterHeaderRow: headerRow };

  const costs: Cell[][] = [
    [txt(`Weekly costs by placement at today's prices, rising ${((base.inflationPerYear ?? 0) * 100).toFixed(1)}% each April`, 'title')],
    [],
    [txt('Placement', 'header'), txt('Provider', 'header'), txt('£ a week', 'header'), txt('Source', 'header')],
  ];
  for (const u of base.placementUnitCosts ?? []) {
    const [group, provider] = u.placement.split(':');
    costs.push([txt(label(group!), 'wrap'), txt(provider === 'private' ? 'Private (PR4-PR5)' : 'In-house (PR0-PR3)'), num(u.weekly, 'pounds'), txt(u.source, 'wrap')]);
  }
  const heights = Object.fromEntries(costs.map((_, i) => [i, i >= 3 ? 32 : 18]));
  return [placements, { name: 'Placement costs', rows: costs, freezeRows: 3, columnWidths: [34, 18, 10, 100], rowHeights: heights, landscape: true }];
}
