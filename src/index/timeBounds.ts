import type { EventIndex } from './EventIndex';
import { ROW_FLAG } from './types';

/**
 * The earliest and latest event times of `index` in ms since the epoch, leaving out rows flagged
 * ROW_FLAG.invalidTime (stored as 1970, they would stretch every time axis back fifty years).
 * Undefined when no row has a valid time. Cost: the number of invalid rows, which sort first.
 */
export function timeBounds(index: EventIndex): { min: number; max: number } | undefined {
  const sorted = index.sortedRows();
  const flags = index.flags.data;
  const valid = (row: number) => ((flags[row] ?? 0) & ROW_FLAG.invalidTime) === 0;
  let i = 0;
  while (i < sorted.length && !valid(sorted[i] ?? 0)) i++;
  if (i === sorted.length) return undefined;
  const max = index.time.data[sorted[sorted.length - 1] ?? 0] ?? 0;
  return { min: index.time.data[sorted[i] ?? 0] ?? 0, max };
}
