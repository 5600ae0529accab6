// The rates the housing model reads from the lists, in words, for the History step: how many approach,
// the share owed a duty, entries to temporary accommodation (TA) by household type, and the median stay by
// type of TA, each with its likely range (p10 to p90, as the bands).
import { householdKinds, householdKindWords, taTypes, taTypeWords } from '../dataset/housing.ts';
import type { HousingResult } from '../engine/housing/run-housing-model.ts';
import { countForPeople, percentForPeople } from '../text/people-format.ts';
import { levelRange, likelyZ } from './estimate-ranges.ts';

export type RateRow = [what: string, value: string, range: string, words: string];

const months = (x: number) => `${x < 10 ? x.toFixed(1) : Math.round(x)} months`;

export function housingRateRows(e: HousingResult['estimates']): RateRow[] {
  const rows: RateRow[] = [];
  const [low, high] = levelRange(e.approaches);
  rows.push(['Approaches a month (usual level)', countForPeople(e.approaches.level), `${countForPeople(low)} to ${countForPeople(high)}`, `About ${countForPeople(e.approaches.level)} households approach the council in an ordinary month, ${e.approaches.trendPerYear >= 0 ? 'growing' : 'falling'} by about ${percentForPeople(Math.abs(e.approaches.trendPerYear))} a year.`]);
  const d = e.duty;
  rows.push(['Share owed a prevention or relief duty', percentForPeople(d.share), `${percentForPeople(Math.max(0, d.share - likelyZ * d.se))} to ${percentForPeople(Math.min(1, d.share + likelyZ * d.se))}`, `About ${Math.round(d.share * 100)} in 100 assessed approaches are owed a duty.`]);
  for (const k of householdKinds) {
    const entry = e.entry[k];
    if (entry.entries === 0 && e.kindShare[k] === 0) continue;
    const delay = entry.lagWeights.reduce((sum, w, lag) => sum + w * lag, 0);
    rows.push([
      `Entries to TA: ${householdKindWords[k].toLowerCase()}`,
      `${(entry.perApproach * 100).toFixed(1)} in 100`,
      `${(Math.max(0, entry.perApproach - likelyZ * entry.se) * 100).toFixed(1)} to ${((entry.perApproach + likelyZ * entry.se) * 100).toFixed(1)}`,
      `About ${(entry.perApproach * 100).toFixed(1)} in 100 of these households who approach are placed in temporary accommodation, on average ${delay.toFixed(1)} months later.`,
    ]);
  }
  for (const t of taTypes) {
    const s = e.stays[t];
    const spread = Math.exp(likelyZ * s.logSe);
    rows.push([`Median stay: ${taTypeWords[t].toLowerCase()}`, months(s.medianMonths), `${months(s.medianMonths / spread)} to ${months(s.medianMonths * spread)}`, `Half of the households placed in ${taTypeWords[t].toLowerCase()} move on within ${months(s.medianMonths)}; ${percentForPeople(e.moves[t].out, 0)} of those who move on leave temporary accommodation.`]);
  }
  return rows;
}
