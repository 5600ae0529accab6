// The Excel export of a housing workbook: Summary in words, Charts, Projections, TA by type, Interventions, History,
// Assumptions (every default marked "replace with yours"), Backtest, Data quality and About. Built from the
// housing result (cli-contract.md, Housing), so the figures in the file are the command's and the screens'.
import { householdKinds, householdKindWords, taTypes, taTypeWords, type TaType } from '../dataset/housing.ts';
import { defaultTaNightly } from '../engine/housing/housing-costs.ts';
import { housingBacktestSeries } from '../engine/housing/housing-backtest.ts';
import type { HousingImportReport } from '../import/housing/import-housing.ts';
import { levelRange, likelyZ, trendRange } from '../result/estimate-ranges.ts';
import { byTypeMeasures, householdsInType, housingMeasures, housingSentence, type HousingMeasure } from '../result/housing-figures.ts';
import type { HousingOutcome } from '../result/housing-outcome.ts';
import { describeHousingScenario, housingInterventionSentence } from '../text/housing-scenario-words.ts';
import { longMonthNames, monthForPeople, percentForPeople, shownDifference } from '../text/people-format.ts';
import { madeRows, type ExportMeta } from './results-workbook.ts';
import { writeXlsx, type Cell, type ChartSpec, type SheetSpec } from './xlsx-writer.ts';

export const housingSheetNames = ['Summary', 'Charts', 'Projections', 'TA by type', 'Interventions', 'History', 'Assumptions', 'Backtest', 'Data quality', 'About'] as const;

// The screens' colours: the baseline's navy, then scenario colours that never repeat it; one colour per TA type.
const colours = ['1D4F91', 'D4351C', '00703C', '912B88', 'A85200', '00758A'];
const typeColours: Record<TaType, string> = { bedAndBreakfast: 'D4351C', nightlyPaid: 'A85200', hostel: '912B88', privateLeased: '00758A', socialHousing: '00703C', other: '6F777B' };
const txt = (text: string, style: 'text' | 'header' | 'title' | 'wrap' = 'text'): Cell => ({ text, style });
const num = (value: number, style: 'integer' | 'decimal1' | 'decimal2' | 'pounds' | 'percent'): Cell => ({ number: value, style });
const month = (label: string): Cell => ({ date: `${label}-01`, style: 'month' });
const styleOf = (m: HousingMeasure) => (m.unit === 'pounds' ? 'pounds' : 'integer');
const header = (names: string[]): Cell[] => names.map((n) => txt(n, 'header'));

interface Who {
  name: string;
  projected: HousingOutcome['scenarios'][number] | HousingOutcome['result']['projection']['baseline'];
  bands: HousingOutcome['baselineBands'];
}
const everyone = (o: HousingOutcome): Who[] => [{ name: 'Baseline', projected: o.result.projection.baseline, bands: o.baselineBands }, ...o.scenarios.map((s) => ({ name: s.name, projected: s, bands: s.bands }))];

const rangeCells = (m: HousingMeasure, bands: Who['bands'], at: number): Cell[] => (m.band && bands ? [num(m.band(bands).p10[at]!, styleOf(m)), num(m.band(bands).p90[at]!, styleOf(m))] : [null, null]);

// Baseline and scenarios in one month; each likely range is two numbers in two cells (p10 and p90).
function headline(o: HousingOutcome, at: number): Cell[][] {
  const rows: Cell[][] = [header(['Measure', 'Baseline', 'Baseline: likely from (p10)', 'to (p90)', ...o.scenarios.flatMap((s) => [s.name, `${s.name} minus baseline`, `${s.name}: likely from (p10)`, 'to (p90)'])])];
  const base = o.result.projection.baseline;
  for (const m of [...housingMeasures, ...taTypes.map(householdsInType)]) {
    const b = m.pick(base)[at]!;
    const cells: Cell[] = [txt(m.label), num(b, styleOf(m)), ...rangeCells(m, o.baselineBands, at)];
    for (const s of o.scenarios) cells.push(num(m.pick(s)[at]!, styleOf(m)), num(shownDifference(m.unit, m.pick(s)[at]!, b), styleOf(m)), ...rangeCells(m, s.bands, at));
    rows.push(cells);
  }
  return rows;
}

