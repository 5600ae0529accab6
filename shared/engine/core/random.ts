// A small seeded random number generator, so synthetic authorities and Monte Carlo runs repeat exactly.
// sfc32 seeded through splitmix32: fast, good enough for simulation, and the same on every platform.

export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  int(minInclusive: number, maxInclusive: number): number;
  normal(): number;
  poisson(mean: number): number;
  pick<T>(items: readonly T[]): T;
  /** Picks by weight; weights need not sum to 1. */
  weighted<T>(items: readonly T[], weights: readonly number[]): T;
}

export function createRandom(seed: number): Random {
  let s = seed >>> 0;
  const splitmix = () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
  // The state lives in typed arrays, not in variables the closures share: those would hold most 32-bit
  // values boxed, and box them anew on every draw. Bit for bit the same numbers either way.
  const state = new Uint32Array(4);
  state[0] = splitmix();
  state[1] = splitmix();
  state[2] = splitmix();
  state[3] = splitmix();
  const next = () => {
    const a = state[0]!;
    const b = state[1]!;
    const c = state[2]!;
    const d = state[3]!;
    const t = (((a + b) >>> 0) + d) >>> 0;
    state[3] = d + 1;
    state[0] = b ^ (b >>> 9);
    state[1] = c + (c << 3);
    const rotated = (c << 21) | (c >>> 11);
    state[2] = rotated + t;
    return t / 4294967296;
  };
  for (let i = 0; i < 12; i++) next();
  // The second value of each Box-Muller pair, kept for the next call.
  const spare = new Float64Array(1);
  let hasSpare = false;
  const normal = () => {
    if (hasSpare) {
      hasSpare = false;
      return spare[0]!;
    }
    let u = 0;
    while (u === 0) u = next();
    const v = next();
    const r = Math.sqrt(-2 * Math.log(u));
    spare[0] = r * Math.sin(2 * Math.PI * v);
    hasSpare = true;
    return r * Math.cos(2 * Math.PI * v);
  };
  const poisson = (mean: number): number => {
    if (!(mean > 0)) return 0;
    // Above a mean of 12 the normal approximation (with continuity) is close enough for bands and far faster.
    if (mean > 12) return Math.max(0, Math.floor(mean + Math.sqrt(mean) * normal() + 0.5));
    const limit = Math.exp(-mean);
    let k = 0;
    let p = next();
    while (p > limit) {
      k++;
      p *= next();
    }
    return k;
  };
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    normal,
    poisson,
    pick: (items) => items[Math.floor(next() * items.length)]!,
    weighted: (items, weights) => {
      const total = weights.reduce((sum, w) => sum + w, 0);
      let r = next() * total;
      for (let i = 0; i < items.length; i++) {
        r -= weights[i]!;
        if (r < 0) return items[i]!;
      }
      return items[items.length - 1]!;
    },
  };
}
