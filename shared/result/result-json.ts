// The result JSON of the command-line contract (../shared/docs/cli-contract.md). Field names are part of
// a stable contract: add, never rename. Every number is checked finite on the way out.
import type { Dataset } from '../dataset/types.ts';
import type { BacktestResult } from '../engine/children/backtest.ts';
import type { Calibration } from '../engine/children/calibration.ts';
import { calibrationSentences } from '../text/calibration-words.ts';
import { seriesNames } from '../engine/children/history.ts';
import { monthLabel } from '../engine/core/months.ts';
import { durationBandEdges } from '../engine/core/spell-hazards.ts';
import type { ModelRun, ProjectedScenario } from '../engine/children/run-model.ts';
import type { Bands } from '../engine/children/uncertainty.ts';
import { emptyCounts, type ImportReport, type ListCounts } from '../import/report.ts';
import type { PlacementGroup } from '../import/values/codes.ts';
import { combos } from '../engine/children/placements/groups.ts';
import { placementHistory } from '../engine/children/placements/placement-history.ts';
import type { Ssda903Report } from '../import/ssda903/import-ssda903.ts';
import type { MonthIndex } from '../engine/core/months.ts';
import { interventionsJson } from './interventions-json.ts';

export const resultSchemaVersion = 1;

function finite(value: number, field: string, decimals: number): number {
  if (!Number.isFinite(value)) throw new Error(`result ${field}: is not a finite number (${value})`);
  const scale = 10 ** decimals;
  return Math.round(value * scale) / scale;
}
/** Counts of children as the result gives them (two decimals): the charts' early paths are rounded by the same rule. */
export const counts2 = (values: ArrayLike<number>, field: string) => Array.from(values, (v) => finite(v, field, 2));
const pounds = (values: ArrayLike<number>, field: string) => Array.from(values, (v) => finite(v, field, 0));

function counts(c: ListCounts) {
  return { present: c.present, rowsRead: c.rowsRead, rowsAccepted: c.rowsAccepted, rowsRejected: c.rowsRejected, rowsBlank: c.rowsBlank, duplicates: c.duplicates, foundIn: c.foundIn };
}

function bandsJson(bands: Bands) {
  const band = (name: keyof Bands, decimals: number) => ({
    p10: bands[name].p10.map((v) => finite(v, `bands.${name}.p10`, decimals)),
    p50: bands[name].p50.map((v) => finite(v, `bands.${name}.p50`, decimals)),
    p90: bands[name].p90.map((v) => finite(v, `bands.${name}.p90`, decimals)),
  });
  return { referrals: band('referrals', 2), cppOpen: band('cppOpen', 2), claOpen: band('claOpen', 2), cost: band('cost', 0) };
}

function projected(p: ProjectedScenario, field: string, startMonth: MonthIndex) {
  const s = p.series;
  return {
    name: p.scenario.name,
    referrals: counts2(s.referrals, `${field}.referrals`),
    cppStarts: counts2(s.cppStarts, `${field}.cppStarts`),
    cppEnds: counts2(s.cppEnds, `${field}.cppEnds`),
    cppOpen: counts2(s.cppOpen, `${field}.cppOpen`),
    claStarts: counts2(s.claStarts, `${field}.claStarts`),
    claEnds: counts2(s.claEnds, `${field}.claEnds`),
    claOpen: counts2(s.claOpen, `${field}.claOpen`),
    claAgedOut: counts2(s.claAgedOut, `${field}.claAgedOut`),
    cost: pounds(p.cost, `${field}.cost`),
    costCumulative: pounds(p.costCumulative, `${field}.costCumulative`),
    workers: Array.from(p.workers, (v) => finite(v, `${field}.workers`, 2)),
    annualCost: p.annualCost.map((a) => ({ year: a.year, months: a.months, total: finite(a.total, `${field}.annualCost`, 0) })),
    ...placementsJson(p, field),
    ...interventionsJson(p, startMonth, field, finite),
    unitCosts: { claWeekly: finite(p.costs.claWeekly, 'unitCosts.claWeekly', 2), cppMonthly: p.costs.cppMonthly, cppPerWorker: p.costs.cppPerWorker, claPerWorker: p.costs.claPerWorker, basis: p.costs.basis },
  };
}

function placementsJson(p: ProjectedScenario, field: string) {
  const pl = p.placements;
  if (!pl) return {};
  const byGroup = (values: Record<string, Float64Array>, name: string, round: typeof counts2) => Object.fromEntries(Object.entries(values).map(([g, v]) => [g, round(v, `${field}.${name}.${g}`)]));
  return {
    claByPlacement: byGroup(pl.byGroup, 'claByPlacement', counts2),
    claByPlacementProvider: Object.fromEntries(combos.map((c, i) => [c, counts2(pl.byCombo[i]!, `${field}.claByPlacementProvider.${c}`)])),
    costByPlacement: byGroup(pl.costByGroup, 'costByPlacement', pounds),
    annualCostByPlacement: pl.annualCostByGroup.map((y) => ({ year: y.year, months: y.months, byPlacement: Object.fromEntries(Object.entries(y.byGroup).map(([g, v]) => [g, finite(v, `${field}.annualCostByPlacement`, 0)])) })),
    placementUnitCosts: pl.unitCosts.map((u) => ({ placement: u.combo, weekly: finite(u.weekly, 'placementUnitCosts', 2), source: u.source, yours: u.yours })),
    inflationPerYear: p.scenario.costs.inflationPerYear ?? 0,
  };
}

