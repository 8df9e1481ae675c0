import { describe, expect, it } from 'vitest';
import { binLength, snapToBins, stackBins, summarizeBins } from './TimelineBins';
import type { TimelineBins } from './TimelineBins';

const M = 60_000;
const start = Date.UTC(2024, 2, 14, 13, 0);
const bins: TimelineBins = {
  start,
  step: 5 * M,
  ok: Uint32Array.from([3, 0, 7, 1]),
  errors: Uint32Array.from([1, 0, 0, 2]),
};

describe('summarizeBins', () => {
  it('totals events and errors over the covered range', () => {
    expect(summarizeBins(bins)).toEqual({
      events: 14,
      errors: 3,
      hits: 0,
      from: start,
      to: start + 20 * M,
    });
    const marked = { ...bins, hits: Uint32Array.from([1, 0, 2, 0]) };
    expect(summarizeBins(marked)?.hits).toBe(3);
  });

  it('is undefined without bins', () => {
    expect(summarizeBins(undefined)).toBeUndefined();
    expect(summarizeBins({ ...bins, ok: new Uint32Array(0), errors: new Uint32Array(0) })).toBe(
      undefined,
    );
    expect(binLength({ ...bins, step: 0 })).toBe(0);
  });
});

describe('stackBins', () => {
  it('puts x at bin midpoints and stacks errors on successes', () => {
    const [x, ok, total] = stackBins(bins);
    expect(Array.from(x)).toEqual([2.5, 7.5, 12.5, 17.5].map((m) => start + m * M));
    expect(Array.from(ok)).toEqual([3, 0, 7, 1]);
    expect(Array.from(total)).toEqual([4, 0, 7, 3]);
  });

  it('gives the detection hits their own column, zeros without them', () => {
    expect(Array.from(stackBins(bins)[3])).toEqual([0, 0, 0, 0]);
    const marked = { ...bins, hits: Uint32Array.from([1, 0, 2, 0]) };
    expect(Array.from(stackBins(marked)[3])).toEqual([1, 0, 2, 0]);
  });

  it('gives empty columns for no bins', () => {
    expect(stackBins(undefined).map((c) => c.length)).toEqual([0, 0, 0, 0]);
  });
});

describe('snapToBins', () => {
  it('widens a brush to the bins it touches', () => {
    expect(snapToBins(bins, start + 6 * M, start + 11 * M)).toEqual([
      start + 5 * M,
      start + 15 * M,
    ]);
    expect(snapToBins(bins, start + 5 * M, start + 10 * M)).toEqual([
      start + 5 * M,
      start + 10 * M,
    ]);
  });

  it('keeps at least one bin and stays inside the chart', () => {
    expect(snapToBins(bins, start + 6 * M, start + 6 * M)).toEqual([start + 5 * M, start + 10 * M]);
    expect(snapToBins(bins, start - 60 * M, start + 60 * M)).toEqual([start, start + 20 * M]);
    expect(snapToBins(bins, start + 60 * M, start + 90 * M)).toEqual([
      start + 15 * M,
      start + 20 * M,
    ]);
  });

  it('accepts a reversed range and rejects nonsense', () => {
    expect(snapToBins(bins, start + 11 * M, start + 6 * M)).toEqual([
      start + 5 * M,
      start + 15 * M,
    ]);
    expect(snapToBins(undefined, start, start + M)).toBeUndefined();
    expect(snapToBins(bins, Number.NaN, start)).toBeUndefined();
  });
});
