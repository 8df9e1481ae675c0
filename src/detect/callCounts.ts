import { STRING_FIELDS } from '../cloudtrail/types';
import type { EventIndex } from '../index/EventIndex';

/** How many events of one call (eventSource and eventName) the case holds. */
export interface CallCount {
  readonly eventSource: string;
  readonly eventName: string;
  readonly count: number;
}

/**
 * Every call the index holds with its event count: one pass over the eventName and eventSource
 * codes (a pair of codes per row), then one string per distinct pair.
 */
export function callCounts(index: EventIndex): CallCount[] {
  const fName = STRING_FIELDS.indexOf('eventName');
  const fSource = STRING_FIELDS.indexOf('eventSource');
  const names = index.cols[fName]?.data;
  const sources = index.cols[fSource]?.data;
  if (names === undefined || sources === undefined) return [];
  const width = Math.max(1, index.dicts[fName]?.size ?? 1);
  const counts = new Map<number, number>();
  for (let row = 0; row < index.size; row++) {
    const key = (sources[row] ?? 0) * width + (names[row] ?? 0);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].map(([key, count]) => ({
    eventSource: index.dicts[fSource]?.get(Math.floor(key / width)) ?? '',
    eventName: index.dicts[fName]?.get(key % width) ?? '',
    count,
  }));
}
