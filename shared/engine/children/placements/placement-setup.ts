// From the dataset to the placement model and the children in care at the anchor, when placements are
// known at all: from SSDA903 returns (every placement), else from List 8's placement types (current only).
import type { Dataset } from '../../../dataset/types.ts';
import type { Estimates } from '../estimates.ts';
import type { MonthlyHistory } from '../history.ts';
import { estimatePlacementsFromEpisodes, estimatePlacementsFromList8, stockAt, type PlacementModel, type PlacementStock } from './estimate-placements.ts';

export interface PlacementSetup {
  model: PlacementModel;
  stock: PlacementStock;
}

export function hasPlacements(dataset: Dataset): boolean {
  return (dataset.placements?.length ?? 0) > 0 || dataset.cla.some((c) => c.placementGroup !== null);
}

export function buildPlacementSetup(dataset: Dataset, history: MonthlyHistory, estimates: Estimates): PlacementSetup | null {
  if (!hasPlacements(dataset)) return null;
  const anchor = estimates.anchorMonth;
  const fallbackAges = estimates.cla.entryAgeShares;
  const model = dataset.placements?.length
    ? estimatePlacementsFromEpisodes(dataset.placements, history.windows.map((w) => ({ fromExclusive: w.windowStart, to: w.extractDate })), anchor, fallbackAges)
    : estimatePlacementsFromList8(dataset.cla, anchor, new Set(history.months.filter((_, i) => history.sources.claStarts[i] === 'lists')), fallbackAges);
  return { model, stock: stockAt(dataset, anchor) };
}
