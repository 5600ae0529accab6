// The Excel export an analyst can put in front of a director: Summary, Charts, Projections, History,
// Assumptions, Data quality and About. Built from the result JSON, so the numbers in the file are the
// numbers of the command-line result, to the penny and to the hundredth of a child.
import { arrivalsWords } from '../text/arrivals-words.ts';
import { conversionRange, durationSpread, levelRange, likelyZ, trendRange } from '../result/estimate-ranges.ts';
import { describeScenario } from '../engine/children/describe-scenario.ts';
import { durationBandEdges } from '../engine/core/spell-hazards.ts';
import { placementGroupLabel } from '../engine/children/estimates.ts';
import type { Scenario } from '../engine/scenario.ts';
import type { PlacementGroup } from '../import/values/codes.ts';
import type { BandsJson, ProjectedJson, ResultJson } from '../result/result-json.ts';
import { longMonthNames, monthForPeople, poundsForPeople, shownDifference, shownStep } from '../text/people-format.ts';
import { writeXlsx, type Cell, type ChartSpec, type SheetSpec } from './xlsx-writer.ts';
import { placementsSheets } from './placements-sheet.ts';
import { interventionsSheets } from './interventions-sheet.ts';
import { calibrationSheet } from './calibration-sheet.ts';

export interface ExportMeta {
  workbookTitle: string;
  appVersion: string;
  /** When the export was made (ISO date-time). */
  createdAt: string;
}

/** When and with what an export was made: a row each, so the date never runs into the version. */
export const madeRows = (meta: ExportMeta): Cell[][] => [
  [{ text: 'Made on', style: 'text' }, { date: meta.createdAt.slice(0, 10) }],
  [{ text: 'Made with', style: 'text' }, { text: `Demand Workbook ${meta.appVersion}`, style: 'text' }],
];

export const exportSheetNames = ['Summary', 'Charts', 'Projections', 'History', 'Assumptions', 'Calibration', 'Data quality', 'About'] as const;

// The screens' colours: the baseline's navy, then five scenario colours that never repeat it.
const colours = ['1D4F91', 'D4351C', '00703C', '912B88', 'A85200', '00758A'];
const txt = (text: string, style: 'text' | 'header' | 'title' | 'wrap' = 'text'): Cell => ({ text, style });
const num = (value: number, style: 'integer' | 'decimal1' | 'decimal2' | 'pounds' | 'percent'): Cell => ({ number: value, style });
const month = (label: string): Cell => ({ date: `${label}-01`, style: 'month' });

type NumberStyle = 'integer' | 'pounds' | 'decimal1';
type Unit = 'count' | 'pounds' | 'workers';
/** Figures in the style the screens show them: whole workers from 20 up, a tenth below (workersForPeople). */
const styleOf = (unit: Unit, ...values: number[]): NumberStyle =>
  unit === 'pounds' ? 'pounds' : unit === 'workers' && values.some((v) => shownStep('workers', v) < 1) ? 'decimal1' : 'integer';

