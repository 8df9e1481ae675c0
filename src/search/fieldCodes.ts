import { STRING_FIELDS } from '../cloudtrail/types';
import type { IndexedField } from '../querylang/fields';
import type { Dictionary } from '../index/Dictionary';
import type { EventIndex } from '../index/EventIndex';

/**
 * Where the dictionary codes of one indexed field sit in an index. A column field has one code per
 * row (`codes[row]`, 0 when absent); a resource field has a code per resource, row `r`'s being
 * `codes[offsets[r] … offsets[r + 1])` (0 for a resource with no value of it).
 */
export interface FieldCodes {
  /** The field's values by code; undefined for a column the index has no dictionary for. */
  readonly dict: Dictionary | undefined;
  /** Number of codes (the dictionary's size): the length of per-code arrays. */
  readonly size: number;
  readonly codes: Uint16Array | Uint32Array;
  readonly offsets?: Uint32Array;
}

/** The codes of `field` in `index`; undefined for eventID, whose values are not dictionary codes. */
export function fieldCodes(index: EventIndex, field: IndexedField): FieldCodes | undefined {
  const { source } = field;
  if (source.kind === 'eventID') return undefined;
  if (source.kind === 'column') {
    const f = STRING_FIELDS.indexOf(source.column);
    const dict = index.dicts[f];
    return { dict, size: dict?.size ?? 0, codes: index.cols[f]?.data ?? new Uint32Array(0) };
  }
  const isType = source.kind === 'resourceType';
  const dict = isType ? index.resTypeDict : index.resNameDict;
  const codes = (isType ? index.resType : index.resName).data;
  return { dict, size: dict.size, codes, offsets: index.resOffsets.data };
}

/**
 * Events of `rows` per code (a Uint32Array of `fc.size`). An event counts once per value however
 * many of its resources carry it, and under code 0 ('', "(none)") only when none has a value: the
 * events `field:value` and `-field:*` select (compileFilter), so each count is what a click finds.
 */
export function countCodes(fc: FieldCodes, rows: Uint32Array): Uint32Array {
  const counts = new Uint32Array(fc.size);
  const { codes, offsets } = fc;
  if (offsets === undefined) {
    for (let i = 0; i < rows.length; i++) {
      const k = codes[rows[i] ?? 0] ?? 0;
      counts[k] = (counts[k] ?? 0) + 1;
    }
    return counts;
  }
  const seenAt = new Uint32Array(fc.size);
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
  return counts;
}

/**
 * A mark (1) per non-zero code that at least one of `rows` carries (a Uint8Array of `fc.size`).
 * Code 0 is never marked: an absent value is not a value an event "has".
 */
export function codesCarried(fc: FieldCodes, rows: Uint32Array): Uint8Array {
  const marks = new Uint8Array(fc.size);
  const { codes, offsets } = fc;
  if (offsets === undefined) {
    for (let i = 0; i < rows.length; i++) marks[codes[rows[i] ?? 0] ?? 0] = 1;
  } else {
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i] ?? 0;
      const end = offsets[row + 1] ?? 0;
      for (let r = offsets[row] ?? 0; r < end; r++) marks[codes[r] ?? 0] = 1;
    }
  }
  if (marks.length > 0) marks[0] = 0;
  return marks;
}
