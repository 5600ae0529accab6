// The "Placements" sheet of the Excel export, where placements are known: children in care and spend by
// placement type month by month (baseline, and the first scenario), spend by financial year, the baseline
// against every scenario at 12 and 24 months with likely ranges and in words (the Results step's figures,
// from the same placementFiguresAt), and every weekly cost with its source.
import { groups } from '../engine/children/placements/groups.ts';
import { placementFiguresAt, placementLabel, placementSentence, type PlacementFigures } from '../result/placement-figures.ts';
import type { ResultJson } from '../result/result-json.ts';
import type { PlacementGroup } from '../import/values/codes.ts';
import { monthForPeople } from '../text/people-format.ts';
import type { Cell, SheetSpec } from './xlsx-writer.ts';

const txt = (text: string, style: 'text' | 'header' | 'title' | 'wrap' = 'text'): Cell => ({ text, style });
const num = (value: number, style: 'integer' | 'decimal1' | 'pounds'): Cell => ({ number: value, style });

type Projected = NonNullable<ResultJson['projection']>['baseline'];

export function placementsSheets(result: ResultJson): SheetSpec[] {
  const p = result.projection;
  const base = p?.baseline as Projected & { claByPlacement?: Record<string, number[]>; costByPlacement?: Record<string, number[]>; annualCostByPlacement?: Array<{ year: string; months: number; byPlacement: Record<string, number> }>; placementUnitCosts?: Array<{ placement: string; weekly: number; source: string; yours: boolean }>; inflationPerYear?: number };
  if (!p || !base?.claByPlacement || !base.costByPlacement) return [];
  const scenario = p.scenario as (typeof base & { name: string }) | undefined;
  const rows: Cell[][] = [[txt('Children in care and spend by placement type (baseline)', 'title')], []];
  const header: Cell[] = [txt('Month', 'header'), ...groups.map((g) => txt(`${placementLabel(g)}: children`, 'header')), ...groups.map((g) => txt(`${placementLabel(g)}: £ a month`, 'header'))];
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
  rows.push([], [txt('Spend by financial year (baseline, £)', 'title')], [txt('Year', 'header'), txt('Months', 'header'), ...groups.map((g) => txt(placementLabel(g), 'header'))]);
  for (const y of base.annualCostByPlacement ?? []) rows.push([txt(y.year), num(y.months, 'integer'), ...groups.map((g) => num(y.byPlacement[g] ?? 0, 'pounds'))]);
  const placements: SheetSpec = { name: 'Placements', rows, freezeRows: headerRow + 1, freezeColumns: 1, columnWidths: [12, ...header.slice(1).map(() => 12)], landscape: true, filterHeaderRow: headerRow };

  const costs: Cell[][] = [
    [txt(`Weekly costs by placement at today's prices, rising ${((base.inflationPerYear ?? 0) * 100).toFixed(1)}% each April`, 'title')],
    [],
    [txt('Placement', 'header'), txt('Provider', 'header'), txt('£ a week', 'header'), txt('Source', 'header')],
  ];
  for (const u of base.placementUnitCosts ?? []) {
    const [group, provider] = u.placement.split(':');
    costs.push([txt(placementLabel(group as PlacementGroup), 'wrap'), txt(provider === 'private' ? 'Private (PR4-PR5)' : 'In-house (PR0-PR3)'), num(u.weekly, 'pounds'), txt(u.source, 'wrap')]);
  }
  return [summarySheet(result), placements, { name: 'Placement costs', rows: costs, freezeRows: 3, columnWidths: [34, 18, 10, 100], landscape: true }];
}

/** The baseline against every scenario at 12 and 24 months, as the Results step shows them, and in words. */
function summarySheet(result: ResultJson): SheetSpec {
  const months = result.projection!.months.length;
  const rows: Cell[][] = [[txt('Children in care and spend by placement type: baseline and scenarios', 'title')]];
  const merges: NonNullable<SheetSpec['merges']> = [];
  let last: PlacementFigures | null = null;
  for (const at of [11, 23]) {
    const figures = placementFiguresAt(result, at);
    if (!figures) continue;
    rows.push([], [txt(`In ${monthForPeople(figures.month)} (${at + 1} months ahead)`, 'title')], ...figuresTable(figures));
    last = figures;
  }
  if (last) {
    rows.push([], [txt(`In words, ${monthForPeople(last.month)}`, 'title')]);
    // As the Results step words them: the baseline, beside each scenario in turn.
    const scenarios = last.columns.length - 1;
    for (const g of groups) {
      for (const k of scenarios ? Array.from({ length: scenarios }, (_, i) => i) : [null]) {
        // The placement type in the first column, which repeats on every page printed across; the words beside it.
        merges.push({ fromColumn: 1, fromRow: rows.length, toColumn: 10, toRow: rows.length });
        rows.push([txt(placementLabel(g), 'wrap'), txt(placementSentence(last, g, k), 'wrap')]);
      }
    }
  }
  const width = Math.max(...rows.map((r) => r.length));
  return { name: 'Placement summary', rows, columnWidths: [30, ...Array(Math.max(9, width - 1)).fill(12)], landscape: true, merges, repeatColumns: months > 0 ? 1 : 0 };
}

/** The Results step's table by placement type, a scenario's columns beside the baseline's. */
function figuresTable(figures: PlacementFigures): Cell[][] {
  const spend = `£ in the ${figures.spendMonths} months to ${monthForPeople(figures.month)}`;
  const header: Cell[] = [txt('Placement type', 'header')];
  for (const c of figures.columns) {
    header.push(txt(`${c.name}: children`, 'header'), txt(`${c.name}: likely from (p10)`, 'header'), txt('to (p90)', 'header'), txt(`${c.name}: ${spend}`, 'header'));
    if (!c.isBaseline) header.push(txt(`${c.name} minus baseline, £`, 'header'));
  }
  const base = figures.columns[0]!;
  const rows: Cell[][] = [header];
  base.figures.forEach((b, g) => {
    const row: Cell[] = [txt(b.label, 'wrap')];
    for (const c of figures.columns) {
      const f = c.figures[g]!;
      row.push(num(f.children, 'decimal1'), f.low === null ? null : num(f.low, 'decimal1'), f.high === null ? null : num(f.high, 'decimal1'), num(Math.round(f.spend), 'pounds'));
      if (!c.isBaseline) row.push(num(Math.round(f.spend) - Math.round(b.spend), 'pounds'));
    }
    rows.push(row);
  });
  return rows;
}
