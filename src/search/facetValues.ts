import { resolveField, INDEXED_FIELDS } from '../querylang/fields';
import type { EventIndex } from '../index/EventIndex';
import { facetValue, topCodes } from './countFacets';
import { countCodes, fieldCodes } from './fieldCodes';
import { markFirstSeen } from './firstSeen';
import type { SeenBeforeOf } from './firstSeen';
import type { FacetList } from './types';

/** What the empty value ('', events without one) is called in lists, and matched against. */
export const NONE_LABEL = '(none)';

/**
 * Every value of one indexed field over `rows` with its events (as countFacets counts them, so each
 * equals what a click on it finds), narrowed to those containing `text` (case-insensitive; '' is
 * matched as "(none)"), most frequent first, at most `limit` of them. With `seenBefore` (the codes of
 * the events earlier than the time range, firstSeen), values none of them has are marked `firstSeen`. Undefined for a
 * field that is not an indexed one with values (eventID, paths). One pass over the rows, then one
 * over the field's dictionary.
 */
export function facetValues(
  index: EventIndex,
  rows: Uint32Array,
  field: string,
  text: string,
  limit: number,
  seenBefore?: SeenBeforeOf,
): FacetList | undefined {
  const name = resolveField(field).name;
  const indexed = INDEXED_FIELDS.find((f) => f.name === name);
  const fc = indexed === undefined ? undefined : fieldCodes(index, indexed);
  if (fc === undefined) return undefined;
  const counts = countCodes(fc, rows);
  const needle = text.trim().toLowerCase();
  const keep =
    needle === ''
      ? undefined
      : (c: number) =>
          (c === 0 ? NONE_LABEL : (fc.dict?.get(c) ?? '')).toLowerCase().includes(needle);
  const all = needle === '' ? undefined : topCodes(counts, 0);
  const top = topCodes(counts, limit, keep);
  const seen = indexed === undefined ? undefined : seenBefore?.(indexed, fc);
  const fresh = seen === undefined ? undefined : markFirstSeen(seen, counts);
  return {
    field: name,
    distinct: all?.distinct ?? top.distinct,
    matching: top.distinct,
    values: top.codes.map((c) => facetValue(fc.dict, c, counts, fresh)),
  };
}
