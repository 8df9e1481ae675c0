import { STRING_FIELDS } from '../cloudtrail/types';
import { INDEXED_FIELDS } from '../querylang/fields';
import type { Dictionary } from '../index/Dictionary';
import type { EventIndex } from '../index/EventIndex';
import type { Facet } from './types';

/**
 * Top values and their counts of every indexed field (except eventID, unique per event) over `rows`.
 * `limit` values per field, most frequent first; counts are of events, so each equals the match count
 * of the clause a facet click adds (querylang/facetPick). '' ("(none)") counts the events with no
 * non-empty value: for the resource fields, those none of whose resources has one. One counting
 * pass per field over a typed array of dictionary codes.
 */
export function countFacets(index: EventIndex, rows: Uint32Array, limit: number): Facet[] {
  const out: Facet[] = [];
  for (const field of INDEXED_FIELDS) {
    const { source } = field;
    if (source.kind === 'eventID') continue;
    let counts: Uint32Array;
    let dict: Dictionary | undefined;
    if (source.kind === 'column') {
      const f = STRING_FIELDS.indexOf(source.column);
      dict = index.dicts[f];
      counts = new Uint32Array(dict?.size ?? 0);
      const codes = index.cols[f]?.data ?? new Uint32Array(0);
      for (let i = 0; i < rows.length; i++) {
        const k = codes[rows[i] ?? 0] ?? 0;
        counts[k] = (counts[k] ?? 0) + 1;
      }
    } else {
      const isType = source.kind === 'resourceType';
      dict = isType ? index.resTypeDict : index.resNameDict;
      counts = new Uint32Array(dict.size);
      const codes = (isType ? index.resType : index.resName).data;
      const offsets = index.resOffsets.data;
      // An event counts once per value however many of its resources carry it, and under '' only
      // when none has a value: the events `field:value` and `-field:*` select (compileFilter).
      const seenAt = new Uint32Array(dict.size);
      for (let i = 0; i < rows.length; i++) {
        const row = rows[i] ?? 0;
        const end = offsets[row + 1] ?? 0;
        let valued = false;
        for (let r = offsets[row] ?? 0; r < end; r++) {
          const k = codes[r] ?? 0;
          if (k === 0 || seenAt[k] === i + 1) continue;
          seenAt[k] = i + 1;
          counts[k] = (counts[k] ?? 0) + 1;
          valued = true;
        }
        if (!valued) counts[0] = (counts[0] ?? 0) + 1;
      }
    }
    out.push({ field: field.name, ...topValues(counts, dict, limit) });
  }
  return out;
}

/**
 * The `limit` most frequent codes (ties: lower code first) and how many codes occur at all. A kept
 * list of `limit` replaces sorting every code: a field of near-unique values (temporary access keys)
 * has millions.
 */
function topValues(counts: Uint32Array, dict: Dictionary | undefined, limit: number) {
  const top: number[] = [];
  let distinct = 0;
  for (let c = 0; c < counts.length; c++) {
    const n = counts[c] ?? 0;
    if (n === 0) continue;
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
  return {
    distinct,
    values: top.map((c) => ({ value: dict?.get(c) ?? '', count: counts[c] ?? 0 })),
  };
}
