// A large housing authority for the speed bench: about 60,000 approaches in a five-year case list and
// 15,000 placements in its TA list.
import type { HousingDataset } from '../dataset/housing.ts';
import { defaultHousingRules, simulateHousing, type HousingRules } from './housing-authority.ts';
import { housingDatasetOf } from './housing-dataset.ts';

export function largeHousingDataset(seed = 11): HousingDataset {
  const scale = 1.45;
  const taChance = Object.fromEntries(Object.entries(defaultHousingRules.taChance).map(([kind, byDuty]) => [kind, Object.fromEntries(Object.entries(byDuty).map(([duty, p]) => [duty, Math.min(1, p * scale)]))])) as HousingRules['taChance'];
  const rules: HousingRules = { ...defaultHousingRules, approachesPerMonth: 720, taChance };
  return housingDatasetOf(simulateHousing({ seed, from: '2016-04-01', to: '2024-03-31', rules }), '2019-04-01', '2024-03-31');
}