function headline(result: ResultJson, at: number): Cell[][] {
  const p = result.projection!;
  const scenarios = p.scenarios ?? [];
  // Each likely range is two numbers in two cells (p10 and p90), so it can be sorted, charted and summed.
  const header: Cell[] = [txt('Measure', 'header'), txt('Baseline', 'header'), txt('Baseline: likely from (p10)', 'header'), txt('to (p90)', 'header')];
  for (const s of scenarios) header.push(txt(s.name, 'header'), txt(`${s.name} minus baseline`, 'header'), txt(`${s.name}: likely from (p10)`, 'header'), txt('to (p90)', 'header'));
  const range = (bands: BandsJson | null, band: keyof BandsJson | undefined, unit: Unit): Cell[] =>
    band && bands ? [num(bands[band].p10[at]!, styleOf(unit, bands[band].p10[at]!)), num(bands[band].p90[at]!, styleOf(unit, bands[band].p90[at]!))] : [null, null];
  // A difference is the one the screen shows: both figures rounded as shown, then subtracted.
  const row = (label: string, pick: (x: ProjectedJson) => number, unit: Unit, band?: keyof BandsJson): Cell[] => {
    const base = pick(p.baseline);
    const cells: Cell[] = [txt(label), num(base, styleOf(unit, base)), ...range(p.bands.baseline, band, unit)];
    for (const s of scenarios) cells.push(num(pick(s), styleOf(unit, pick(s))), num(shownDifference(unit, pick(s), base), styleOf(unit, pick(s), base)), ...range(s.bands, band, unit));
    return cells;
  };
  return [
    header,
    row(arrivalsWords(result.estimates?.driver).inMonth, (x) => x.referrals[at]!, 'count', 'referrals'),
    row('Children on child protection plans', (x) => x.cppOpen[at]!, 'count', 'cppOpen'),
    row('Children looked after', (x) => x.claOpen[at]!, 'count', 'claOpen'),
    row('Spend in the month', (x) => x.cost[at]!, 'pounds', 'cost'),
    row('Spend from the start of the projection', (x) => x.costCumulative[at]!, 'pounds'),
    row('Social workers needed', (x) => x.workers[at]!, 'workers'),
  ];
}

function summarySheet(result: ResultJson, meta: ExportMeta): SheetSpec {
  const p = result.projection!;
  const merges: NonNullable<SheetSpec['merges']> = [];
  // Long text sits in a merged block across the table's width, its row tall enough for its lines.
  const wide = (label: string, text: string): Cell[] => {
    const r = rows.length;
    merges.push({ fromColumn: 1, fromRow: r, toColumn: 6, toRow: r });
    // The height follows the words wrapped in the merged width (the writer's autoHeights); the label sits at the top beside them.
    return [txt(label, 'wrap'), txt(text, 'wrap')];
  };
  const rows: Cell[][] = [
    [txt(`Demand projections: ${meta.workbookTitle}`, 'title')],
    [txt('Lists extracted on'), result.extractDate ? { date: result.extractDate } : txt('not known'), txt(result.extractDateSource === 'inferred' ? '(inferred from the latest date in the lists)' : '')],
    [txt('Projection'), txt(`${p.months.length} months from ${monthForPeople(p.months[0]!)} to ${monthForPeople(p.months.at(-1)!)}`)],
    ...madeRows(meta),
    [],
    [txt('What each scenario assumes', 'header'), ...Array(6).fill(txt('', 'header'))],
  ];
  rows.push(wide('Baseline', 'Demand continues as the history shows: the usual level of referrals with its trend and seasons, and the rates estimated from the lists.'));
  for (const s of p.scenarios ?? []) rows.push(wide(s.name, describeScenario(s.settings as Scenario).join(' ')));
  const u = p.baseline.unitCosts;
  const placed = 'placementUnitCosts' in p.baseline;
  const claCosts = placed
    ? 'Children in care costed by placement type and provider at the weekly costs of the Placement costs sheet, each with its source'
    : `${u.basis[0]!.toUpperCase()}${u.basis.slice(1)}: about ${poundsForPeople(u.claWeekly)} a week per child looked after`;
  rows.push(wide('Costs and staff', `${claCosts}; ${poundsForPeople(u.cppMonthly)} a month per child protection plan; ${u.cppPerWorker} plans or ${u.claPerWorker} children in care per social worker.`));
  for (const at of [11, 23]) {
    if (at >= p.months.length) continue;
    rows.push([], [txt(`In ${monthForPeople(p.months[at]!)} (${at + 1} months ahead)`, 'title')]);
    rows.push(...headline(result, at));
  }
  rows.push([]);
  rows.push(wide('About the ranges', 'The likely range is where the outcome should fall in eight years out of ten if the model’s assumptions hold. See the About sheet for how the model works, and the Assumptions sheet for every rate used.'));
  return { name: 'Summary', rows, columnWidths: [40, 14, 13, 13, ...Array(4 * (p.scenarios?.length ?? 0)).fill(14)], landscape: true, merges, repeatColumns: 1 };
}