function placementBandsJson(p: ProjectedScenario) {
  const b = p.placements?.bands;
  if (!b) return {};
  const band = (x: { p10: number[]; p50: number[]; p90: number[] }, name: string) => ({ p10: x.p10.map((v) => finite(v, name, 2)), p50: x.p50.map((v) => finite(v, name, 2)), p90: x.p90.map((v) => finite(v, name, 2)) });
  return { claByPlacement: Object.fromEntries(Object.entries(b.byGroup).map(([g, x]) => [g, band(x, `bands.claByPlacement.${g}`)])) };
}

function difference(scenario: ProjectedScenario, baseline: ProjectedScenario) {
  const minus = (a: ArrayLike<number>, b: ArrayLike<number>, field: string, decimals: number) => Array.from(a, (v, t) => finite(v - b[t]!, field, decimals));
  return {
    referrals: minus(scenario.series.referrals, baseline.series.referrals, 'difference.referrals', 2),
    cppOpen: minus(scenario.series.cppOpen, baseline.series.cppOpen, 'difference.cppOpen', 2),
    claOpen: minus(scenario.series.claOpen, baseline.series.claOpen, 'difference.claOpen', 2),
    cost: minus(scenario.cost, baseline.cost, 'difference.cost', 0),
    costCumulative: minus(scenario.costCumulative, baseline.costCumulative, 'difference.costCumulative', 0),
    workers: minus(scenario.workers, baseline.workers, 'difference.workers', 2),
    ...(scenario.placements && baseline.placements
      ? {
          claByPlacement: Object.fromEntries(Object.entries(scenario.placements.byGroup).map(([g, v]) => [g, minus(v, baseline.placements!.byGroup[g as PlacementGroup], 'difference.claByPlacement', 2)])),
          costByPlacement: Object.fromEntries(Object.entries(scenario.placements.costByGroup).map(([g, v]) => [g, minus(v, baseline.placements!.costByGroup[g as PlacementGroup], 'difference.costByPlacement', 0)])),
        }
      : {}),
  };
}

export interface ResultInput {
  dataset: Dataset;
  report: ImportReport | null;
  ssda903?: Ssda903Report;
  run?: ModelRun;
  backtest?: BacktestResult;
  calibration?: Calibration;
}

// The history is the same in every result of one fitted workbook, and by placement it reads every child in
// care (several milliseconds a result on a large authority, paid again at every slider move): worked out
// once per history and dataset. Results only ever pass it on (serialised, or copied to the window).
const histories = new WeakMap<ModelRun['history'], { dataset: Dataset; json: ReturnType<typeof historyOf> }>();

function historyJson(run: ModelRun, dataset: Dataset) {
  const known = histories.get(run.history);
  if (known && known.dataset === dataset) return known.json;
  const json = historyOf(run, dataset);
  histories.set(run.history, { dataset, json });
  return json;
}

function historyOf(run: ModelRun, dataset: Dataset) {
  const h = run.history;
  const series = Object.fromEntries(seriesNames.map((s) => [s, h.series[s].map((v) => (v === null ? null : finite(v, `history.${s}`, 2)))])) as Record<(typeof seriesNames)[number], (number | null)[]>;
  const byPlacement = placementHistory(dataset, h);
  // List 8 gives each child's current placement only: the screens say so beside a history built from it.
  const from = dataset.placements?.length ? ('ssda903' as const) : ('list8' as const);
  return { months: h.months.map(monthLabel), ...series, ...(byPlacement ? { claByPlacement: byPlacement, claByPlacementFrom: from } : {}), sources: h.sources };
}

function estimatesJson(run: ModelRun) {
  const e = run.estimates;
  return {
    anchorMonth: monthLabel(e.anchorMonth),
    /** What drives the projection: referrals, or (without them) entries to care. */
    driver: e.driver,
    referrals: { ...e.referrals, anchorMonth: monthLabel(e.referrals.anchorMonth) },
    cpp: { conversion: e.cpp.conversion, duration: { ...e.cpp.duration, bandEdgesMonths: [...durationBandEdges] } },
    cla: { conversion: e.cla.conversion, duration: { ...e.cla.duration, bandEdgesMonths: [...durationBandEdges] }, entryAgeShares: e.cla.entryAgeShares, entryAgesFromData: e.cla.entryAgesFromData },
    placementMix: e.placementMix,
    notes: e.notes,
  };
}

