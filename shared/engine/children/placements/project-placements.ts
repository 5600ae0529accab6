// Children in care by placement group and provider, month by month, inside the projected total. Every child
// in care is held by placement, age in months and months in the placement. Each month: children turning 18
// leave; the month's other leavers (as many as the projection of children in care says) leave from each
// placement in proportion to its rate of leaving care; of those who stay, some move placement at the rate
// for their group, age and months in the placement, to where children like them went; everyone grows a
// month older; entrants arrive, aged as entrants are becoming, and placed as entrants of their age were.
// The groups are then scaled to the projected total, so they add up to it exactly.
import { ageBandOf, ageBandStarts, comboCount, groupOfCombo, maxAgeMonths, maxStayMonths, stayBandOf } from './groups.ts';
import { entryAgeSharesAt, rateIndex, type PlacementModel, type PlacementStock } from './estimate-placements.ts';

// Imported bindings copied to module constants: code run through a CommonJS transform (tsx, the command)
// reads an imported binding through a getter on every use, which the cell loops below would pay for millions
// of times a projection.
const maxAge = maxAgeMonths;
const C = comboCount;
const groupOf = groupOfCombo;
const bandOfAge = ageBandOf;
const A = ageBandStarts.length;
const S = maxStayMonths + 1;
const cellsPerCombo = maxAge * S;

/**
 * The fewest moves that give children entering an age band the mix of that band: each placement keeps as
 * many as the new mix has room for; the rest move, with no time in their new placement, to the placements
 * the new mix has more of.
 */
function remixInto(a: number, mix: Float64Array, mass: Float64Array, place: (d: number, a: number, n: number, k?: number) => void): void {
  const row = bandOfAge(a) * C;
  let total = 0;
  const byCombo = new Float64Array(C);
  for (let c = 0; c < C; c++) for (let k = 0; k < S; k++) byCombo[c]! += mass[c * S + k]!;
  for (let c = 0; c < C; c++) total += byCombo[c]!;
  if (!(total > 0)) return;
  let moving = 0;
  const deficit = new Float64Array(C);
  let deficits = 0;
  for (let c = 0; c < C; c++) {
    const room = mix[row + c]! * total;
    const keep = Math.min(byCombo[c]!, room);
    const keepShare = byCombo[c]! > 0 ? keep / byCombo[c]! : 0;
    for (let k = 0; k < S; k++) if (mass[c * S + k]! > 0) place(c, a, mass[c * S + k]! * keepShare, k);
    moving += byCombo[c]! - keep;
    deficit[c] = room - keep;
    deficits += deficit[c]!;
  }
  if (moving > 0 && deficits > 0) for (let c = 0; c < C; c++) if (deficit[c]! > 0) place(c, a, (moving * deficit[c]!) / deficits);
}

export interface TotalPath {
  claStarts: ArrayLike<number>;
  claEnds: ArrayLike<number>;
  claAgedOut: ArrayLike<number>;
  claOpen: ArrayLike<number>;
}