interface ProjectionColumns {
  sheet: SheetSpec;
  /** Column index of each named series, for the charts. */
  column: Record<string, number>;
}

function projectionsSheet(result: ResultJson): ProjectionColumns {
  const p = result.projection!;
  const b = p.baseline;
  const bands = p.bands.baseline;
  const columns: Array<{ header: string; values: number[]; style: NumberStyle; key?: string }> = [];
  // A series, then its likely range in two columns where there is one.
  const add = (who: string, what: string, values: number[], style: NumberStyle, key?: string, band?: { p10: number[]; p90: number[] } | null) => {
    columns.push({ header: `${who}: ${what}`, values, style, ...(key ? { key: `${key}:${who === 'Baseline' ? 'baseline' : who}` } : {}) });
    if (band) {
      const keyed = (end: string) => (key ? { key: `${key}:${who === 'Baseline' ? 'baseline' : who}:${end}` } : {});
      columns.push({ header: `${who}: ${what} p10`, values: band.p10, style, ...keyed('p10') }, { header: `${who}: ${what} p90`, values: band.p90, style, ...keyed('p90') });
    }
  };
  const series = (who: string, x: ProjectedJson, bands: BandsJson | null) => {
    add(who, 'referrals', x.referrals, 'integer', 'referrals', bands?.referrals);
    if (who === 'Baseline') add(who, 'plan starts', x.cppStarts, 'integer');
    add(who, 'children on plans', x.cppOpen, 'integer', 'cppOpen', bands?.cppOpen);
    if (who === 'Baseline') add(who, 'entries to care', x.claStarts, 'integer');
    add(who, 'children looked after', x.claOpen, 'integer', 'claOpen', bands?.claOpen);
    add(who, 'spend in month (£)', x.cost, 'pounds', undefined, bands?.cost);
    add(who, 'spend to date (£)', x.costCumulative, 'pounds');
    add(who, 'social workers', x.workers, 'decimal1');
  };
  series('Baseline', b, bands);
  for (const s of p.scenarios ?? []) series(s.name, s, s.bands);
  const column: Record<string, number> = {};
  columns.forEach((c, i) => {
    if (c.key) column[c.key] = i + 1;
  });
  const rows: Cell[][] = [[txt('Month', 'header'), ...columns.map((c) => txt(c.header, 'header'))]];
  p.months.forEach((m, t) => rows.push([month(m), ...columns.map((c) => num(c.values[t]!, c.style))]));
  return { sheet: { name: 'Projections', rows, columnWidths: [11, ...columns.map(() => 15)], freezeRows: 1, freezeColumns: 1, filterHeaderRow: 0 }, column };
}

function chartsSheet(result: ResultJson, columns: Record<string, number>, rowsOfData: number): SheetSpec {
  const scenarios = result.projection!.scenarios ?? [];
  const range = (col: number) => ({ sheet: 'Projections', column: col, fromRow: 1, toRow: rowsOfData });
  const nameRef = (col: number) => ({ sheet: 'Projections', column: col, fromRow: 0, toRow: 0 });
  const chart = (title: string, axis: string, key: string, index: number): ChartSpec => {
    const series: ChartSpec['series'] = [{ name: nameRef(columns[`${key}:baseline`]!), values: range(columns[`${key}:baseline`]!), colour: colours[0]! }];
    if (columns[`${key}:baseline:p10`] !== undefined) {
      series.push({ name: nameRef(columns[`${key}:baseline:p10`]!), values: range(columns[`${key}:baseline:p10`]!), colour: '8FA9CC', dashed: true });
      series.push({ name: nameRef(columns[`${key}:baseline:p90`]!), values: range(columns[`${key}:baseline:p90`]!), colour: '8FA9CC', dashed: true });
    }
    scenarios.forEach((s, i) => series.push({ name: nameRef(columns[`${key}:${s.name}`]!), values: range(columns[`${key}:${s.name}`]!), colour: colours[1 + (i % (colours.length - 1))]! }));
    return { title, yAxisTitle: axis, anchor: { fromColumn: 0, fromRow: 2 + index * 22, toColumn: 10, toRow: 22 + index * 22 }, categories: range(0), series };
  };
  return {
    name: 'Charts',
    rows: [[txt('Baseline against scenarios. The charts read the Projections sheet: restyle or copy them as any Excel chart.', 'text')]],
    columnWidths: Array(10).fill(12),
    charts: [
      chart(arrivalsWords(result.estimates?.driver).perMonth, arrivalsWords(result.estimates?.driver).axis, 'referrals', 0),
      chart('Children on child protection plans', 'Children', 'cppOpen', 1),
      chart('Children looked after', 'Children', 'claOpen', 2),
    ],
  };
}

