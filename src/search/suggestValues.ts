import { STRING_FIELDS } from '../cloudtrail/types';
import { resolveField } from '../querylang/fields';
import type { Dictionary } from '../index/Dictionary';
import type { EventIndex } from '../index/EventIndex';

/** One autocomplete suggestion: a value present in the dataset and the events that have it. */
export interface Suggestion {
  readonly value: string;
  readonly count: number;
}

/**
 * Autocomplete values with where their counts come from: `under` is how many events the counts are
 * taken among (those matching the rest of the query in the time range), or undefined when they are
 * counts over the whole case (a field the index does not count under a filter, or a filter that
 * needs a record scan not yet run).
 */
export interface SuggestAnswer {
  readonly values: readonly Suggestion[];
  readonly under: number | undefined;
}

/**
 * Values of an indexed field that contain `text` (case-insensitive), most frequent first, with the
 * number of events that have each: among given rows, or over the whole dataset (cached per field
 * until the index grows). An event counts once per value however many of its resources carry it,
 * so each count is the match count of the filter with `field:value` added (as facets count).
 */
export class ValueSuggester {
  private cache = new Map<string, { size: number; counts: Uint32Array; dict: Dictionary }>();

  /** Up to `limit` suggestions for `field` ([] for JSON paths, which the index does not hold). */
  suggest(index: EventIndex, field: string, text: string, limit = 12): Suggestion[] {
    const { name } = resolveField(field);
    let entry = this.cache.get(name);
    if (entry === undefined || entry.size !== index.size) {
      const counted = countValues(index, field, index.sortedRows());
      if (counted === undefined) return [];
      entry = { size: index.size, ...counted };
      this.cache.set(name, entry);
    }
    return topMatching(entry.dict, entry.counts, text, limit);
  }

  /** As suggest, counting only among `rows` (row numbers of the index, each once). */
  suggestIn(
    index: EventIndex,
    field: string,
    text: string,
    rows: Uint32Array,
    limit = 12,
  ): Suggestion[] {
    const counted = countValues(index, field, rows);
    return counted === undefined ? [] : topMatching(counted.dict, counted.counts, text, limit);
  }
}

function topMatching(dict: Dictionary, counts: Uint32Array, text: string, limit: number) {
  const needle = text.toLowerCase();
  const out: Suggestion[] = [];
  dict.forEach((value, code) => {
    const count = counts[code] ?? 0;
    if (count > 0 && value !== '' && value.toLowerCase().includes(needle))
      out.push({ value, count });
  });
  out.sort((a, b) => (b.count !== a.count ? b.count - a.count : a.value.localeCompare(b.value)));
  return out.slice(0, limit);
}

/** Events per dictionary code of `field` among `rows`; undefined for a field the index lacks. */
function countValues(
  index: EventIndex,
  field: string,
  rows: Uint32Array,
): { counts: Uint32Array; dict: Dictionary } | undefined {
  const { source } = resolveField(field);
  if (source.kind === 'column') {
    const f = STRING_FIELDS.indexOf(source.column);
    const dict = index.dicts[f];
    if (dict === undefined) return undefined;
    const counts = new Uint32Array(dict.size);
    const codes = index.cols[f]?.data ?? new Uint32Array(0);
    for (let i = 0; i < rows.length; i++) {
      const k = codes[rows[i] ?? 0] ?? 0;
      counts[k] = (counts[k] ?? 0) + 1;
    }
    return { counts, dict };
  }
  if (source.kind !== 'resourceType' && source.kind !== 'resourceName') return undefined;
  const isType = source.kind === 'resourceType';
  const dict = isType ? index.resTypeDict : index.resNameDict;
  const counts = new Uint32Array(dict.size);
  const codes = (isType ? index.resType : index.resName).data;
  const offsets = index.resOffsets.data;
  const seenAt = new Uint32Array(dict.size);
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i] ?? 0;
    const end = offsets[row + 1] ?? 0;
    for (let r = offsets[row] ?? 0; r < end; r++) {
      const k = codes[r] ?? 0;
      if (seenAt[k] === i + 1) continue;
      seenAt[k] = i + 1;
      counts[k] = (counts[k] ?? 0) + 1;
    }
  }
  return { counts, dict };
}
