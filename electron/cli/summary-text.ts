// A few plain sentences for the person at the terminal: what was read, what the model expects.
import type { BacktestResult } from '../../shared/engine/children/backtest.ts';
import type { Calibration } from '../../shared/engine/children/calibration.ts';
import { calibrationSentences } from '../../shared/text/calibration-words.ts';
import { interventionSentence } from '../../shared/text/intervention-words.ts';
import { placementBacktestSentence } from '../../shared/text/placement-backtest-words.ts';
import { monthLabel } from '../../shared/engine/core/months.ts';
import type { ModelRun } from '../../shared/engine/children/run-model.ts';
import { columnToName, type ImportIssue, type ImportReport } from '../../shared/import/report.ts';
import type { Ssda903Report } from '../../shared/import/ssda903/import-ssda903.ts';
import type { DateColumnDecision } from '../../shared/import/values/date-order.ts';
import type { TableId } from '../../shared/import/table-specs.ts';

const whole = (n: number) => Math.round(n).toLocaleString('en-GB');
const money = (n: number) => `£${(n / 1_000_000).toFixed(1)}m`;

/** One issue on its own line for the terminal: "  file, row 12, column Date of referral: missing, so ..." (the column once). */
export function issueLine(issue: ImportIssue<string>): string {
  const column = columnToName(issue);
  return `  ${issue.file}${issue.row ? `, row ${issue.row}` : ''}${column ? `, column ${column}` : ''}: ${issue.message}`;
}

export function summaryOfImport(report: ImportReport): string {
  const list = (name: string, c: ImportReport['referrals']) =>
    c.present ? `${name}: ${c.rowsRead} rows read, ${c.rowsAccepted} accepted, ${c.rowsRejected} rejected, ${c.rowsBlank} blank` : `${name}: not given`;
  const lines = [`Imported. ${list('Referrals', report.referrals)}; ${list('child protection', report.cpp)}; ${list('children in care', report.cla)}.`];
  const problems = report.issues.filter((i) => i.severity !== 'info').length;
  if (problems) lines.push(`${problems} ${problems === 1 ? 'row has an issue' : 'rows have issues'}: see "import.issues" in the JSON result.`);
  return `${lines.join('\n')}\n`;
}

export function summaryOfReturns(report: Ssda903Report): string {
  const years = report.returns.map((r) => r.label.replace('SSDA903 ', '')).join(', ');
  const c = (name: string, counts: Ssda903Report['header']) => `${name}: ${counts.rowsRead} rows read, ${counts.rowsAccepted} accepted, ${counts.rowsRejected} rejected, ${counts.rowsBlank} blank`;
  const problems = report.issues.filter((i) => i.severity !== 'info').length;
  return `SSDA903 returns for ${years || 'no year'}. ${c('Episodes', report.episodes)}; ${c('header', report.header)}.${problems ? ` ${problems} issues: see "import.issues" in the JSON result.` : ''}\n`;
}