function historySheet(result: ResultJson): SheetSpec {
  const h = result.history!;
  const source = (i: number) => {
    const kinds = new Set(Object.values(h.sources).map((s) => s[i]));
    if (kinds.has('lists')) return 'Annex A lists';
    if (kinds.has('aggregate-spread')) return 'Aggregate figures, period total spread evenly';
    if (kinds.has('aggregate')) return 'Aggregate figures';
    return 'Not known';
  };
  const value = (v: number | null | undefined): Cell => (v === null || v === undefined ? null : num(v, 'integer'));
  const rows: Cell[][] = [
    ['Month', 'Referrals', 'Plan starts', 'Plan ends', 'Children on plans (month end)', 'Entries to care', 'Leaving care', 'Children looked after (month end)', 'Source'].map((h) => txt(h, 'header')),
  ];
  h.months.forEach((m, i) => rows.push([month(m), value(h.referrals[i]), value(h.cppStarts[i]), value(h.cppEnds[i]), value(h.cppOpen[i]), value(h.claStarts[i]), value(h.claEnds[i]), value(h.claOpen[i]), txt(source(i))]));
  return { name: 'History', rows, freezeRows: 1, freezeColumns: 1, filterHeaderRow: 0 };
}

function assumptionsSheet(result: ResultJson): SheetSpec {
  const e = result.estimates!;
  const z = likelyZ;
  const rows: Cell[][] = [['What', 'Estimate', 'Likely range from', 'to', 'Unit', 'Where it comes from', 'In words'].map((h) => txt(h, 'header'))];
  const add = (what: string, value: number, low: number | null, high: number | null, unit: string, source: string, words: string, style: 'decimal1' | 'decimal2' | 'percent' | 'integer' | 'pounds' = 'decimal2') =>
    rows.push([txt(what, 'wrap'), num(value, style), low === null ? null : num(low, style), high === null ? null : num(high, style), txt(unit, 'wrap'), txt(source, 'wrap'), txt(words, 'wrap')]);
  const imported = result.import as { referrals?: { rowsAccepted: number }; cpp?: { rowsAccepted: number }; cla?: { rowsAccepted: number }; episodes?: unknown } | null | undefined;
  const listRows = (imported?.referrals?.rowsAccepted ?? 0) + (imported?.cpp?.rowsAccepted ?? 0) + (imported?.cla?.rowsAccepted ?? 0);
  const yours = imported?.episodes ? (listRows > 0 ? 'Your Annex A lists and SSDA903 returns' : 'Your SSDA903 returns') : 'Your Annex A lists';
  const sourceOf = (s: string) => (s === 'lists' ? yours : s === 'aggregate' ? 'Your aggregate history' : 'National default (see About)');
  const r = e.referrals;
  // Without referrals, entries to care drive the projection: the rows say so rather than speak of referrals.
  const byEntries = e.driver === 'claStarts';
  const arrivals = arrivalsWords(e.driver);
  add(`${arrivals.subject} per month (usual level, before seasons)`, r.level, ...levelRange(r), 'per month', `${sourceOf(r.source)}; ${r.monthsUsed} complete months`, `About ${Math.round(r.level)} ${arrivals.noun} in an ordinary month${byEntries ? ' (no referrals were given)' : ''}.`, 'decimal1');
  add(arrivals.trend, r.trendPerYear, ...trendRange(r), 'per year', r.seasonalityEstimated ? sourceOf(r.source) : byEntries ? `Assumed flat: too few entries a month to read a trend from (average of the last ${r.monthsUsed} months)` : 'Assumed flat: under 24 months of history', r.trendPerYear >= 0 ? `${arrivals.subject} growing by about ${(r.trendPerYear * 100).toFixed(1)}% a year.` : `${arrivals.subject} falling by about ${(-r.trendPerYear * 100).toFixed(1)}% a year.`, 'percent');
  const months = longMonthNames;
  r.seasonality.forEach((s, m) =>
    add(`Seasonal factor: ${months[m]}`, s, r.seasonalityEstimated ? s - z * r.seasonalitySe[m]! : null, r.seasonalityEstimated ? s + z * r.seasonalitySe[m]! : null, 'times the usual month', r.seasonalityEstimated ? sourceOf(r.source) : 'Typical pattern of English authorities', `${months[m]} has ${s >= 1 ? `${((s - 1) * 100).toFixed(0)}% more` : `${((1 - s) * 100).toFixed(0)}% fewer`} ${arrivals.noun} than an average month.`),
  );
  for (const [key, name, noun] of [['cpp', 'child protection plan', 'plans'], ['cla', 'period of care', 'children in care']] as const) {
    const c = e[key].conversion;
    if (!byEntries) add(`${name[0]!.toUpperCase()}${name.slice(1)} starts per referral`, c.perReferral, ...conversionRange(c), 'per referral', `${sourceOf(c.source)}; ${Math.round(c.startsUsed)} starts over ${Math.round(c.referralsUsed)} referrals`, `About ${(c.perReferral * 100).toFixed(1)} in 100 referrals lead to a ${name}.`, 'decimal2');
    if (!byEntries) add(`Delay from referral to ${name}`, c.meanLagMonths, null, null, 'months on average', c.lagFromData ? `Your lists: ${Math.round((c.linkedShare ?? 0) * 100)}% of starts linked to their referral` : 'Default delay', `Most ${noun} start within ${Math.max(1, Math.round(c.meanLagMonths + 0.5))} months of the referral.`, 'decimal1');
    const d = e[key].duration;
    const spread = durationSpread(d);
    add(`How long a ${name} lasts: median`, d.medianMonths, d.medianMonths / spread, d.medianMonths * spread, 'months', sourceOf(d.source), `Half of ${noun} end within ${d.medianMonths.toFixed(0)} months.`, 'decimal1');
    add(`How long a ${name} lasts: mean`, d.meanMonths, d.meanMonths / spread, d.meanMonths * spread, 'months', sourceOf(d.source), `On average a ${name} lasts ${d.meanMonths.toFixed(0)} months.`, 'decimal1');
    d.ratePerMonth.forEach((rate, b) => {
      const from = durationBandEdges[b]!;
      const to = durationBandEdges[b + 1];
      const band = to === undefined ? `${from} months or more` : `${from} to ${to} months`;
      const events = d.events[b] ?? 0;
      const se = events > 0 ? 1 / Math.sqrt(events) : null;
      add(`Chance of ending each month (${noun}, ${band} in)`, 1 - Math.exp(-rate), se === null ? null : 1 - Math.exp(-rate / Math.exp(z * se)), se === null ? null : 1 - Math.exp(-rate * Math.exp(z * se)), 'per month', d.source === 'lists' ? `Your lists: ${events} endings over ${Math.round(d.exposureMonths[b] ?? 0)} months watched` : sourceOf(d.source), `${((1 - Math.exp(-rate)) * 100).toFixed(1)}% of ${noun} ${band} in end each month.`, 'percent');
    });
  }
  e.cla.entryAgeShares.forEach((share, age) => add(`Children entering care aged ${age}`, share, null, null, 'share of entrants', e.cla.entryAgesFromData ? 'Your List 8 dates of birth, smoothed' : 'National age pattern', `${(share * 100).toFixed(1)}% of children entering care are ${age}.`, 'percent'));
  for (const [group, share] of Object.entries(e.placementMix)) add(`Children in care now: ${placementGroupLabel(group as PlacementGroup | 'unknown')}`, share ?? 0, null, null, 'share', result.history?.claByPlacementFrom === 'ssda903' ? 'Your SSDA903 returns' : 'Your List 8 placement types', `${((share ?? 0) * 100).toFixed(0)}% of children looked after.`, 'percent');
  const u = result.projection!.baseline.unitCosts;
  if ('placementUnitCosts' in result.projection!.baseline) rows.push([txt('Weekly cost of children in care', 'wrap'), null, null, null, txt('£ per week'), txt('By placement type and provider: the Placement costs sheet, each with its source', 'wrap'), txt('Used for the spend figures.', 'wrap')]);
  else add('Weekly cost per child looked after', u.claWeekly, null, null, '£ per week', u.basis, 'Used for the spend figures.', 'pounds');
  add('Monthly cost per child protection plan', u.cppMonthly, null, null, '£ per month', 'Scenario setting or illustrative default', 'Used for the spend figures.', 'pounds');
  add('Plans per social worker', u.cppPerWorker, null, null, 'plans', 'Scenario setting or illustrative default', 'Used for the workers needed.', 'integer');
  add('Children in care per social worker', u.claPerWorker, null, null, 'children', 'Scenario setting or illustrative default', 'Used for the workers needed.', 'integer');
  rows.push([], [txt('Defaults used', 'header')]);
  // Each note across the table's width, its row as tall as its wrapped words (never printed over the next).
  const merges: NonNullable<SheetSpec['merges']> = [];
  for (const note of e.notes) {
    merges.push({ fromColumn: 0, fromRow: rows.length, toColumn: 6, toRow: rows.length });
    rows.push([txt(note, 'wrap')]);
  }
  if (e.notes.length === 0) rows.push([txt('None: every rate above comes from your own data.')]);
  return { name: 'Assumptions', rows, columnWidths: [46, 12, 14, 12, 18, 40, 50], freezeRows: 1, filterHeaderRow: 0, merges };
}

