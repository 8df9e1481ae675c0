import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../test/seededRandom';
import { DistinctPairs } from './DistinctPairs';

/** Distinct non-zero b per a, counted with a Set of pairs. */
function plain(pairs: readonly (readonly [number, number])[], aSize: number): number[] {
  const seen = new Set<string>();
  const out = new Array<number>(aSize).fill(0);
  for (const [a, b] of pairs) {
    if (b === 0 || seen.has(`${a},${b}`)) continue;
    seen.add(`${a},${b}`);
    out[a] = (out[a] ?? 0) + 1;
  }
  return out;
}

describe('DistinctPairs', () => {
  // Small sizes take the bitset; 10,000 × 100,000 cells is past it and takes the hash.
  for (const [aSize, bSize] of [
    [67, 8356],
    [10_000, 100_000],
  ] as const) {
    it(`counts the distinct non-zero b of each a as a Set of pairs does (${aSize} × ${bSize})`, () => {
      const random = seededRandom(aSize);
      const pairs = Array.from(
        { length: 200_000 },
        () => [Math.floor(random() ** 2 * aSize), Math.floor(random() ** 3 * bSize)] as const,
      );
      const d = new DistinctPairs(aSize, bSize);
      for (const [a, b] of pairs) d.add(a, b);
      expect([...d.distinct]).toEqual(plain(pairs, aSize));
    });
  }
});