function summarySheet(o: HousingOutcome, meta: ExportMeta): SheetSpec {
  const p = o.result.projection;
  const merges: NonNullable<SheetSpec['merges']> = [];
  const rows: Cell[][] = [];
  // Long text sits in a merged block across the table's width; the writer sizes the row to its words.
  const wide = (label: string, text: string): Cell[] => {
    merges.push({ fromColumn: 1, fromRow: rows.length, toColumn: 6, toRow: rows.length });
    return [txt(label, 'wrap'), txt(text, 'wrap')];
  };
  rows.push(
    [txt(`Homelessness and temporary accommodation projections: ${meta.workbookTitle}`, 'title')],
    [txt('Lists extracted on'), o.result.extractDate ? { date: o.result.extractDate } : txt('not known')],
    [txt('Projection'), txt(`${p.months.length} months from ${monthForPeople(p.months[0]!)} to ${monthForPeople(p.months.at(-1)!)}`)],
    ...madeRows(meta),
    [],
    [txt('What each scenario assumes', 'header'), ...Array<Cell>(6).fill(txt('', 'header'))],
  );
  rows.push(wide('Baseline', 'Approaches continue as the history shows (their usual level, trend and season); the share owed a duty, entries to temporary accommodation and stays by type are those of your lists.'));
  for (const s of o.scenarios) rows.push(wide(s.name, describeHousingScenario(s.settings).join(' ')));
  const defaults = taTypes.filter((t) => o.result.estimates.taNightly[t].isDefault);
  rows.push(wide('Costs', `Nights in temporary accommodation times a nightly cost by type (the Assumptions sheet). ${defaults.length ? `The nightly costs of ${defaults.map((t) => taTypeWords[t].toLowerCase()).join(', ')} are illustrative defaults: replace them with yours.` : 'Every nightly cost is yours.'}`));
  for (const at of [11, 23]) {
    if (at >= p.months.length) continue;
    rows.push([], [txt(`In ${monthForPeople(p.months[at]!)} (${at + 1} months ahead)`, 'title')], ...headline(o, at), []);
    for (const key of ['taOpen', 'cost'] as const) rows.push(wide('In words', housingSentence(o, housingMeasures.find((m) => m.key === key)!, at)));
  }
  rows.push([]);
  rows.push(wide('About the ranges', 'The likely range is where the outcome should fall in eight years out of ten if the model’s assumptions hold. See the About sheet for how the model works, and the Assumptions sheet for every rate used.'));
  return { name: 'Summary', rows, columnWidths: [58, 14, 13, 13, ...Array<number>(4 * o.scenarios.length).fill(14)], landscape: true, merges, repeatColumns: 1 };
}

interface Columns {
  sheet: SheetSpec;
  /** Column index by `${measure key}:${who}` and `...:p10` / `...:p90`, for the charts. */
  column: Record<string, number>;
}

// A month column, then for each of `who` each measure and, where it has one, its likely range.
function seriesSheet(name: string, o: HousingOutcome, measures: readonly HousingMeasure[], who: readonly Who[]): Columns {
  const columns: Array<{ header: string; values: number[]; style: 'integer' | 'pounds'; key: string }> = [];
  for (const w of who) {
    for (const m of measures) {
      columns.push({ header: `${w.name}: ${m.label}`, values: m.pick(w.projected), style: styleOf(m), key: `${m.key}:${w.name}` });
      if (m.band && w.bands) {
        const band = m.band(w.bands);
        columns.push({ header: `${w.name}: ${m.label} p10`, values: band.p10, style: styleOf(m), key: `${m.key}:${w.name}:p10` }, { header: `${w.name}: ${m.label} p90`, values: band.p90, style: styleOf(m), key: `${m.key}:${w.name}:p90` });
      }
    }
  }
  const p = o.result.projection;
  const rows: Cell[][] = [[txt('Month', 'header'), ...columns.map((c) => txt(c.header, 'header'))]];
  p.months.forEach((m, t) => rows.push([month(m), ...columns.map((c) => num(c.values[t]!, c.style))]));
  const column = Object.fromEntries(columns.map((c, i) => [c.key, i + 1]));
  return { sheet: { name, rows, columnWidths: [11, ...columns.map(() => 16)], freezeRows: 1, freezeColumns: 1, filterHeaderRow: 0 }, column };
}

