import type { EventIndex } from '../index/EventIndex';
import { codesCarried } from './fieldCodes';
import type { FieldCodes } from './fieldCodes';
import { lowerBound } from './selectRows';

/**
 * The codes of a field first seen among `within`: a mark (1, in a Uint8Array of `fc.size`) per
 * non-empty value that some row of `within` carries and no row of `before` does. One pass over each
 * row list. Facets and count-by lists mark a value "new" in a time range with `before` the events
 * earlier than the range (rowsBefore) and `within` the result in the range.
 */
export function firstSeenCodes(
  fc: FieldCodes,
  before: Uint32Array,
  within: Uint32Array,
): Uint8Array {
  return markFirstSeen(codesCarried(fc, before), codesCarried(fc, within));
}

/**
 * Marks of codes present now (`present`, a non-zero entry per code, e.g. event counts) and absent
 * from `seenBefore` (codesCarried of the earlier rows); a new array, code 0 never marked.
 */
export function markFirstSeen(
  seenBefore: Uint8Array,
  present: Uint8Array | Uint32Array,
): Uint8Array {
  const marks = new Uint8Array(present.length);
  for (let c = 1; c < present.length; c++) {
    if ((present[c] ?? 0) !== 0 && (seenBefore[c] ?? 0) === 0) marks[c] = 1;
  }
  return marks;
}

/**
 * Every event of the index earlier than `from` (ms since epoch), whatever the query: "first seen"
 * means no event at all before the range has the value. Undefined without a range start, or when no
 * event precedes it: with nothing to compare against, no value is new (else a range covering the
 * whole dataset would mark every value).
 */
export function rowsBefore(index: EventIndex, from: number | undefined): Uint32Array | undefined {
  if (from === undefined) return undefined;
  const sorted = index.sortedRows();
  const n = lowerBound(sorted, index.time.data, from);
  return n === 0 ? undefined : sorted.subarray(0, n);
}
