/**
 * A tiny deterministic PRNG (mulberry32) for demo data: the same seed gives the same sequence on
 * every machine and in every process, so desk and server agree on generated demo records.
 * Not for anything secret.
 */
export type Random = () => number;

export const mulberry32 = (seed: number): Random => {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
};

/** One item of a list, uniformly. */
export const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

/** One key by weight, e.g. `{ a: 8, b: 2 }` gives 'a' 80 % of the time. */
export const pickWeighted = <K extends string>(random: Random, weights: Readonly<Record<K, number>>): K => {
  const entries = Object.entries(weights) as [K, number][];
  const total = entries.reduce((sum, [, w]) => sum + w, 0);
  let roll = random() * total;
  for (const [key, weight] of entries) {
    roll -= weight;
    if (roll < 0) return key;
  }
  return entries[entries.length - 1]![0];
};