function chartsSheet(o: HousingOutcome, projections: Columns, byType: Columns): SheetSpec {
  const months = o.result.projection.months.length;
  const ref = (sheet: string, column: number, fromRow = 1, toRow = months) => ({ sheet, column, fromRow, toRow });
  const frame = (index: number) => ({ fromColumn: 0, fromRow: 2 + index * 22, toColumn: 10, toRow: 22 + index * 22 });
  const chart = (title: string, axis: string, key: string, index: number): ChartSpec => {
    const col = (suffix: string) => projections.column[`${key}:${suffix}`];
    const series: ChartSpec['series'] = [{ name: ref('Projections', col('Baseline')!, 0, 0), values: ref('Projections', col('Baseline')!), colour: colours[0]! }];
    for (const end of ['p10', 'p90']) if (col(`Baseline:${end}`) !== undefined) series.push({ name: ref('Projections', col(`Baseline:${end}`)!, 0, 0), values: ref('Projections', col(`Baseline:${end}`)!), colour: '8FA9CC', dashed: true });
    o.scenarios.forEach((s, i) => series.push({ name: ref('Projections', col(s.name)!, 0, 0), values: ref('Projections', col(s.name)!), colour: colours[1 + (i % (colours.length - 1))]! }));
    return { title, yAxisTitle: axis, anchor: frame(index), categories: ref('Projections', 0), series };
  };
  const typesChart: ChartSpec = {
    title: 'Baseline: households in temporary accommodation by type',
    yAxisTitle: 'Households',
    anchor: frame(3),
    categories: ref('TA by type', 0),
    series: taTypes.map((t) => ({ name: ref('TA by type', byType.column[`taByType:${t}:Baseline`]!, 0, 0), values: ref('TA by type', byType.column[`taByType:${t}:Baseline`]!), colour: typeColours[t] })),
  };
  return {
    name: 'Charts',
    rows: [[txt('Baseline against scenarios. The charts read the Projections and TA by type sheets: restyle or copy them as any Excel chart.')]],
    columnWidths: Array<number>(10).fill(12),
    charts: [
      chart('Households in temporary accommodation', 'Households', 'taOpen', 0),
      chart('Cost of temporary accommodation a month', 'Pounds', 'cost', 1),
      chart('Households approaching the council each month', 'Approaches', 'approaches', 2),
      typesChart,
    ],
  };
}

function historySheet(o: HousingOutcome): SheetSpec {
  const h = o.result.history;
  const rows: Cell[][] = [header(['Month', 'Approaches', 'Owed a prevention or relief duty', 'Entering TA', 'Leaving TA', 'In TA (month end)', ...taTypes.map((t) => `In ${taTypeWords[t].toLowerCase()} (month end)`), 'Nights in TA'])];
  h.months.forEach((m, i) => rows.push([month(m), num(h.approaches[i]!, 'integer'), num(h.dutiesOwed[i]!, 'integer'), num(h.taStarts[i]!, 'integer'), num(h.taEnds[i]!, 'integer'), num(h.taOpen[i]!, 'integer'), ...taTypes.map((t) => num(h.taByType[t][i]!, 'integer')), num(h.taNights[i]!, 'integer')]));
  return { name: 'History', rows, columnWidths: [11, ...Array<number>(13).fill(14)], freezeRows: 1, freezeColumns: 1, filterHeaderRow: 0 };
}

