import { kthLargest } from './kthLargest';

/**
 * The `limit` items with the largest `figure`, ties by `tie`, sorted that way. Only the items at
 * or past the limit-th figure (kthLargest) meet the comparator: a trail of one-call sessions gives
 * hundreds of thousands of items, and comparing them all by text costs more than counting did.
 */
export function largestFirst<T>(
  items: readonly T[],
  limit: number,
  figure: (item: T) => number,
  tie: (a: T, b: T) => number,
): T[] {
  if (limit <= 0) return [];
  let kept = [...items];
  if (items.length > limit * 2) {
    const cut = kthLargest(Float64Array.from(items, figure), limit);
    kept = items.filter((t) => figure(t) >= cut);
  }
  return kept
    .sort((a, b) => {
      const d = figure(b) - figure(a);
      return d !== 0 ? d : tie(a, b);
    })
    .slice(0, limit);
}