function projectionJson(run: ModelRun) {
  const months = Array.from({ length: run.setup.horizon }, (_, t) => monthLabel(run.setup.startMonth + t));
  const scenarios = run.scenarios.map((s, i) => ({ ...projected(s, `scenarios[${i}]`, run.setup.startMonth), settings: s.scenario, difference: difference(s, run.baseline), bands: s.bands ? { ...bandsJson(s.bands), ...placementBandsJson(s) } : null }));
  return {
    months,
    baseline: projected(run.baseline, 'baseline', run.setup.startMonth),
    ...(scenarios.length ? { scenario: scenarios[0]!, scenarios } : {}),
    bands: { baseline: run.baseline.bands ? { ...bandsJson(run.baseline.bands), ...placementBandsJson(run.baseline) } : null },
  };
}

function backtestJson(b: BacktestResult) {
  const round = (values: Record<string, number[]>, field: string) => Object.fromEntries(Object.entries(values).map(([k, v]) => [k, v.map((x) => finite(x, `${field}.${k}`, 2))]));
  const mape = (values: Record<string, number | null>, field: string) => Object.fromEntries(Object.entries(values).map(([k, v]) => [k, v === null ? null : finite(v, `${field}.${k}`, 4)]));
  return {
    ...b,
    predicted: round(b.predicted, 'backtest.predicted'),
    mape: mape(b.mape, 'backtest.mape'),
    ...(b.scenario ? { scenario: { name: b.scenario.name, predicted: round(b.scenario.predicted, 'backtest.scenario.predicted'), mape: mape(b.scenario.mape, 'backtest.scenario.mape') } } : {}),
  };
}

function importJson(report: ImportReport | null, returns: Ssda903Report | undefined) {
  if (!returns) return report ? { referrals: counts(report.referrals), cpp: counts(report.cpp), cla: counts(report.cla), issues: report.issues } : null;
  const lists = { referrals: counts(report?.referrals ?? emptyCounts()), cpp: counts(report?.cpp ?? emptyCounts()), cla: counts(report?.cla ?? emptyCounts()) };
  return { ...lists, episodes: counts(returns.episodes), header: counts(returns.header), ssda903Returns: returns.returns, issues: [...(report?.issues ?? []), ...returns.issues] };
}

export function calibrationJson(c: Calibration) {
  const round = (v: number, field: string) => finite(v, `calibration.${field}`, 4);
  const horizon = (h: Calibration['series']['claOpen']['byHorizon'][number], field: string) => ({ months: h.months, compared: h.compared, error: round(h.error, field), naiveError: round(h.naiveError, field), insideRange: round(h.insideRange, field) });
  const series = Object.fromEntries(
    Object.entries(c.series).map(([name, s]) => [
      name,
      {
        byHorizon: s.byHorizon.map((h) => horizon(h, `${name}.byHorizon`)),
        headline: s.headline ? horizon(s.headline, `${name}.headline`) : null,
        overall: s.overall ? { compared: s.overall.compared, error: round(s.overall.error, name), naiveError: round(s.overall.naiveError, name), insideRange: round(s.overall.insideRange, name) } : null,
      },
    ]),
  ) as Record<keyof Calibration['series'], { byHorizon: ReturnType<typeof horizon>[]; headline: ReturnType<typeof horizon> | null; overall: { compared: number; error: number; naiveError: number; insideRange: number } | null }>;
  return { origins: c.origins, maxHorizonMonths: c.maxHorizonMonths, draws: c.draws, completeMonths: c.completeMonths, missing: c.missing, series, sentences: calibrationSentences(c) };
}

export function buildResultJson(input: ResultInput) {
  const latest = input.dataset.extracts.at(-1);
  const report = input.report;
  const run = input.run;
  return {
    schemaVersion: resultSchemaVersion,
    extractDate: latest?.extractDate ?? null,
    extractDateSource: latest?.extractDateSource ?? null,
    extracts: input.dataset.extracts,
    import: importJson(report, input.ssda903),
    ...(run
      ? {
          history: historyJson(run, input.dataset),
          rates: {
            cppPerReferral: finite(run.estimates.cpp.conversion.perReferral, 'rates.cppPerReferral', 5),
            claPerReferral: finite(run.estimates.cla.conversion.perReferral, 'rates.claPerReferral', 5),
            cppMedianMonths: finite(run.estimates.cpp.duration.medianMonths, 'rates.cppMedianMonths', 2),
            claMedianMonths: finite(run.estimates.cla.duration.medianMonths, 'rates.claMedianMonths', 2),
          },
          estimates: estimatesJson(run),
          projection: projectionJson(run),
        }
      : {}),
    ...(input.backtest ? { backtest: backtestJson(input.backtest) } : {}),
    ...(input.calibration ? { calibration: calibrationJson(input.calibration) } : {}),
  };
}

export type ResultJson = ReturnType<typeof buildResultJson>;
export type ProjectedJson = ReturnType<typeof projected>;
export type BandsJson = ReturnType<typeof bandsJson>;
export type CalibrationJson = ReturnType<typeof calibrationJson>;