function dataQualitySheet(result: ResultJson): SheetSpec {
  const rows: Cell[][] = [['List', 'Found', 'Rows read', 'Accepted', 'Rejected', 'Blank', 'Merged duplicates', 'Where'].map((h) => txt(h, 'header'))];
  const imported = result.import;
  let issuesHeader: number | undefined;
  const names = { referrals: 'Referrals (List 3)', cpp: 'Child protection (List 7)', cla: 'Children in care (List 8)' } as const;
  if (imported) {
    for (const key of ['referrals', 'cpp', 'cla'] as const) {
      const c = imported[key];
      rows.push([txt(names[key], 'wrap'), txt(c.present ? 'Yes' : 'No'), num(c.rowsRead, 'integer'), num(c.rowsAccepted, 'integer'), num(c.rowsRejected, 'integer'), num(c.rowsBlank, 'integer'), num(c.duplicates, 'integer'), txt(c.foundIn.join('; '), 'wrap')]);
    }
    // SSDA903 returns, where the result has them: their two tables are accounted for as the lists are.
    for (const [key, name] of [['episodes', 'SSDA903 episodes'], ['header', 'SSDA903 header']] as const) {
      const c = 'episodes' in imported ? imported[key] : null;
      if (c) rows.push([txt(name), txt(c.present ? 'Yes' : 'No'), num(c.rowsRead, 'integer'), num(c.rowsAccepted, 'integer'), num(c.rowsRejected, 'integer'), num(c.rowsBlank, 'integer'), num(c.duplicates, 'integer'), txt(c.foundIn.join('; '))]);
    }
    rows.push([]);
    issuesHeader = rows.length;
    rows.push(['List', 'File', 'Sheet', 'Row', 'Column', 'Severity', 'What was found'].map((h) => txt(h, 'header')));
    for (const i of imported.issues) {
      rows.push([txt(i.list ? names[i.list] : '', 'wrap'), txt(i.file, 'wrap'), txt(i.sheet ?? '', 'wrap'), i.row === null ? null : num(i.row, 'integer'), txt(i.column ?? '', 'wrap'), txt(i.severity), txt(i.message, 'wrap')]);
    }
  } else {
    rows.push([txt('No lists were imported: the projection uses aggregate figures only.')]);
  }
  return { name: 'Data quality', rows, columnWidths: [24, 24, 14, 9, 22, 10, 56, 30], ...(issuesHeader !== undefined ? { filterHeaderRow: issuesHeader } : {}) };
}

