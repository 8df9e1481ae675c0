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
 * Values of an indexed field that contain `text` (case-insensitive), most frequent first, with their
 * counts over the whole dataset. Counts per dictionary code are cached until the index grows.
 */
export class ValueSuggester {
  private cache = new Map<string, { size: number; counts: Uint32Array; dict: Dictionary }>();

  /** Up to `limit` suggestions for `field` ([] for JSON paths, which the index does not hold). */
  suggest(index: EventIndex, field: string, text: string, limit = 12): Suggestion[] {
    const entry = this.counts(index, field);
    if (entry === undefined) return [];
    const needle = text.toLowerCase();
    const out: Suggestion[] = [];
    entry.dict.forEach((value, code) => {
      const count = entry.counts[code] ?? 0;
      if (count > 0 && value !== '' && value.toLowerCase().includes(needle))
        out.push({ value, count });
    });
    out.sort((a, b) => (b.count !== a.count ? b.count - a.count : a.value.localeCompare(b.value)));
    return out.slice(0, limit);
  }

  private counts(index: EventIndex, field: string) {
    const { name, source } = resolveField(field);
    const hit = this.cache.get(name);
    if (hit !== undefined && hit.size === index.size) return hit;
    let dict: Dictionary | undefined;
    let counts: Uint32Array;
    if (source.kind === 'column') {
      const f = STRING_FIELDS.indexOf(source.column);
      dict = index.dicts[f];
      counts = new Uint32Array(dict?.size ?? 0);
      const codes = index.cols[f]?.data ?? new Uint32Array(0);
      for (let row = 0; row < index.size; row++) {
        const k = codes[row] ?? 0;
        counts[k] = (counts[k] ?? 0) + 1;
      }
    } else if (source.kind === 'resourceType' || source.kind === 'resourceName') {
      const isType = source.kind === 'resourceType';
      dict = isType ? index.resTypeDict : index.resNameDict;
      counts = new Uint32Array(dict.size);
      const codes = isType ? index.resType : index.resName;
      for (let r = 0; r < codes.length; r++) {
        const k = codes.data[r] ?? 0;
        counts[k] = (counts[k] ?? 0) + 1;
      }
    } else {
      return undefined;
    }
    if (dict === undefined) return undefined;
    const entry = { size: index.size, counts, dict };
    this.cache.set(name, entry);
    return entry;
  }
}
