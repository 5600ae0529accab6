// The public placement models' method, for comparison only: children by age band and placement, moving
// between placements and out of care at constant rates per age band and placement (a child placed last
// week as likely to move or leave as one placed five years ago), ageing into the next band at a constant
// rate, entrants at the average daily rate by age band and placement. Fitted to the same placements.
import type { PlacementEpisode } from '../../shared/dataset/types.ts';
import { dayNumber } from '../../shared/import/values/dates.ts';
import { comboCount, comboIndex } from '../../shared/engine/children/placements/groups.ts';
import { daysPerMonth } from '../../shared/engine/core/months.ts';

// csdmpy's age brackets (years): under 1, 1-4, 5-9, 10-15, 16-17.
const bands = [0, 1, 5, 10, 16, 18];
const B = bands.length - 1;
const bandOfYears = (age: number) => Math.max(0, Math.min(B - 1, bands.findIndex((b, i) => age >= b && age < bands[i + 1]!)));

export function memorylessProjection(episodes: readonly PlacementEpisode[], windowFrom: string, windowTo: string, anchorDay: string, months: number): Float64Array[] {
  const from = dayNumber(windowFrom);
  const to = dayNumber(windowTo);
  const S = comboCount;
  const exposure = new Float64Array(B * S);
  const moves = new Float64Array(B * S * S);
  const exits = new Float64Array(B * S);
  const entries = new Float64Array(B * S);
  const byChild = new Map<string, PlacementEpisode[]>();
  for (const e of episodes) byChild.set(e.child, [...(byChild.get(e.child) ?? []), e]);
  for (const list of byChild.values()) {
    list.sort((a, b) => a.startDate.localeCompare(b.startDate));
    list.forEach((e, i) => {
      const birth = dayNumber(`${e.birthMonth ?? '2010-01'}-15`);
      const s = comboIndex(e.placementGroup, e.provider);
      const start = dayNumber(e.startDate);
      const end = e.endDate ? dayNumber(e.endDate) : null;
      const age = (day: number) => (day - birth) / 365.25;
      if (e.startDate === e.periodStart && start >= from && start <= to && age(start) < 18) entries[bandOfYears(age(start)) * S + s]! += 1;
      const a = Math.max(start, from);
      const b = Math.min(end ?? to, to, birth + 18 * 365.25);
      for (let day = a; day < b; day += daysPerMonth) exposure[bandOfYears(age(day)) * S + s]! += Math.min(daysPerMonth, b - day) / daysPerMonth;
      if (end !== null && end >= from && end <= to && age(end) < 17.95) {
        const next = list[i + 1];
        if (next && next.startDate === e.endDate) moves[(bandOfYears(age(end)) * S + s) * S + comboIndex(next.placementGroup, next.provider)]! += 1;
        else exits[bandOfYears(age(end)) * S + s]! += 1;
      }
    });
  }
  const windowMonths = (to - from) / daysPerMonth;
  // The stock on the anchor day.
  let stock = new Float64Array(B * S);
  const anchor = dayNumber(anchorDay);
  for (const e of episodes) {
    if (dayNumber(e.startDate) <= anchor && (e.endDate === null || dayNumber(e.endDate) > anchor)) {
      const age = (anchor - dayNumber(`${e.birthMonth ?? '2010-01'}-15`)) / 365.25;
      if (age < 18) stock[bandOfYears(age) * S + comboIndex(e.placementGroup, e.provider)]! += 1;
    }
  }
  const out = Array.from({ length: S }, () => new Float64Array(months));
  for (let t = 0; t < months; t++) {
    const next = new Float64Array(B * S);
    for (let band = 0; band < B; band++) {
      const width = (bands[band + 1]! - bands[band]!) * 12;
      for (let s = 0; s < S; s++) {
        const n = stock[band * S + s]!;
        if (n <= 0) continue;
        const x = exposure[band * S + s]!;
        const exitRate = x > 0 ? exits[band * S + s]! / x : 0;
        let moving = 0;
        let remaining = n * (1 - Math.min(1, exitRate));
        for (let d = 0; d < S; d++) {
          const m = x > 0 ? (remaining * moves[(band * S + s) * S + d]!) / x : 0;
          moving += m;
          next[band * S + d]! += m;
        }
        remaining -= moving;
        // Ageing at a constant rate: a 1/width share moves up a band each month (the oldest leave at 18).
        const ageing = remaining / width;
        next[band * S + s]! += remaining - ageing;
        if (band + 1 < B) next[(band + 1) * S + s]! += ageing;
      }
      for (let s = 0; s < S; s++) next[band * S + s]! += entries[band * S + s]! / windowMonths;
    }
    stock = next;
    for (let s = 0; s < S; s++) for (let band = 0; band < B; band++) out[s]![t]! += stock[band * S + s]!;
  }
  return out;
}
