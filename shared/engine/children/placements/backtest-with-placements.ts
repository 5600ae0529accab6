// The backtest as the command and the app both run it: the demand series, and where placements are known
// the children in care by placement type too, cut at the same month.
import type { Dataset } from '../../../dataset/types.ts';
import type { AggregatePeriod } from '../aggregate-history.ts';
import { runBacktest, type BacktestResult } from '../backtest.ts';
import type { MonthlyHistory } from '../history.ts';
import type { MonthIndex } from '../../core/months.ts';
import type { Scenario } from '../../scenario.ts';
import { placementBacktest } from './placement-backtest.ts';

export function backtestWithPlacements(
  dataset: Dataset,
  aggregates: readonly AggregatePeriod[],
  from: MonthIndex,
  horizon: number,
  fullHistory: MonthlyHistory,
  scenario: Scenario | null,
  placementsKnown: boolean,
): BacktestResult {
  const backtest = runBacktest(dataset, aggregates, from, horizon, fullHistory, scenario);
  const byPlacement = placementsKnown ? placementBacktest(dataset, aggregates, from, horizon, fullHistory) : null;
  return byPlacement ? { ...backtest, byPlacement } : backtest;
}
