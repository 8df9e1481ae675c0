import { caseFold, matchKey } from './caseFold';
import type { EventIndex } from '../index/EventIndex';
import { fieldCodes } from './fieldCodes';
import type { IndexedField } from '../querylang/fields';

/**
 * The values of one grouped field for each position of a result's rows, as group ids: position
 * `i` holds `ids[starts[i] … ends[i])`, without repeats, or the one id 0 ("(none)") when it has no
 * non-empty value. A column has exactly one id per position: `one[i]`, no lists. `value(id)` is the
 * id's text (the first spelling met), '' for 0.
 */
export interface CountLevel {
  readonly size: number;
  readonly value: (id: number) => string;
  readonly one?: Uint32Array;
  readonly starts?: Uint32Array;
  readonly ends?: Uint32Array;
  readonly ids?: Uint32Array;
}

/**
 * The level of an indexed field (a column or a resource field) over `rows`: one pass over the
 * field's dictionary codes, folded as matchKey says. An event counts once under each distinct
 * value of its resources. Undefined for eventID (not dictionary-coded: see stringLevel).
 */
export function indexedLevel(
  index: EventIndex,
  field: IndexedField,
  rows: Uint32Array,
): CountLevel | undefined {
  const fc = fieldCodes(index, field);
  if (fc === undefined) return undefined;
  const fold = fc.dict === undefined ? new Uint32Array(1) : caseFold(fc.dict, field.name).fold;
  const dict = fc.dict;
  const value = (id: number) => (id === 0 ? '' : (dict?.get(id) ?? ''));
  const { codes, offsets } = fc;
  const n = rows.length;
  if (offsets === undefined) {
    const one = new Uint32Array(n);
    for (let i = 0; i < n; i++) one[i] = fold[codes[rows[i] ?? 0] ?? 0] ?? 0;
    return { size: fc.size, value, one };
  }
  const starts = new Uint32Array(n);
  const ends = new Uint32Array(n);
  let ids = new Uint32Array(Math.max(16, n));
  let at = 0;
  const stamp = new Uint32Array(fc.size);
  for (let i = 0; i < n; i++) {
    const row = rows[i] ?? 0;
    const end = offsets[row + 1] ?? 0;
    starts[i] = at;
    for (let r = offsets[row] ?? 0; r < end; r++) {
      const id = fold[codes[r] ?? 0] ?? 0;
      if (id === 0 || stamp[id] === i + 1) continue;
      stamp[id] = i + 1;
      if (at === ids.length) ids = grow(ids);
      ids[at++] = id;
    }
    if (at === starts[i]) {
      if (at === ids.length) ids = grow(ids);
      ids[at++] = 0;
    }
    ends[i] = at;
  }
  return { size: fc.size, value, starts, ends, ids };
}

function grow(a: Uint32Array): Uint32Array<ArrayBuffer> {
  const b = new Uint32Array(a.length * 2);
  b.set(a);
  return b;
}

/**
 * Builds a level from each position's values as strings (eventID, JSON paths read from records):
 * ids are given as values are first met, folded by matchKey; '' is never a value (an event with
 * none is under "(none)").
 */
export class StringLevelBuilder {
  private readonly field: string;
  private readonly byKey = new Map<string, number>();
  private readonly texts: string[] = [''];
  readonly starts: Uint32Array;
  readonly ends: Uint32Array;
  private ids = new Uint32Array(1024);
  private at = 0;

  constructor(field: string, positions: number) {
    this.field = field;
    this.starts = new Uint32Array(positions);
    this.ends = new Uint32Array(positions);
  }

  /** Sets the values of position `i` (repeats and '' dropped; none left → "(none)"). */
  set(i: number, values: readonly string[]): void {
    const start = this.at;
    this.starts[i] = start;
    for (const v of values) {
      if (v === '') continue;
      const key = matchKey(this.field, v);
      let id = this.byKey.get(key);
      if (id === undefined) {
        id = this.texts.length;
        this.byKey.set(key, id);
        this.texts.push(v);
      }
      let seen = false;
      for (let k = start; k < this.at && !seen; k++) seen = this.ids[k] === id;
      if (!seen) this.push(id);
    }
    if (this.at === start) this.push(0);
    this.ends[i] = this.at;
  }

  /** Leaves position `i` in no group (its record could not be read). */
  skip(i: number): void {
    this.starts[i] = this.at;
    this.ends[i] = this.at;
  }

  level(): CountLevel {
    const texts = this.texts;
    return {
      size: texts.length,
      value: (id) => texts[id] ?? '',
      starts: this.starts,
      ends: this.ends,
      ids: this.ids,
    };
  }

  private push(id: number): void {
    if (this.at === this.ids.length) this.ids = grow(this.ids);
    this.ids[this.at++] = id;
  }
}