/** Children by combo (group:provider), [combo][month]. */
export function projectPlacements(model: PlacementModel, stock: PlacementStock, total: TotalPath, horizon: number): Float64Array[] {
  const out = Array.from({ length: C }, () => new Float64Array(horizon));
  const G = C / 2;
  const cells = C * cellsPerCombo;
  const rules = G * A * S;
  // Every number the month's loops read or write lives in one array, at the offsets below: V8 reloads a
  // typed array's storage after any store into another, which the cell loops would pay for at every cell.
  // This month's cells and next month's (the two halves swap each month), monthly probabilities of moving
  // and relative exit rates by [group][ageBand][stayMonth], movers by group and age, each combo's children,
  // children crossing into a new age band (List 8 alone), and next month's exit weight as it is added up.
  const EXIT = 2 * cells;
  const MOVE = EXIT + rules;
  const MOVED = MOVE + rules;
  const SUM = MOVED + G * maxAge;
  const CROSS = SUM + C;
  const WEIGHT = CROSS + C * S;
  const M = new Float64Array(WEIGHT + 1);
  let current = 0;
  let next = cells;
  // Which (combo, age) rows hold anyone: most are empty, and skipping them is most of the speed.
  let rowsCurrent = new Uint8Array(C * maxAge);
  let rowsNext = new Uint8Array(C * maxAge);
  for (let i = 0; i < stock.count.length; i++) {
    M[current + stock.combo[i]! * cellsPerCombo + stock.ageMonths[i]! * S + stock.stayMonths[i]!]! += stock.count[i]!;
    rowsCurrent[stock.combo[i]! * maxAge + stock.ageMonths[i]!] = 1;
  }
  for (let g = 0; g < G; g++)
    for (let a = 0; a < A; a++)
      for (let k = 0; k < S; k++) {
        const r = rateIndex(g, a, stayBandOf(k));
        M[MOVE + (g * A + a) * S + k] = 1 - Math.exp(-model.moveRate[r]!);
        M[EXIT + (g * A + a) * S + k] = model.exitRate[r]!;
      }
  const ageBand = Int32Array.from({ length: maxAge }, (_, a) => bandOfAge(a));
  const last = maxAge - 1; // this age turns 18 in the month and leaves
  // The exit weight of a cell: how much of the month's leavers it gives, per child.
  const exitWeight = (c: number, a: number, k: number) => (a >= last ? 0 : M[EXIT + (groupOf(c) * A + ageBand[a]!) * S + k]!);
  let weight = 0;
  for (let i = 0; i < stock.count.length; i++) weight += stock.count[i]! * exitWeight(stock.combo[i]!, stock.ageMonths[i]!, stock.stayMonths[i]!);
  // Cells are kept unscaled; `scale` brings them to the projected total (applied as they are read).
  let scale = 1;
  // List 8 alone sees no moves: at 5, 10 and 16 children take the placement mix of their new age band.
  const remix = model.stockMix;
  const crossing = Uint8Array.from({ length: maxAge }, (_, a) => (a > 0 && ageBand[a] !== ageBand[a - 1] ? 1 : 0));
  const crossingMass = M.subarray(CROSS, CROSS + C * S);
  // Where remixInto places children: into next month's cells.
  const place = (d: number, a: number, n: number, k = 0) => {
    if (!(n > 0)) return;
    rowsNext[d * maxAge + a] = 1;
    M[next + d * cellsPerCombo + a * S + k]! += n;
    M[SUM + d]! += n;
    M[WEIGHT]! += n * exitWeight(d, a, k);
  };

  for (let t = 0; t < horizon; t++) {
    const exits = Math.max(0, total.claEnds[t]! - total.claAgedOut[t]!);
    const factor = weight * scale > 0 ? exits / (weight * scale) : 0;
    // This month's offsets and rows as constants: the loops below read and write them for every cell.
    const from = current;
    const into = next;
    const rowsFrom = rowsCurrent;
    const rowsInto = rowsNext;
    let nextWeight = 0;
    M.fill(0, into, into + cells);
    rowsInto.fill(0);
    M.fill(0, MOVED, SUM + C);
    for (let c = 0; c < C; c++) {
      const g = groupOf(c);
      // The combo's sum and each age's movers are added up in locals (in the same order as ever): a sum
      // kept in an array would be read back from memory for every cell.
      let comboTotal = M[SUM + c]!;
      for (let a = 0; a < last; a++) {
        if (!rowsFrom[c * maxAge + a]) continue;
        const base = from + c * cellsPerCombo + a * S;
        const rates = (g * A + ageBand[a]!) * S;
        const exitAt = EXIT + rates;
        const moveAt = MOVE + rates;
        const to = into + c * cellsPerCombo + (a + 1) * S;
        const nextExitAt = a + 1 < last ? EXIT + (g * A + ageBand[a + 1]!) * S : -1;
        const regroup = remix !== null && crossing[a + 1] === 1;
        let movers = M[MOVED + g * maxAge + a + 1]!;
        let reached = false;
        for (let k = 0; k < S; k++) {
          let n = M[base + k]!;
          if (!(n > 0)) continue;
          n *= scale;
          const stay = n - Math.min(n, n * M[exitAt + k]! * factor);
          const moving = stay * M[moveAt + k]!;
          const remaining = stay - moving;
          const k1 = k + 1 < S ? k + 1 : k;
          if (regroup) {
            // Children growing into the next age band are re-placed below, as children of that age are.
            M[CROSS + c * S + k1]! += remaining;
          } else {
            reached = true;
            M[to + k1]! += remaining;
            comboTotal += remaining;
            if (nextExitAt >= 0) nextWeight += remaining * M[nextExitAt + k1]!;
          }
          movers += moving;
        }
        if (reached) rowsInto[c * maxAge + a + 1] = 1;
        M[MOVED + g * maxAge + a + 1] = movers;
      }
      M[SUM + c] = comboTotal;
    }
    M[WEIGHT] = nextWeight;
    if (remix) {
      for (let a = 1; a < maxAge; a++) {
        if (!crossing[a]) continue;
        remixInto(a, remix, crossingMass, place);
        crossingMass.fill(0);
      }
    }
    // Movers and entrants are placed as `place` places them, written out here: a call per placement would
    // cost more than the placing. Each adds to next month's exit weight in the same order as ever.
    let placedWeight = M[WEIGHT]!;
    const destination = model.destination;
    for (let g = 0; g < G; g++) {
      for (let a = 1; a < maxAge; a++) {
        const m = M[MOVED + g * maxAge + a]!;
        if (!(m > 0)) continue;
        const row = (g * A + ageBand[a - 1]!) * C;
        const exitBand = EXIT + ageBand[a]! * S;
        for (let d = 0; d < C; d++) {
          const n = m * destination[row + d]!;
          if (!(n > 0)) continue;
          rowsInto[d * maxAge + a] = 1;
          M[into + d * cellsPerCombo + a * S]! += n;
          M[SUM + d]! += n;
          placedWeight += n * (a >= last ? 0 : M[exitBand + groupOf(d) * A * S]!);
        }
      }
    }
    // Entrants, mid-month, aged as entrants are becoming.
    const starts = total.claStarts[t]!;
    if (starts > 0) {
      const ages = entryAgeSharesAt(model, (t + 0.5) / 12);
      for (let y = 0; y < 18; y++) {
        const a = y * 12 + 6;
        const row = ageBand[a]! * C;
        const exitBand = EXIT + ageBand[a]! * S;
        for (let d = 0; d < C; d++) {
          const n = starts * ages[y]! * model.entry[row + d]!;
          if (!(n > 0)) continue;
          rowsInto[d * maxAge + a] = 1;
          M[into + d * cellsPerCombo + a * S]! += n;
          M[SUM + d]! += n;
          placedWeight += n * (a >= last ? 0 : M[exitBand + groupOf(d) * A * S]!);
        }
      }
    }
    // Held to the projected total, exactly.
    let sum = 0;
    for (let c = 0; c < C; c++) sum += M[SUM + c]!;
    const target = Math.max(0, total.claOpen[t]!);
    scale = sum > 0 ? target / sum : 0;
    for (let c = 0; c < C; c++) out[c]![t] = M[SUM + c]! * scale;
    // Nothing to share out (no placement known for anyone): all are "other".
    if (sum === 0) out[C - 2]![t] = target;
    weight = placedWeight;
    current = into;
    next = from;
    rowsCurrent = rowsInto;
    rowsNext = rowsFrom;
  }
  return out;
}
