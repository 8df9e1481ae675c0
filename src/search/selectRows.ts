import type { EventIndex } from '../index/EventIndex';
import type { RowTest } from './compileFilter';

/** A time range: ms since epoch, `from` inclusive, `to` exclusive; either end may be open. */
export interface TimeRange {
  readonly from?: number;
  readonly to?: number;
}

/**
 * The rows within `range` that pass every row test, in time order (ascending). With no tests this is
 * a view into the index's sorted order, not a copy. Column tests run first, one column at a time over
 * the whole array into a pass mask (sequential, ≈1 ms per million rows each), then other tests on
 * the rows still passing, then the time-ordered rows in range are gathered from the mask.
 */
export function selectRows(
  index: EventIndex,
  tests: readonly RowTest[],
  range: TimeRange,
): Uint32Array {
  const sorted = index.sortedRows();
  const time = index.time.data;
  const lo = range.from === undefined ? 0 : lowerBound(sorted, time, range.from);
  const hi = range.to === undefined ? sorted.length : lowerBound(sorted, time, range.to);
  if (tests.length === 0) return sorted.subarray(lo, Math.max(lo, hi));
  const n = index.size;
  const pass = scratch.pass(n).fill(1, 0, n);
  for (const test of tests) {
    const c = test.column;
    if (c === undefined) continue;
    const { table, codes, flip } = c;
    for (let row = 0; row < n; row++)
      pass[row] = (pass[row] ?? 0) & ((table[codes[row] ?? 0] ?? 0) ^ flip);
  }
  const others = tests.filter((t) => t.column === undefined);
  if (others.length > 0) {
    for (let row = 0; row < n; row++) {
      if (pass[row] === 1 && !others.every((t) => t(row))) pass[row] = 0;
    }
  }
  const out = scratch.out(Math.max(0, hi - lo));
  let k = 0;
  for (let i = lo; i < hi; i++) {
    const row = sorted[i] ?? 0;
    if (pass[row] === 1) out[k++] = row;
  }
  return out.slice(0, k);
}

/**
 * Work arrays kept between searches (selectRows is synchronous, so one set serves every call): a
 * fresh 1 MB mask and 4 MB of output per search at 1M events was external memory enough to set off
 * collections of the worker's large heap mid-query. Only the matches are copied out.
 */
const scratch = (() => {
  let pass = new Uint8Array(0);
  let out = new Uint32Array(0);
  return {
    pass(n: number): Uint8Array {
      if (pass.length < n) pass = new Uint8Array(Math.ceil(n * 1.25));
      return pass;
    },
    out(n: number): Uint32Array {
      if (out.length < n) out = new Uint32Array(Math.ceil(n * 1.25));
      return out;
    },
  };
})();

/** First position in `sorted` whose time is ≥ t. */
export function lowerBound(sorted: Uint32Array, time: Float64Array, t: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((time[sorted[mid] ?? 0] ?? 0) < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
