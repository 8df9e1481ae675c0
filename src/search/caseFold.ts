import type { Dictionary } from '../index/Dictionary';
import { parseIp, unmapIp } from '../querylang/ipAddress';

/**
 * The text under which a clause `field:value` treats values as the same: case ignored, and in
 * sourceIPAddress the spellings of one address (`::1`, `0:0::1`, IPv4-mapped) are one
 * (querylang/matchPattern).
 */
export function matchKey(field: string, value: string): string {
  if (field === 'sourceIPAddress') {
    const ip = parseIp(value);
    if (ip !== undefined) {
      const { v, bytes } = unmapIp(ip);
      return `ip${v}:${bytes.join('.')}`;
    }
  }
  return value.toLowerCase();
}

/**
 * A dictionary's values folded as clauses match them: `fold[code]` is the first code whose
 * matchKey is the same (itself for the first of its kind; 0 for code 0 and ''). `find(value)` is
 * the first code of `value`'s kind, or -1 when the dictionary has none.
 */
export interface CaseFold {
  readonly fold: Uint32Array;
  readonly find: (value: string) => number;
}

interface FoldState {
  fold: Uint32Array;
  size: number;
  /** Open addressing over the first codes of each kind, by the hash of their key: code + 1, 0 = empty. */
  slots: Int32Array;
  hashes: Uint32Array;
  kinds: number;
}

const states = new WeakMap<Dictionary, FoldState>();

/**
 * The CaseFold of `dict`, whose values are those of `field` (see matchKey). Built once per
 * dictionary and extended as it grows (dictionaries only append), so a clause or a count by the
 * field folds by array lookups instead of decoding every value each time. Holds 4 bytes per code
 * plus a hash slot per kind, never the strings: at 10M events a dictionary of temporary keys has
 * millions of values.
 */
export function caseFold(dict: Dictionary, field: string): CaseFold {
  let s = states.get(dict);
  if (s === undefined) {
    s = {
      fold: new Uint32Array(0),
      size: 0,
      slots: new Int32Array(1024),
      hashes: new Uint32Array(0),
      kinds: 0,
    };
    states.set(dict, s);
  }
  const state = s;
  if (state.size < dict.size) extend(state, dict, field);
  const find = (value: string): number => {
    if (value === '') return -1;
    const key = matchKey(field, value);
    return probe(state, dict, field, key, hashText(key));
  };
  return { fold: state.fold, find };
}

function extend(state: FoldState, dict: Dictionary, field: string): void {
  const grown = new Uint32Array(dict.size);
  grown.set(state.fold.subarray(0, state.size));
  const hashes = new Uint32Array(dict.size);
  hashes.set(state.hashes.subarray(0, state.size));
  state.fold = grown;
  state.hashes = hashes;
  dict.forEach((value, code) => {
    if (code === 0 || value === '') return;
    const key = matchKey(field, value);
    const hash = hashText(key);
    const first = probe(state, dict, field, key, hash);
    if (first >= 0) {
      grown[code] = first;
      return;
    }
    grown[code] = code;
    hashes[code] = hash;
    insert(state, code, hash);
  }, state.size);
  state.size = dict.size;
}

/** The first code whose key is `key` (hash `hash`), or -1. */
function probe(
  state: FoldState,
  dict: Dictionary,
  field: string,
  key: string,
  hash: number,
): number {
  const { slots } = state;
  const mask = slots.length - 1;
  for (let at = hash & mask; ; at = (at + 1) & mask) {
    const entry = slots[at] ?? 0;
    if (entry === 0) return -1;
    const code = entry - 1;
    // Equal hashes are nearly always the same key: the value is decoded only then.
    if (state.hashes[code] === hash && matchKey(field, dict.get(code)) === key) return code;
  }
}

function insert(state: FoldState, code: number, hash: number): void {
  state.kinds++;
  if (state.kinds * 2 > state.slots.length) {
    const slots = new Int32Array(state.slots.length * 2);
    const mask = slots.length - 1;
    for (const entry of state.slots) {
      if (entry === 0) continue;
      let at = (state.hashes[entry - 1] ?? 0) & mask;
      while ((slots[at] ?? 0) !== 0) at = (at + 1) & mask;
      slots[at] = entry;
    }
    state.slots = slots;
  }
  const mask = state.slots.length - 1;
  let at = hash & mask;
  while ((state.slots[at] ?? 0) !== 0) at = (at + 1) & mask;
  state.slots[at] = code + 1;
}

/** FNV-1a over UTF-16 code units, unsigned 32-bit. */
function hashText(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}
