import { firstNonZero } from '../lib/firstNonZero';
import { kthLargest } from '../lib/kthLargest';

/**
 * The `limit` items with most events, ties by name (localeCompare), sorted that way. Only the
 * items at or past the limit-th count meet the comparator: a trail of one-call sessions gives tens
 * of thousands of identities, and sorting them all by name costs more than counting them did.
 */
export function mostEvents<T>(
  items: readonly T[],
  limit: number,
  events: (item: T) => number,
  name: (item: T) => string,
): T[] {
  if (limit <= 0) return [];
  let kept = [...items];
  if (items.length > limit * 2) {
    const cut = kthLargest(Float64Array.from(items, events), limit);
    kept = items.filter((t) => events(t) >= cut);
  }
  return kept
    .sort((a, b) => firstNonZero(events(b) - events(a), name(a).localeCompare(name(b))))
    .slice(0, limit);
}
