// A household's time in temporary accommodation (TA) as the TA list shows it: one row per placement, and a
// household that moves between types has several. A placement that begins on the day (or the day after)
// the same household's previous one ends is a move within one stay, not a new entry to TA.
import type { HousingDataset, TaPlacementRecord, TaType } from '../../dataset/housing.ts';
import { dayNumber } from '../../import/values/dates.ts';

/** The most days between one placement's end and the next's start for them to count as a move. */
export const moveGapDays = 1;

export interface Placement {
  caseId: string;
  type: TaType;
  /** Day numbers; `left` null while still there. */
  placed: number;
  left: number | null;
  /** The type the household moved to on leaving, 'out' if it left TA, null while still there. */
  next: TaType | 'out' | null;
  /** True where this placement began a stay in TA (no placement of the household ended just before it). */
  entry: boolean;
}

/** The placements in day numbers, each knowing whether it began a stay and where the household went next. */
export function placementsOf(ta: readonly TaPlacementRecord[]): Placement[] {
  const byCase = new Map<string, Placement[]>();
  for (const r of ta) {
    const p: Placement = { caseId: r.caseId, type: r.taType, placed: dayNumber(r.placed), left: r.left ? dayNumber(r.left) : null, next: null, entry: true };
    const list = byCase.get(r.caseId);
    if (list) list.push(p);
    else byCase.set(r.caseId, [p]);
  }
  const out: Placement[] = [];
  for (const list of byCase.values()) {
    list.sort((a, b) => a.placed - b.placed);
    for (let i = 0; i < list.length; i++) {
      const p = list[i]!;
      const after = list[i + 1];
      if (p.left !== null) {
        const moved = after !== undefined && after.placed >= p.left && after.placed - p.left <= moveGapDays;
        p.next = moved ? after.type : 'out';
        if (moved) after.entry = false;
      }
      out.push(p);
    }
  }
  return out;
}

/** The export's observation window in day numbers: approaches and placements are complete after `from - 1`, up to `to`. */
export function exportWindow(dataset: HousingDataset): { from: number; to: number; extractDate: string } {
  const extractDate = dataset.extracts.map((e) => e.extractDate).sort().at(-1);
  if (!extractDate) throw new Error('extracts: a housing dataset needs an extract date');
  const starts = dataset.extracts.map((e) => e.windowStart).filter((d): d is string => !!d);
  // Without a stated window the case list's first approach starts it.
  const first = starts.length ? Math.min(...starts.map(dayNumber)) + 1 : Math.min(...dataset.cases.map((c) => dayNumber(c.approachDate)));
  return { from: Number.isFinite(first) ? first : dayNumber(extractDate), to: dayNumber(extractDate), extractDate };
}