function assumptionsSheet(o: HousingOutcome): SheetSpec {
  const e = o.result.estimates;
  const rows: Cell[][] = [header(['What', 'Estimate', 'Likely range from', 'to', 'Unit', 'Where it comes from', 'In words'])];
  type Style = 'decimal1' | 'decimal2' | 'percent' | 'integer' | 'pounds';
  const add = (what: string, value: number, range: readonly [number, number] | null, unit: string, source: string, words: string, style: Style) =>
    rows.push([txt(what, 'wrap'), num(value, style), range ? num(range[0], style) : null, range ? num(range[1], style) : null, txt(unit, 'wrap'), txt(source, 'wrap'), txt(words, 'wrap')]);
  const a = e.approaches;
  const yours = 'Your case list';
  add('Approaches per month (usual level, before seasons)', a.level, levelRange(a), 'per month', `${yours}; ${a.monthsUsed} complete months`, `About ${Math.round(a.level)} households approach the council in an ordinary month.`, 'decimal1');
  add('Trend in approaches', a.trendPerYear, trendRange(a), 'per year', a.seasonalityEstimated ? yours : 'Assumed flat: under 24 months of approaches', `Approaches ${a.trendPerYear >= 0 ? 'growing' : 'falling'} by about ${percentForPeople(Math.abs(a.trendPerYear))} a year.`, 'percent');
  a.seasonality.forEach((s, m) => {
    const range: [number, number] | null = a.seasonalityEstimated ? [s - likelyZ * a.seasonalitySe[m]!, s + likelyZ * a.seasonalitySe[m]!] : null;
    add(`Seasonal factor: ${longMonthNames[m]}`, s, range, 'times the usual month', a.seasonalityEstimated ? yours : 'Housing default: January high, summer and December low', `${longMonthNames[m]} has ${percentForPeople(Math.abs(s - 1), 0)} ${s >= 1 ? 'more' : 'fewer'} approaches than an average month.`, 'decimal2');
  });
  const d = e.duty;
  add('Share of assessed approaches owed a prevention or relief duty', d.share, [Math.max(0, d.share - likelyZ * d.se), Math.min(1, d.share + likelyZ * d.se)], 'share', d.assessed ? `${yours}: ${d.assessed.toLocaleString('en-GB')} assessed approaches` : 'Default: eight in ten (housing.md)', `About ${Math.round(d.share * 100)} in 100 assessed approaches are owed a duty.`, 'percent');
  for (const k of householdKinds) {
    add(`Approaches by ${householdKindWords[k].toLowerCase()}`, e.kindShare[k], null, 'share of approaches', `${yours}, last 12 months`, `${percentForPeople(e.kindShare[k], 0)} of approaches.`, 'percent');
    const entry = e.entry[k];
    const delay = entry.lagWeights.reduce((sum, w, lag) => sum + w * lag, 0);
    add(`Entries to TA per approach: ${householdKindWords[k].toLowerCase()}`, entry.perApproach, [Math.max(0, entry.perApproach - likelyZ * entry.se), entry.perApproach + likelyZ * entry.se], 'share of approaches', `Your lists: ${entry.entries.toLocaleString('en-GB')} entries linked to their approach`, `About ${(entry.perApproach * 100).toFixed(1)} in 100 of these households are placed in TA, on average ${delay.toFixed(1)} months after approaching${entry.lagFromData ? '' : ' (default delay)'}.`, 'percent');
  }
  for (const t of taTypes) {
    const s = e.stays[t];
    const spread = Math.exp(likelyZ * s.logSe);
    const name = taTypeWords[t].toLowerCase();
    add(`Stay in ${name}: median`, s.medianMonths, [s.medianMonths / spread, s.medianMonths * spread], 'months', `Your TA list, open placements counted while watched (${s.events.reduce((x, y) => x + y, 0).toLocaleString('en-GB')} moves or leavings)`, `Half of households placed in ${name} move on within ${s.medianMonths.toFixed(1)} months.`, 'decimal1');
    add(`Stay in ${name}: mean`, s.meanMonths, [s.meanMonths / spread, s.meanMonths * spread], 'months', 'Your TA list', `On average a stay in ${name} lasts ${s.meanMonths.toFixed(1)} months.`, 'decimal1');
    const moves = e.moves[t];
    const onward = taTypes.filter((to) => to !== t && moves[to] >= 0.005).map((to) => `${percentForPeople(moves[to], 0)} to ${taTypeWords[to].toLowerCase()}`);
    add(`On leaving ${name}: share who leave TA`, moves.out, null, 'share of those leaving', 'Your TA list', `${percentForPeople(moves.out, 0)} leave temporary accommodation${onward.length ? `; ${onward.join(', ')}` : ''}.`, 'percent');
  }
  for (const t of taTypes) {
    const c = e.taNightly[t];
    add(`Nightly cost: ${taTypeWords[t].toLowerCase()}`, c.nightly, null, '£ a night', c.isDefault ? `Default: replace with yours. ${defaultTaNightly[t].source}` : 'Your setting', c.isDefault ? 'Replace with yours: an illustrative default.' : 'Used for the cost figures.', 'pounds');
  }
  rows.push([], [txt('Defaults and notes', 'header')]);
  const merges: NonNullable<SheetSpec['merges']> = [];
  for (const note of e.notes) {
    merges.push({ fromColumn: 0, fromRow: rows.length, toColumn: 6, toRow: rows.length });
    rows.push([txt(note, 'wrap')]);
  }
  if (e.notes.length === 0) rows.push([txt('Every rate above comes from your own lists; only the nightly costs marked above are defaults.')]);
  return { name: 'Assumptions', rows, columnWidths: [46, 12, 14, 12, 18, 44, 50], freezeRows: 1, filterHeaderRow: 0, merges };
}

