import { STRING_FIELDS } from '../cloudtrail/types';
import type { StringField } from '../cloudtrail/types';
import type { EventIndex } from '../index/EventIndex';
import type { SortColumn } from '../index/types';

/**
 * `rows` (a result, in ascending time order) sorted by column `by`, A to Z: by the value's text
 * compared case-insensitively (lower-cased, then UTF-16 code-unit order, which does not depend on
 * the browser's locale data), values equal that way by their exact text, equal values by time
 * (the input order: the sort is stable). '' (absent) sorts first. Reversed, the same array reads Z
 * to A, newest first among equals.
 *
 * Each row's value is a dictionary code, so only the distinct values present are compared (a few
 * thousand, usually) and the rows are placed by a counting sort: O(rows + values log values), about
 * 20 ms per million rows. eventID has no dictionary: its texts are sorted, O(rows log rows).
 * Returns a new array; `rows` is not changed.
 */
export function sortRowsBy(index: EventIndex, rows: Uint32Array, by: SortColumn): Uint32Array {
  const { codes, size, text } = keysOf(index, rows, by);
  const used = new Uint8Array(size);
  const distinct: number[] = [];
  for (const code of codes) {
    if (used[code] === 0) {
      used[code] = 1;
      distinct.push(code);
    }
  }
  const lower = new Map<number, string>();
  const exact = new Map<number, string>();
  for (const code of distinct) {
    const t = text(code);
    exact.set(code, t);
    lower.set(code, t.toLowerCase());
  }
  const compare = (a: number, b: number) => {
    const byLower = compareText(lower.get(a) ?? '', lower.get(b) ?? '');
    return byLower !== 0 ? byLower : compareText(exact.get(a) ?? '', exact.get(b) ?? '');
  };
  distinct.sort(compare);
  // Codes with equal text (the absent-resource code and a stored '') share a rank: time decides.
  const rank = new Uint32Array(size);
  let r = 0;
  distinct.forEach((code, i) => {
    const before = distinct[i - 1];
    if (before !== undefined && compare(before, code) !== 0) r++;
    rank[code] = r;
  });
  const starts = new Uint32Array(r + 2);
  for (const code of codes) {
    const k = (rank[code] ?? 0) + 1;
    starts[k] = (starts[k] ?? 0) + 1;
  }
  for (let k = 1; k < starts.length; k++) starts[k] = (starts[k] ?? 0) + (starts[k - 1] ?? 0);
  const out = new Uint32Array(rows.length);
  codes.forEach((code, p) => {
    const k = rank[code] ?? 0;
    out[starts[k] ?? 0] = rows[p] ?? 0;
    starts[k] = (starts[k] ?? 0) + 1;
  });
  return out;
}

/** -1, 0 or 1 by UTF-16 code units. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Each position's key as a code in `[0, size)`, and the text a code stands for. */
interface Keys {
  readonly codes: Uint32Array;
  readonly size: number;
  readonly text: (code: number) => string;
}

function keysOf(index: EventIndex, rows: Uint32Array, by: SortColumn): Keys {
  if (by === 'eventID') {
    // No dictionary: each position is its own code.
    return {
      codes: Uint32Array.from(rows, (_, p) => p),
      size: rows.length,
      text: (p) => index.eventId(rows[p] ?? 0),
    };
  }
  if (by === 'resourceType' || by === 'resourceName') {
    const dict = by === 'resourceType' ? index.resTypeDict : index.resNameDict;
    const column = by === 'resourceType' ? index.resType.data : index.resName.data;
    const offsets = index.resOffsets.data;
    // The cell shows the first valued resource; rows without one get the code past the dictionary.
    const none = dict.size;
    const empty = new Map<number, boolean>();
    const valued = (code: number) => {
      let e = empty.get(code);
      if (e === undefined) empty.set(code, (e = dict.get(code) === ''));
      return !e;
    };
    const codes = Uint32Array.from(rows, (row) => {
      for (let k = offsets[row] ?? 0; k < (offsets[row + 1] ?? 0); k++) {
        const code = column[k] ?? 0;
        if (valued(code)) return code;
      }
      return none;
    });
    return { codes, size: none + 1, text: (code) => (code === none ? '' : dict.get(code)) };
  }
  const f = STRING_FIELDS.indexOf(by satisfies StringField);
  const dict = index.dicts[f];
  const column = index.cols[f]?.data;
  if (dict === undefined || column === undefined) {
    return { codes: new Uint32Array(rows.length), size: 1, text: () => '' };
  }
  return {
    codes: Uint32Array.from(rows, (row) => column[row] ?? 0),
    size: dict.size,
    text: (code) => dict.get(code),
  };
}
