import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../test/seededRandom';
import { kthLargest } from './kthLargest';

describe('kthLargest', () => {
  it('gives what a full sort gives, on random, sorted, constant and tied input', () => {
    const random = seededRandom(11);
    const inputs = [
      Array.from({ length: 5000 }, () => Math.floor(random() * 100)),
      Array.from({ length: 5000 }, () => random() * 1e12),
      Array.from({ length: 3000 }, (_, i) => i),
      Array.from({ length: 3000 }, (_, i) => -i),
      Array.from({ length: 2000 }, () => 7),
      [3],
    ];
    for (const values of inputs) {
      const sorted = [...values].sort((a, b) => b - a);
      for (const k of [1, 2, 10, 999, values.length]) {
        if (k > values.length) continue;
        expect(kthLargest(values, k)).toBe(sorted[k - 1]);
      }
    }
  });

  it('keeps nothing for a k out of range', () => {
    expect(kthLargest([1, 2, 3], 0)).toBe(-Infinity);
    expect(kthLargest([1, 2, 3], 4)).toBe(-Infinity);
    expect(kthLargest([], 1)).toBe(-Infinity);
  });
});