function interventionsSheet(o: HousingOutcome): SheetSpec | null {
  const rows = o.scenarios.flatMap((s) => s.interventions.map((i) => ({ scenario: s.name, i })));
  if (rows.length === 0) return null;
  const months = o.result.projection.months.length;
  const sheet: Cell[][] = [[txt(`Interventions over the ${months} months, each against its scenario without it`, 'title')], [], header(['Scenario', 'Intervention', 'Running cost (£)', 'TA cost saved (£)', 'Net cost (£)', 'Households kept out of TA', 'Pays for itself by', 'In words'])];
  for (const { scenario, i } of rows) {
    sheet.push([txt(scenario, 'wrap'), txt(i.name, 'wrap'), num(i.totals.cost, 'pounds'), num(i.totals.saving, 'pounds'), num(i.totals.net, 'pounds'), num(Math.round(i.totals.householdsKeptOutOfTa), 'integer'), i.paybackMonth ? month(i.paybackMonth) : txt('Not within the projection'), txt(housingInterventionSentence(i, months), 'wrap')]);
  }
  sheet.push([], header(['Month', ...rows.flatMap(({ scenario, i }) => [`${scenario}, ${i.name}: running cost (£)`, 'TA cost saved (£)'])]));
  o.result.projection.months.forEach((m, t) => sheet.push([month(m), ...rows.flatMap(({ i }) => [num(i.cost[t]!, 'pounds'), num(i.saving[t]!, 'pounds')])]));
  return { name: 'Interventions', rows: sheet, columnWidths: [20, 24, 14, 14, 14, 14, 14, 60] };
}

const backtestWords: Record<(typeof housingBacktestSeries)[number], string> = { approaches: 'Approaches', taStarts: 'Entering TA', taOpen: 'In TA (month end)', taNights: 'Nights in TA' };

function backtestSheet(o: HousingOutcome): SheetSpec | null {
  const b = o.result.backtest;
  if (!b) return null;
  const rows: Cell[][] = [[txt(`Backtest: fitted on the lists as they stood before ${monthForPeople(b.from)}, then compared with what happened`, 'title')], []];
  rows.push(header(['Measure', 'Mean error of the projection', 'Mean error of carrying the last month forward']));
  for (const k of housingBacktestSeries) rows.push([txt(backtestWords[k]), b.mape[k] === null ? null : num(b.mape[k]!, 'percent'), b.naiveMape[k] === null ? null : num(b.naiveMape[k]!, 'percent')]);
  rows.push([], header(['Month', ...housingBacktestSeries.flatMap((k) => [`${backtestWords[k]}: actual`, 'projected', 'last month carried'])]));
  b.months.forEach((m, t) => rows.push([month(m), ...housingBacktestSeries.flatMap((k) => [num(b.actual[k][t]!, 'integer'), num(b.predicted[k][t]!, 'integer'), num(b.naive[k][t]!, 'integer')])]));
  return { name: 'Backtest', rows, columnWidths: [20, ...Array<number>(12).fill(13)] };
}

