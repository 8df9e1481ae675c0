import { stringifyJson } from '../../lib/stringifyJson';
import { quoteValue } from '../search-bar/tokenAtCursor';
import type { JsonLeafValue } from './flattenJson';

/**
 * The query clause "this JSON leaf has this value", for the tree's path (as childPath writes it:
 * `a.b`, `a[0]`, `a["x-amz-acl"]`). Array indexes are dropped (a path clause matches any element
 * of a list) and quoted keys the query language can spell (`x-amz-acl`) become plain segments, so
 * `requestParameters["x-amz-acl"]` gives `requestParameters.x-amz-acl:private`. A key no field can
 * spell (`aws:acm:arn`, `a b`) makes the clause a quoted free-text phrase of the value (quoted
 * always: a bare word with `:` would be a field clause, one led by `-` a negation); an empty value
 * there gives the phrase of the nearest key, since free text cannot be empty. Every clause it writes
 * finds the record the leaf came from (pivotClause.test.ts checks each leaf of the sample data).
 */
export function pivotClause(path: string, value: JsonLeafValue): string {
  const text = typeof value === 'string' ? value : stringifyJson(value);
  const keys = pathKeys(path);
  if (keys !== undefined && FIELD_START.test(keys[0] ?? '') && keys.every((k) => SEGMENT.test(k))) {
    return `${keys.join('.')}:${quoteValue(text)}`;
  }
  const words = text.trim() !== '' ? text : keys?.findLast((k) => k.trim() !== '');
  return words === undefined ? quoteValue(text) : quotePhrase(words);
}

/** What a field segment may hold, and how a field must start (docs/query-language.md, Fields). */
const SEGMENT = /^[A-Za-z0-9_$@-]+$/;
const FIELD_START = /^[A-Za-z_$@]/;
const STEP = /\.?([A-Za-z_$][\w$]*)|\[\d+\]|\[("(?:[^"\\]|\\.)*")\]/y;

/** The object keys along a tree path, indexes left out; undefined when it does not read as one. */
function pathKeys(path: string): string[] | undefined {
  const keys: string[] = [];
  STEP.lastIndex = 0;
  while (STEP.lastIndex < path.length) {
    const m = STEP.exec(path);
    if (m === null) return undefined;
    const [, plain, quoted] = m;
    const key: unknown = quoted === undefined ? plain : JSON.parse(quoted);
    if (typeof key === 'string') keys.push(key);
  }
  return keys;
}

/** `text` as a free-text phrase: always quoted, with `\`, `"` and `*` escaped. */
function quotePhrase(text: string): string {
  return `"${text.replace(/[\\"*]/g, (c) => `\\${c}`)}"`;
}
