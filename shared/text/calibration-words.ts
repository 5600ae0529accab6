// The calibration in the analyst's words, the same on the Results step, in the Excel export and at the
// terminal: "In backtests over your own history, children in care 12 months ahead were on average 3% out,
// and inside the likely range 8 times in 10."
import type { Calibration, CalibrationSeries, HorizonSummary } from '../engine/children/calibration.ts';
import { longMonthForPeople, percentForPeople } from './people-format.ts';

export const calibrationSeriesNames: Record<CalibrationSeries, string> = {
  referrals: 'referrals',
  cppOpen: 'children on plans',
  claOpen: 'children in care',
};

const percent = (share: number) => percentForPeople(share, share < 0.095 ? 1 : 0).replace(/\.0%$/, '%');

export function timesInTen(share: number): string {
  const n = Math.round(share * 10);
  return n === 10 ? 'every time' : n === 0 ? 'almost never' : `${n} times in 10`;
}

export function horizonWords(h: HorizonSummary): string {
  return h.months === 1 ? 'the next month' : `${h.months} months ahead`;
}

/** One sentence per series, or what is missing. */
export function calibrationSentences(c: Calibration): string[] {
  if (c.missing) return [c.missing];
  const sentences: string[] = [];
  for (const key of Object.keys(calibrationSeriesNames) as CalibrationSeries[]) {
    const h = c.series[key].headline;
    if (!h) continue;
    const [model, naive] = [percent(h.error), percent(h.naiveError)];
    const compared = model === naive ? 'as close as' : h.naiveError > h.error ? 'closer than' : 'further out than';
    sentences.push(
      `In backtests over your own history, ${calibrationSeriesNames[key]} ${horizonWords(h)} were on average ${model} out, and inside the likely range ${timesInTen(h.insideRange)} ` +
        `(${h.compared} ${h.compared === 1 ? 'comparison' : 'comparisons'}; ${compared} carrying the last known value forward, which was ${naive} out).`,
    );
  }
  if (c.origins.length) {
    sentences.push(`The model was refitted from each of ${c.origins.length} starting ${c.origins.length === 1 ? 'month' : 'months'}, ${longMonthForPeople(c.origins[0]!)} to ${longMonthForPeople(c.origins.at(-1)!)}, each time knowing only what came before, and compared with what your data later showed. The likely range should hold the outcome about 8 times in 10.`);
  }
  return sentences;
}
