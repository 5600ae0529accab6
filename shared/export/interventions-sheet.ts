// One sheet per scenario with interventions: each intervention weighed against the same scenario without
// it (what it costs, what it saves with its likely range, net, when it pays for itself, what it does for
// children, the sentence for the director, where its effect comes from), then the months.
import type { InterventionJson } from '../result/interventions-json.ts';
import type { ResultJson } from '../result/result-json.ts';
import { monthForPeople } from '../text/people-format.ts';
import type { Cell, SheetSpec } from './xlsx-writer.ts';

const txt = (text: string, style: 'text' | 'header' | 'title' | 'wrap' | 'spaced' = 'text'): Cell => ({ text, style });
const num = (value: number, style: 'integer' | 'decimal1' | 'pounds'): Cell => ({ number: value, style });
/** Children and plans as whole people; a tenth is kept only under ten, where it can matter. */
const people = (value: number): Cell => num(value, Math.abs(value) >= 10 || Number.isInteger(Math.round(value * 10) / 10) ? 'integer' : 'decimal1');

type WithInterventions = { name: string; interventions?: InterventionJson[] };

/** A sheet name Excel accepts, unique among `taken`: "Interventions", or "Interventions 2" ... */
function sheetName(taken: Set<string>): string {
  let name = 'Interventions';
  for (let n = 2; taken.has(name); n++) name = `Interventions ${n}`;
  taken.add(name);
  return name;
}

function interventionSheet(scenario: WithInterventions, months: string[], name: string): SheetSpec {
  const list = scenario.interventions!;
  const rows: Cell[][] = [
    [txt(`Interventions in "${scenario.name}": each weighed against the same scenario without it`, 'title')],
    [txt('Saving is what the scenario would spend on plans and care without the intervention, less what it spends with it; net is its running cost less its saving. Likely ranges (p10 to p90) come from the same simulated futures with and without it.', 'wrap')],
    [],
  ];
  const summaryHeader = rows.length;
  rows.push(
    [
      'Intervention', 'From', 'To', '£ a year', 'Cost over the projection (£)', 'Saving (£)', 'Saving: likely from (p10)', 'to (p90)', 'Net (£)', 'Net: likely from (p10)', 'to (p90)',
      'Children kept out of care', 'likely from (p10)', 'to (p90)', 'Plans avoided', 'Months of care avoided', 'Pays for itself from',
    ].map((h) => txt(h, 'header')),
  );
  for (const i of list) {
    rows.push([
      txt(i.name, 'wrap'),
      { date: i.from },
      i.to ? { date: i.to } : txt('open-ended', 'spaced'),
      num(i.costPerYear, 'pounds'),
      num(i.totals.cost, 'pounds'),
      num(i.totals.expected.saving, 'pounds'),
      num(i.totals.saving.p10, 'pounds'),
      num(i.totals.saving.p90, 'pounds'),
      num(i.totals.expected.net, 'pounds'),
      num(i.totals.net.p10, 'pounds'),
      num(i.totals.net.p90, 'pounds'),
      people(i.outcomes.childrenKeptOutOfCare.expected),
      people(i.outcomes.childrenKeptOutOfCare.p10),
      people(i.outcomes.childrenKeptOutOfCare.p90),
      people(i.outcomes.plansAvoided.expected),
      people(i.outcomes.childMonthsInCareAvoided.expected),
      txt(i.paybackMonth ? monthForPeople(i.paybackMonth) : 'not within the projection', 'spaced'),
    ]);
  }
  // The words, each in a block across the table's width, its row tall enough for its lines.
  const merges: NonNullable<SheetSpec['merges']> = [{ fromColumn: 0, fromRow: 1, toColumn: 10, toRow: 1 }];
  const heights: Record<number, number> = { 1: 32, [summaryHeader]: 48 };
  const wide = (label: Cell, text: string) => {
    const r = rows.length;
    merges.push({ fromColumn: 1, fromRow: r, toColumn: 12, toRow: r });
    heights[r] = 15 * Math.max(1, Math.ceil(text.length / 140));
    rows.push([label, txt(text, 'wrap')]);
  };
  rows.push([]);
  for (const i of list) {
    wide(txt(i.name, 'header'), i.sentence);
    wide(txt('What it is'), i.settings.description ?? 'Your own intervention.');
    wide(txt('Where the effect comes from'), i.settings.source ?? 'Your own figures.');
  }
  rows.push([]);
  const monthHeader = rows.length;
  const columns = ['cost a month', 'saving a month', 'net a month', 'cost so far', 'saving so far', 'saving so far: likely from (p10)', 'to (p90)'];
  rows.push([txt('Month', 'header'), ...list.flatMap((i) => columns.map((c) => txt(`${i.name}: ${c} (£)`, 'header')))]);
  months.forEach((m, t) => {
    rows.push([
      { date: `${m}-01`, style: 'month' },
      ...list.flatMap((i) => [
        num(i.cost[t]!, 'pounds'),
        num(i.saving[t]!, 'pounds'),
        num(i.net[t]!, 'pounds'),
        num(i.cumulativeCost[t]!, 'pounds'),
        num(i.cumulativeSaving[t]!, 'pounds'),
        i.cumulativeSavingBand ? num(i.cumulativeSavingBand.p10[t]!, 'pounds') : null,
        i.cumulativeSavingBand ? num(i.cumulativeSavingBand.p90[t]!, 'pounds') : null,
      ]),
    ]);
  });
  heights[monthHeader] = 75;
  return {
    name,
    rows,
    freezeColumns: 1,
    columnWidths: [26, 11, 11, 11, 13, 13, 13, 13, 13, 13, 13, 11, 10, 10, 10, 11, 22, ...Array(Math.max(0, list.length * columns.length - 16)).fill(13)],
    rowHeights: heights,
    merges,
    landscape: true,
  };
}

/** A sheet for each scenario that has interventions, in the scenarios' order. */
export function interventionsSheets(result: ResultJson): SheetSpec[] {
  const p = result.projection;
  if (!p) return [];
  const taken = new Set<string>();
  return ((p.scenarios ?? []) as WithInterventions[]).filter((s) => s.interventions?.length).map((s) => interventionSheet(s, p.months, sheetName(taken)));
}
