/** Deterministic randomness for the archive generator: the same seed gives the same archive. */

/** mulberry32: small, fast, good enough for test data. */
export function makeRandom(seed: number) {
  let a = seed >>> 0 || 0x9e3779b9;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const chance = (p: number) => next() < p;
  /** Index in 0..n-1 favouring small indexes (Zipf-like: a few units get most news). */
  const skewed = (n: number) => Math.min(n - 1, Math.floor(n * next() ** 2.2));
  const weighted = <T>(entries: readonly (readonly [T, number])[]): T => {
    const total = entries.reduce((s, [, w]) => s + w, 0);
    let r = next() * total;
    for (const [v, w] of entries) if ((r -= w) < 0) return v;
    return entries.at(-1)![0];
  };
  return { next, int, pick, chance, skewed, weighted };
}

export type Random = ReturnType<typeof makeRandom>;

/** Fisher–Yates shuffle of a copy. */
export function shuffled<T>(list: readonly T[], rnd: Random): T[] {
  const copy = [...list];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = rnd.int(0, i);
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

/** A number padded with zeros to `width` digits (dates, amounts). */
export const pad = (n: number, width = 2) => String(n).padStart(width, '0');
