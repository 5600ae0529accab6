// The backtest by placement group: cut the data at a past month as it would have been known then (the
// placements too), project the children in care by group from there, and compare with the month-end counts
// the data later showed. Error per group: mean absolute percentage error over the months observed.
import type { Dataset } from '../../../dataset/types.ts';
import type { PlacementGroup } from '../../../import/values/codes.ts';
import type { AggregatePeriod } from '../aggregate-history.ts';
import { datasetBefore } from '../backtest.ts';
import { estimate } from '../estimates.ts';
import { buildHistory, type MonthlyHistory } from '../history.ts';
import { firstDayIso, monthLabel, type MonthIndex } from '../../core/months.ts';
import { allocateSeries, centralDraw, runProjection } from '../project.ts';
import { baselineScenario } from '../../scenario.ts';
import { scenarioVectors } from '../scenario-vectors.ts';
import { buildSetup } from '../setup.ts';
import { entryAgeSharesAt } from './estimate-placements.ts';
import { groups } from './groups.ts';
import { placementHistory } from './placement-history.ts';
import { buildPlacementSetup } from './placement-setup.ts';
import { projectPlacements } from './project-placements.ts';

export interface PlacementBacktest {
  months: string[];
  actual: Record<PlacementGroup, (number | null)[]>;
  predicted: Record<PlacementGroup, number[]>;
  mape: Record<PlacementGroup, number | null>;
}

export function placementBacktest(dataset: Dataset, aggregates: readonly AggregatePeriod[], from: MonthIndex, horizon: number, fullHistory: MonthlyHistory): PlacementBacktest | null {
  const cut = firstDayIso(from);
  const known: Dataset = {
    ...datasetBefore(dataset, from),
    ...(dataset.placements ? { placements: dataset.placements.filter((p) => p.startDate < cut).map((p) => (p.endDate !== null && p.endDate >= cut ? { ...p, endDate: null } : p)) } : {}),
  };
  const actualAll = placementHistory(dataset, fullHistory);
  const history = buildHistory(known, aggregates.filter((a) => a.toMonth < from));
  if (!actualAll || history.lastObservedMonth === null) return null;
  const estimates = estimate(known, history, aggregates.filter((a) => a.toMonth < from));
  const setup = buildSetup(known, history, estimates, horizon + (from - 1 - estimates.anchorMonth));
  const placementSetup = buildPlacementSetup(known, history, estimates);
  if (!placementSetup) return null;
  if (placementSetup.model.source === 'ssda903' && setup.cla.entryAgeShares) setup.cla.entryAgeShares = entryAgeSharesAt(placementSetup.model, setup.horizon / 24);
  const series = runProjection(setup, scenarioVectors(baselineScenario, setup.startMonth, setup.horizon), centralDraw(setup), allocateSeries(setup.horizon));
  const byCombo = projectPlacements(placementSetup.model, placementSetup.stock, series, setup.horizon);
  const offset = from - setup.startMonth;
  const months = Array.from({ length: horizon }, (_, t) => from + t);
  const actual = {} as PlacementBacktest['actual'];
  const predicted = {} as PlacementBacktest['predicted'];
  const mape = {} as PlacementBacktest['mape'];
  groups.forEach((group, g) => {
    actual[group] = months.map((m) => {
      const i = fullHistory.months.indexOf(m);
      return i >= 0 ? (actualAll[group][i] ?? null) : null;
    });
    predicted[group] = months.map((_, t) => Math.round(((byCombo[g * 2]![t + offset] ?? 0) + (byCombo[g * 2 + 1]![t + offset] ?? 0)) * 100) / 100);
    const errors = months.flatMap((_, t) => {
      const a = actual[group][t];
      return a !== null && a !== undefined && a > 0 ? [Math.abs(predicted[group][t]! - a) / a] : [];
    });
    mape[group] = errors.length ? Math.round((errors.reduce((x, y) => x + y, 0) / errors.length) * 10_000) / 10_000 : null;
  });
  return { months: months.map(monthLabel), actual, predicted, mape };
}
