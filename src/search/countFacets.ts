import { INDEXED_FIELDS } from '../querylang/fields';
import type { Dictionary } from '../index/Dictionary';
import type { EventIndex } from '../index/EventIndex';
import { countCodes, fieldCodes } from './fieldCodes';
import { markFirstSeen } from './firstSeen';
import type { SeenBeforeOf } from './firstSeen';
import type { Facet, FacetValue } from './types';

/**
 * Top values and their counts of every indexed field (except eventID, unique per event) over `rows`.
 * `limit` values per field, most frequent first; counts are of events, so each equals the match count
 * of the clause a facet click adds (querylang/facetPick). '' ("(none)") counts the events with no
 * non-empty value: for the resource fields, those none of whose resources has one. With
 * `seenBefore` (the codes of the events earlier than the time range, firstSeen), a value none of
 * them has is marked `firstSeen`. One counting pass per field over a typed array of dictionary codes.
 */
export function countFacets(
  index: EventIndex,
  rows: Uint32Array,
  limit: number,
  seenBefore?: SeenBeforeOf,
): Facet[] {
  const out: Facet[] = [];
  for (const field of INDEXED_FIELDS) {
    const fc = fieldCodes(index, field);
    if (fc === undefined) continue;
    const counts = countCodes(fc, rows);
    const top = topCodes(counts, limit);
    const seen = seenBefore?.(field, fc);
    const fresh = seen === undefined ? undefined : markFirstSeen(seen, counts);
    out.push({
      field: field.name,
      distinct: top.distinct,
      values: top.codes.map((c) => facetValue(fc.dict, c, counts, fresh)),
    });
  }
  return out;
}

/** One listed value: its text, events, and whether it is first seen in the range. */
export function facetValue(
  dict: Dictionary | undefined,
  code: number,
  counts: Uint32Array,
  fresh: Uint8Array | undefined,
): FacetValue {
  const value = { value: dict?.get(code) ?? '', count: counts[code] ?? 0 };
  return fresh?.[code] === 1 ? { ...value, firstSeen: true } : value;
}

/**
 * The `limit` most frequent codes (ties: lower code first) and how many codes occur at all. A kept
 * list of `limit` replaces sorting every code: a field of near-unique values (temporary access keys)
 * has millions. `keep`, when given, says which codes may be listed.
 */
export function topCodes(
  counts: Uint32Array,
  limit: number,
  keep?: (code: number) => boolean,
): { readonly codes: number[]; readonly distinct: number } {
  const top: number[] = [];
  let distinct = 0;
  for (let c = 0; c < counts.length; c++) {
    const n = counts[c] ?? 0;
    if (n === 0 || (keep !== undefined && !keep(c))) continue;
    distinct++;
    if (limit <= 0) continue;
    // Codes come in ascending order, so an equal count never displaces a kept code.
    if (top.length === limit && n <= (counts[top[limit - 1] ?? 0] ?? 0)) continue;
    let at = top.length === limit ? limit - 1 : top.length;
    while (at > 0 && (counts[top[at - 1] ?? 0] ?? 0) < n) {
      top[at] = top[at - 1] ?? 0;
      at--;
    }
    top[at] = c;
  }
  return { codes: top, distinct };
}
