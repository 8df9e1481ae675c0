import { stringifyJson } from '../lib/stringifyJson';
import { isObject } from '../lib/isObject';
import { isWordCode } from '../index/tokenBloom';

/**
 * The values at a dotted path in a parsed record, as strings: scalars as JSON writes them (`true`,
 * `42`, `null`), objects and arrays at the end of the path as compact JSON. Arrays met along the path
 * are searched element by element, so `resources.ARN` reads the ARN of every resource. An array at
 * the end of the path gives its compact JSON and then each element, at every depth (lists of lists
 * too), so `requestParameters.instanceIds:i-0abc` matches `["i-0abc","i-0def"]` as a clause on any
 * element should, and `instanceIds:*` still matches an empty list. Only own keys are followed: a
 * key like `__proto__` in a hostile record is data, never the prototype.
 */
export function valuesAtPath(record: unknown, path: readonly string[]): string[] {
  const out: string[] = [];
  const stack: (readonly [unknown, number])[] = [[record, 0]];
  for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
    const [value, depth] = item;
    // depth past the path's end marks the elements of a list at its end: a list among them is
    // opened, not written out again, so a 10,000-deep hostile list costs one JSON, not 10,000.
    if (Array.isArray(value) && depth !== path.length) {
      for (let i = value.length - 1; i >= 0; i--) stack.push([value[i], depth]);
    } else if (depth >= path.length) {
      out.push(leafText(value));
      if (Array.isArray(value)) {
        for (let i = value.length - 1; i >= 0; i--) stack.push([value[i], depth + 1]);
      }
    } else if (isObject(value)) {
      const key = path[depth] ?? '';
      if (Object.hasOwn(value, key)) stack.push([value[key], depth + 1]);
    }
  }
  return out;
}

/** Iterative past V8's stack: one 10,000-deep record must not throw and end a file's scan. */
function leafText(value: unknown): string {
  return typeof value === 'string' ? value : stringifyJson(value);
}

/**
 * A test of one string for free text `text`, case-insensitive, as whole words: the match must not
 * continue a run of word characters (isWordCode) on either side, unless that side is open
 * (`anyBefore` / `anyAfter`, typed as a `*`). The same word rule as the token filters, so a file
 * they skip can never hold a match.
 */
export function textMatcher(
  text: string,
  anyBefore: boolean,
  anyAfter: boolean,
): (value: string) => boolean {
  const needle = text.toLowerCase();
  const checkStart = !anyBefore && isWordCode(needle.charCodeAt(0));
  const checkEnd = !anyAfter && isWordCode(needle.charCodeAt(needle.length - 1));
  // Printable ASCII needles run as one compiled case-insensitive regular expression with the word rule
  // as lookarounds: no lower-cased copy of every string (a record scan tests millions of them).
  if (/^[\x20-\x7e]*$/.test(needle)) {
    const body = needle.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
    const re = new RegExp(
      `${checkStart ? `(?<!${WORD})` : ''}${body}${checkEnd ? `(?!${WORD})` : ''}`,
      'i',
    );
    return (value) => re.test(value);
  }
  return (value) => {
    const hay = value.toLowerCase();
    for (let at = hay.indexOf(needle); at >= 0; at = hay.indexOf(needle, at + 1)) {
      if (checkStart && at > 0 && isWordCode(hay.charCodeAt(at - 1))) continue;
      const end = at + needle.length;
      if (checkEnd && end < hay.length && isWordCode(hay.charCodeAt(end))) continue;
      return true;
    }
    return false;
  };
}

/** A word character as isWordCode defines it, as a regular expression class. */
const WORD = '[A-Za-z0-9\\u0080-\\uffff]';

/**
 * True when `matches` accepts any key or any scalar value of `record` (numbers and booleans as JSON
 * writes them). Walks with an explicit stack: hostile records nest 10,000 deep.
 */
export function recordHasText(record: unknown, matches: (value: string) => boolean): boolean {
  const stack: unknown[] = [record];
  while (stack.length > 0) {
    const value = stack.pop();
    if (typeof value === 'string') {
      if (matches(value)) return true;
    } else if (Array.isArray(value)) {
      for (const v of value) stack.push(v);
    } else if (isObject(value)) {
      // for…in: JSON.parse objects have only own enumerable keys, and it allocates no entry arrays.
      for (const k in value) {
        if (matches(k)) return true;
        stack.push(value[k]);
      }
    } else if (
      (typeof value === 'number' || typeof value === 'boolean' || value === null) &&
      matches(String(value))
    ) {
      return true;
    }
  }
  return false;
}