export function summaryText(run: ModelRun, report: ImportReport | null, backtest?: BacktestResult, calibration?: Calibration): string {
  const lines: string[] = [];
  if (report) lines.push(summaryOfImport(report).trimEnd());
  const e = run.estimates;
  if (e.driver === 'claStarts') lines.push(`Last month observed: ${monthLabel(e.anchorMonth)}. About ${Math.round(e.referrals.level) === 1 ? '1 child a month comes' : `${Math.round(e.referrals.level)} children a month come`} into care (no referrals were given); half of periods of care end within ${e.cla.duration.medianMonths.toFixed(0)} months.`);
  else lines.push(
    `Last month observed: ${monthLabel(e.anchorMonth)}. About ${Math.round(e.cpp.conversion.perReferral * 100)} in 100 referrals lead to a child protection plan and ${Math.round(e.cla.conversion.perReferral * 100)} in 100 to care; half of plans end within ${e.cpp.duration.medianMonths.toFixed(0)} months and half of periods of care within ${e.cla.duration.medianMonths.toFixed(0)} months.`,
  );
  const H = run.setup.horizon;
  const at = Math.min(12, H) - 1;
  const b = run.baseline;
  const band = (name: 'cppOpen' | 'claOpen') => (b.bands ? ` (likely ${whole(b.bands[name].p10[at]!)} to ${whole(b.bands[name].p90[at]!)})` : '');
  lines.push(
    `Baseline in ${monthLabel(run.setup.startMonth + at)}: ${whole(b.series.cppOpen[at]!)} children on plans${band('cppOpen')}, ${whole(b.series.claOpen[at]!)} children in care${band('claOpen')}, ${money(b.costCumulative[at]!)} spent over ${at + 1} months, ${b.workers[at]!.toFixed(1)} workers needed.`,
  );
  if (b.placements) {
    const byGroup = Object.entries(b.placements.byGroup).filter(([, v]) => v[at]! >= 0.5).map(([g, v]) => `${g} ${whole(v[at]!)}`);
    lines.push(`By placement in ${monthLabel(run.setup.startMonth + at)}: ${byGroup.join(', ')}; children in care cost ${money(b.placements.claCost.slice(0, at + 1).reduce((x, y) => x + y, 0))} over ${at + 1} months.`);
  }
  for (const s of run.scenarios) {
    lines.push(
      `${s.scenario.name} in ${monthLabel(run.setup.startMonth + at)}: ${whole(s.series.cppOpen[at]!)} on plans, ${whole(s.series.claOpen[at]!)} in care, ${money(s.costCumulative[at]!)} spent (${s.costCumulative[at]! >= b.costCumulative[at]! ? '+' : '-'}${money(Math.abs(s.costCumulative[at]! - b.costCumulative[at]!))} against the baseline).`,
    );
    for (const o of s.interventions) lines.push(interventionSentence(o, run.setup.startMonth, H));
  }
  if (backtest) {
    const pct = (v: number | null) => (v === null ? 'n/a' : `${(v * 100).toFixed(1)}%`);
    lines.push(
      `Backtest from ${backtest.from} over ${backtest.monthsCompared} months: mean absolute percentage error referrals ${pct(backtest.mape.referrals)}, plan starts ${pct(backtest.mape.cppStarts)}, open plans ${pct(backtest.mape.cppOpen)}, care starts ${pct(backtest.mape.claStarts)}, children in care ${pct(backtest.mape.claOpen)}.`,
    );
    const main = ['referrals', 'cppOpen', 'claOpen'] as const;
    const mean = (values: ReadonlyArray<number | null>) => {
      const known = values.filter((v): v is number => v !== null);
      return known.length ? known.reduce((a, v) => a + v, 0) / known.length : null;
    };
    lines.push(
      `Carrying the last known value forward instead: referrals ${pct(backtest.naiveMape.referrals)}, open plans ${pct(backtest.naiveMape.cppOpen)}, children in care ${pct(backtest.naiveMape.claOpen)}. ` +
        `Over these three the model is ${pct(mean(main.map((k) => backtest.mape[k])))} out on average, carrying forward ${pct(mean(main.map((k) => backtest.naiveMape[k])))} (${backtest.comparisons.length} comparisons).`,
    );
    const byPlacement = backtest.byPlacement ? placementBacktestSentence(backtest.byPlacement) : null;
    if (byPlacement) lines.push(`By placement type: ${byPlacement.charAt(0).toLowerCase()}${byPlacement.slice(1)}`);
  }
  if (calibration) lines.push(...calibrationSentences(calibration));
  for (const note of e.notes) lines.push(`Note: ${note}`);
  return `${lines.join('\n')}\n`;
}

/**
 * How the text date columns were read, where it did not go without saying. The command cannot ask, so a
 * column settled from its own values says how to override it.
 */
export function dateOrderNotes<L extends TableId>(columns: readonly DateColumnDecision<L>[]): string {
  return columns
    .filter((c) => c.note)
    .map((c) => `Note: ${c.note}${c.how === 'unanswered' ? ` If that is wrong, run again with --date-order ${c.order === 'dmy' ? 'mdy' : 'dmy'}.` : ''}\n`)
    .join('');
}
