/**
 * A seeded pseudo-random generator (mulberry32) returning numbers in [0, 1), for tests that sample
 * inputs at random: the same seed gives the same inputs, so a failure reproduces. Not for anything
 * that needs unpredictability.
 */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}
