import type { Dictionary } from '../index/Dictionary';

interface MarkState {
  marks: Uint8Array;
  size: number;
}

const states = new WeakMap<Dictionary, Map<string, MarkState>>();

/**
 * A byte per code of `dict`, 1 where `test` holds for its value: `name` names the test (one
 * dictionary can have several). Built once per dictionary and test, then extended as the
 * dictionary grows (it only appends), so a pass over the rows asks "is this a temporary key?" or
 * "is this an AWS service?" by an array lookup instead of decoding a value per distinct code.
 * `test` must be a pure function of the value.
 */
export function codeMarks(
  dict: Dictionary,
  name: string,
  test: (value: string) => boolean,
): Uint8Array {
  let byName = states.get(dict);
  if (byName === undefined) states.set(dict, (byName = new Map<string, MarkState>()));
  let state = byName.get(name);
  if (state === undefined) byName.set(name, (state = { marks: new Uint8Array(0), size: 0 }));
  if (state.size < dict.size) {
    const marks = new Uint8Array(dict.size);
    marks.set(state.marks.subarray(0, state.size));
    dict.forEach((value, code) => {
      if (test(value)) marks[code] = 1;
    }, state.size);
    state.marks = marks;
    state.size = dict.size;
  }
  return state.marks;
}
