// Stacked extracts say more than each extract alone. Annex A lists every plan or period of care open on the
// extract date and those that ended in the six months before. So an episode that was open in one extract
// and is in no later extract of the same list has ended before that later extract's window began: it was
// neither open on its date nor ended within its six months. Left open, it would be counted in the stock of
// every later month and as a case still at risk of ending, which it is not. It is closed here at the start
// of that later window (its true end is unknown, somewhere in the gap between the windows, which no
// window counts), or, where windows meet and the child has a later episode (the lists keep only the
// latest), when that later episode began.
import type { ClaRecord, CppRecord, Dataset } from '../../dataset/types.ts';
import { extractsHolding, windowStartIso } from './history.ts';

const seen = new WeakMap<Dataset, Dataset>();

function closeVanished<T extends CppRecord | ClaRecord>(episodes: readonly T[], dataset: Dataset): { episodes: T[]; closed: number } {
  const extracts = new Map(dataset.extracts.map((e) => [e.id, { date: e.extractDate, windowStart: e.windowStart ?? windowStartIso(e.extractDate) }]));
  // Only extracts that hold this list can say an episode is missing from it.
  const holding = [...extractsHolding(episodes)].flatMap((id) => {
    const info = extracts.get(id);
    return info ? [info] : [];
  });
  holding.sort((a, b) => a.date.localeCompare(b.date));
  if (holding.length < 2) return { episodes: [...episodes], closed: 0 };
  const startsByChild = new Map<string, string[]>();
  for (const e of episodes) {
    const list = startsByChild.get(e.child);
    if (list) list.push(e.startDate);
    else startsByChild.set(e.child, [e.startDate]);
  }
  let closed = 0;
  const out = episodes.map((e) => {
    if (e.endDate !== null) return e;
    const own = extracts.get(e.extract);
    if (!own) return e;
    const later = holding.find((x) => x.date > own.date);
    if (!later) return e;
    let end: string | null = null;
    if (later.windowStart > own.date) end = later.windowStart;
    else {
      const next = (startsByChild.get(e.child) ?? []).filter((s) => s > e.startDate).sort()[0];
      if (next !== undefined) end = next;
    }
    if (end === null || end <= e.startDate) return e;
    closed++;
    return { ...e, endDate: end };
  });
  return { episodes: out, closed };
}

/** The dataset with episodes that later extracts show to have ended closed (memoised: datasets are read-only). */
export function episodesAsSeen(dataset: Dataset): Dataset {
  let result = seen.get(dataset);
  if (!result) {
    const cpp = closeVanished(dataset.cpp, dataset);
    const cla = closeVanished(dataset.cla, dataset);
    result = cpp.closed === 0 && cla.closed === 0 ? dataset : { ...dataset, cpp: cpp.episodes, cla: cla.episodes };
    seen.set(dataset, result);
    seen.set(result, result);
  }
  return result;
}