function dataQualitySheet(o: HousingOutcome): SheetSpec {
  const imported = o.result.import as Partial<HousingImportReport> | null;
  const names = { cases: 'Case list', ta: 'Temporary accommodation list' } as const;
  const rows: Cell[][] = [header(['List', 'Found', 'Rows read', 'Accepted', 'Rejected', 'Blank', 'Merged duplicates', 'Where'])];
  if (!imported?.cases || !imported.ta) return { name: 'Data quality', rows: [...rows, [txt('The import report of these lists was not kept.')]] };
  for (const key of ['cases', 'ta'] as const) {
    const c = imported[key]!;
    rows.push([txt(names[key]), txt(c.present ? 'Yes' : 'No'), num(c.rowsRead, 'integer'), num(c.rowsAccepted, 'integer'), num(c.rowsRejected, 'integer'), num(c.rowsBlank, 'integer'), num(c.duplicates, 'integer'), txt(c.foundIn.join('; '), 'wrap')]);
  }
  rows.push([]);
  const issuesHeader = rows.length;
  rows.push(header(['List', 'File', 'Sheet', 'Row', 'Column', 'Severity', 'What was found']));
  for (const i of imported.issues ?? []) rows.push([txt(i.list ? names[i.list] : '', 'wrap'), txt(i.file, 'wrap'), txt(i.sheet ?? '', 'wrap'), i.row === null ? null : num(i.row, 'integer'), txt(i.column ?? '', 'wrap'), txt(i.severity), txt(i.message, 'wrap')]);
  return { name: 'Data quality', rows, columnWidths: [26, 24, 14, 9, 22, 10, 60, 30], filterHeaderRow: issuesHeader };
}

function aboutSheet(meta: ExportMeta): SheetSpec {
  const paragraphs = [
    'Demand Workbook rebuilt the monthly history of approaches, duties owed and households in temporary accommodation (TA) by type from your case list and TA list, estimated how many households approach (with trend and season), how many are owed a prevention or relief duty, how many of each household type are placed in TA and after how long, and how long stays last in each type of TA and where households go next; then projected month by month.',
    'Stays are measured with survival methods that count each placement only while the lists could see it, so households still in TA, and those placed before the export’s start, are weighed correctly: counting only closed stays would make TA look short.',
    'Nights are counted day by day; cost is nights times the nightly cost of each type. The defaults are illustrative only (no national nightly cost by type is published): replace them with yours.',
    'The likely ranges come from a thousand simulated futures that vary the estimated rates within their uncertainty and the month-to-month chance in approaches, placements and moves; the range shown holds eight futures in ten.',
    'Case IDs were replaced by pseudonyms at import; no names or addresses are stored or exported. Nothing left the computer.',
  ];
  const rows: Cell[][] = [[txt('How this projection was made', 'title')], ...paragraphs.map((p) => [txt(p, 'wrap')])];
  const merges = paragraphs.map((_, i) => ({ fromColumn: 0, fromRow: i + 1, toColumn: 1, toRow: i + 1 }));
  rows.push([], ...madeRows(meta), [txt('The method in full'), txt('docs/model.md, which comes with Demand Workbook')]);
  return { name: 'About', landscape: false, columnWidths: [22, 100], rows, rowHeights: { 0: 22 }, merges };
}

/** The sheets a housing export has (Interventions and Backtest only where the result has them). */
export function housingExportedSheetNames(o: HousingOutcome): string[] {
  return housingSheetNames.filter((n) => (n !== 'Backtest' || o.result.backtest !== null) && (n !== 'Interventions' || interventionsSheet(o) !== null));
}

export function housingWorkbook(o: HousingOutcome, meta: ExportMeta): Uint8Array {
  const who = everyone(o);
  const projections = seriesSheet('Projections', o, housingMeasures, who);
  const byType = seriesSheet('TA by type', o, byTypeMeasures(), who);
  return writeXlsx({
    title: `Homelessness and temporary accommodation projections: ${meta.workbookTitle}`,
    author: 'Demand Workbook',
    created: meta.createdAt,
    sheets: [summarySheet(o, meta), chartsSheet(o, projections, byType), projections.sheet, byType.sheet, ...(interventionsSheet(o) ? [interventionsSheet(o)!] : []), historySheet(o), assumptionsSheet(o), ...(backtestSheet(o) ? [backtestSheet(o)!] : []), dataQualitySheet(o), aboutSheet(meta)],
  });
}