function aboutSheet(meta: ExportMeta): SheetSpec {
  const paragraphs = [
    'Demand Workbook rebuilt the monthly history of referrals, child protection plans and children looked after from the Annex A lists (and any aggregate figures given), estimated how many referrals arrive, how many lead to a plan or to care and after how long, and how long plans and care last by time since they started, then projected month by month. Children in care leave at 18 by their date of birth.',
    'Durations are measured with survival methods that count each child only while the lists could see them, so long-standing placements and recent arrivals are both weighed correctly.',
    'The likely ranges come from hundreds of simulated futures that vary both the estimated rates (within their uncertainty) and the month-to-month chance in referrals, starts and endings; the range shown holds eight futures in ten.',
    'Scenarios change referrals, the return of referrals lost during a shock, how quickly plans and care end, and the costs and caseloads. The Assumptions sheet lists every rate, its range and where it came from.',
    'Child IDs were replaced by pseudonyms at import; no names, workers, teams or postcodes are stored or exported. Nothing left the computer.',
  ];
  const rows: Cell[][] = [[txt('How this projection was made', 'title')], ...paragraphs.map((p) => [txt(p, 'wrap')])];
  const rowHeights: Record<number, number> = { 0: 22 };
  const merges: NonNullable<SheetSpec['merges']> = [];
  paragraphs.forEach((_, i) => {
    merges.push({ fromColumn: 0, fromRow: i + 1, toColumn: 1, toRow: i + 1 });
  });
  rows.push([], ...madeRows(meta), [txt('The method in full'), txt('docs/model.md, which comes with Demand Workbook')]);
  return { name: 'About', landscape: false, columnWidths: [22, 100], rows, rowHeights, merges };
}

/** The sheets an export of this result has: the placements sheets only where placements are known. */
export function exportedSheetNames(result: ResultJson): string[] {
  const placements = placementsSheets(result).map((sheet) => sheet.name);
  const interventions = interventionsSheets(result).map((sheet) => sheet.name);
  return exportSheetNames.flatMap((name) => (name === 'Projections' ? [name, ...placements, ...interventions] : [name]));
}

export function resultsWorkbook(result: ResultJson, meta: ExportMeta): Uint8Array {
  if (!result.projection || !result.history || !result.estimates) throw new Error('export: there is no projection to export yet.');
  const projections = projectionsSheet(result);
  return writeXlsx({
    title: `Demand projections: ${meta.workbookTitle}`,
    author: 'Demand Workbook',
    created: meta.createdAt,
    sheets: [
      summarySheet(result, meta),
      chartsSheet(result, projections.column, result.projection.months.length),
      projections.sheet,
      ...placementsSheets(result),
      ...interventionsSheets(result),
      historySheet(result),
      assumptionsSheet(result),
      calibrationSheet(result.calibration),
      dataQualitySheet(result),
      aboutSheet(meta),
    ],
  });
}
