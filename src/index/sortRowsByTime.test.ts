import { describe, expect, it } from 'vitest';
import { sortRowsByTime } from './sortRowsByTime';

function reference(time: Float64Array, n: number): number[] {
  return Array.from({ length: n }, (_, i) => i).sort((a, b) => {
    const d = (time[a] ?? 0) - (time[b] ?? 0);
    return d !== 0 ? d : a - b;
  });
}

function randomTimes(n: number, span: number, seed: number): Float64Array {
  let s = seed;
  const next = () => (s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 2 ** 32;
  const base = Date.parse('2024-03-01T00:00:00Z');
  // Whole seconds, as CloudTrail writes them, so ties are common.
  return Float64Array.from({ length: n }, () => base + Math.floor(next() * span) * 1000);
}

describe('sortRowsByTime', () => {
  it('orders by time, ties by row, on the packed fast path', () => {
    const time = randomTimes(5000, 3600, 1);
    expect(Array.from(sortRowsByTime(time, 5000, new Uint32Array(0)))).toEqual(
      reference(time, 5000),
    );
  });

  it('orders correctly when the span is too wide to pack (comparator path)', () => {
    const time = randomTimes(3000, 3600, 2);
    time[7] = Date.parse('1990-01-01T00:00:00Z');
    time[8] = Date.parse('2090-01-01T00:00:00Z');
    expect(Array.from(sortRowsByTime(time, 3000, new Uint32Array(0)))).toEqual(
      reference(time, 3000),
    );
  });

  it('merges new rows into a previous order', () => {
    const time = randomTimes(4000, 600, 3);
    const first = sortRowsByTime(time, 2500, new Uint32Array(0));
    expect(Array.from(sortRowsByTime(time, 4000, first))).toEqual(reference(time, 4000));
  });
});
