import { RE2JS } from 're2js';
import { cidrContains, parseCidr, parseIp, unmapCidr, unmapIp } from '../querylang/ipAddress';
import type { FieldTest } from './types';

/** The values at a path of a record (every element of any list on the way), or none when absent. */
export type ValuesAt = (path: string) => readonly unknown[];

/** A compiled field test: true when the record (through `valuesAt`) satisfies it. */
export type TestPredicate = (valuesAt: ValuesAt) => boolean;

/**
 * Compiles one `field|modifiers: values` test, following the Sigma modifiers appendix:
 * - plain values match a whole field value case-insensitively, `*` and `?` wildcards, `\` escapes;
 * - `contains`, `startswith`, `endswith` anchor the pattern; `cased` makes it case-sensitive;
 * - `all` requires every value (otherwise any one);
 * - `re` is a regular expression run by RE2 (linear time: re2js), case-sensitive unless `i`, with
 *   `m` and `s` flags;
 * - `exists: true|false` tests presence; `null` matches a missing or null field;
 * - `cidr` tests an IP field against networks; `fieldref` compares with another field's values;
 * - `windash` adds the `/`, en dash, em dash and horizontal bar spellings of a leading `-`;
 * - `base64` / `base64offset` match the value's Base64 encodings (with `contains`, anywhere).
 * Numbers and booleans compare by their text. Throws on a `re` RE2 refuses (readSigmaRule's caller
 * reports it as the rule's problem).
 * @see https://sigmahq.io/sigma-specification/appendix/sigma-modifiers-appendix.html
 */
export function compileTest(test: FieldTest): TestPredicate {
  const mods = new Set(test.modifiers);
  const at = (v: ValuesAt) => v(test.field);
  if (mods.has('exists')) {
    const want = test.values[0] === true || String(test.values[0]).toLowerCase() === 'true';
    return (v) => at(v).some((x) => x !== null && x !== undefined) === want;
  }
  const combine = (preds: readonly ((x: unknown) => boolean)[]): TestPredicate => {
    const each = (p: (x: unknown) => boolean) => (v: ValuesAt) => at(v).some(p);
    const tests = preds.map(each);
    return mods.has('all') ? (v) => tests.every((t) => t(v)) : (v) => tests.some((t) => t(v));
  };
  if (mods.has('fieldref')) {
    const refs = test.values.map(String);
    const anchor = anchorOf(mods);
    const sensitive = mods.has('cased');
    const tests = refs.map((ref) => (v: ValuesAt) => {
      const others = v(ref).filter(isScalar).map(String);
      return at(v).some(
        (x) => isScalar(x) && others.some((o) => literalMatch(String(x), o, anchor, sensitive)),
      );
    });
    return mods.has('all') ? (v) => tests.every((t) => t(v)) : (v) => tests.some((t) => t(v));
  }
  if (mods.has('re')) {
    const flags =
      (mods.has('i') ? RE2JS.CASE_INSENSITIVE : 0) |
      (mods.has('m') ? RE2JS.MULTILINE : 0) |
      (mods.has('s') ? RE2JS.DOTALL : 0);
    const res = test.values.map((p) => RE2JS.compile(String(p), flags));
    return combine(res.map((re) => remember((x) => isScalar(x) && re.matcher(String(x)).find())));
  }
  if (mods.has('cidr')) {
    const nets = test.values.map((c) => parseCidr(String(c)));
    return combine(
      nets.map((net) => (x) => {
        if (net === undefined || typeof x !== 'string') return false;
        const ip = parseIp(x);
        return ip !== undefined && cidrContains(unmapCidr(net), unmapIp(ip));
      }),
    );
  }
  const anchor = anchorOf(mods);
  const sensitive = mods.has('cased');
  const preds = test.values.flatMap((value) => {
    if (value === null) return [(x: unknown) => x === null];
    return spellings(String(value), mods).map((text) => {
      const glob = compileGlob(text, anchor, sensitive);
      return (x: unknown) => isScalar(x) && glob(String(x));
    });
  });
  // `field: null` also holds when the field is absent: no value at all to test.
  const nullable = test.values.includes(null) && !mods.has('all');
  const inner = combine(preds);
  return nullable ? (v) => at(v).length === 0 || inner(v) : inner;
}

type Anchor = 'whole' | 'contains' | 'start' | 'end';

function anchorOf(mods: ReadonlySet<string>): Anchor {
  if (mods.has('contains') || mods.has('base64offset')) return 'contains';
  if (mods.has('startswith')) return 'start';
  if (mods.has('endswith')) return 'end';
  return 'whole';
}

function isScalar(x: unknown): x is string | number | boolean {
  return typeof x === 'string' || typeof x === 'number' || typeof x === 'boolean';
}

/** The texts one value stands for under windash and base64 / base64offset. */
function spellings(value: string, mods: ReadonlySet<string>): string[] {
  let out = [value];
  if (mods.has('windash') && value.startsWith('-'))
    out = ['-', '/', '\u2013', '\u2014', '\u2015'].map((d) => d + value.slice(1));
  if (mods.has('base64')) out = out.map((v) => base64(v));
  if (mods.has('base64offset')) out = out.flatMap((v) => base64Offsets(v));
  return out.filter((v, i, all) => all.indexOf(v) === i);
}

function base64(text: string): string {
  let bin = '';
  for (const b of new TextEncoder().encode(text)) bin += String.fromCharCode(b);
  return btoa(bin);
}

/** The three Base64 spellings of `text` at byte offsets 0, 1 and 2, cut to their stable middle. */
function base64Offsets(text: string): string[] {
  const starts = [0, 2, 3];
  const ends = [0, -3, -2];
  return [0, 1, 2].map((i) => {
    const enc = base64(' '.repeat(i) + text);
    // By bytes, as pySigma counts them: a non-ASCII value is longer in UTF-8 than in UTF-16 units.
    const cut = ends[(new TextEncoder().encode(text).length + i) % 3] ?? 0;
    return enc.slice(starts[i] ?? 0, cut === 0 ? undefined : cut);
  });
}

function literalMatch(x: string, o: string, anchor: Anchor, sensitive: boolean): boolean {
  const a = sensitive ? x : x.toLowerCase();
  const b = sensitive ? o : o.toLowerCase();
  if (anchor === 'contains') return a.includes(b);
  if (anchor === 'start') return a.startsWith(b);
  if (anchor === 'end') return a.endsWith(b);
  return a === b;
}

/** A glob over a Sigma value: `*` any run, `?` one character, `\*` `\?` `\\` literal. Linear. */
export function compileGlob(
  value: string,
  anchor: Anchor,
  sensitive: boolean,
): (s: string) => boolean {
  const parts: GlobPart[] = [];
  let lit = '';
  for (let i = 0; i < value.length; i++) {
    const c = value[i] ?? '';
    const next = value[i + 1];
    if (c === '\\' && (next === '*' || next === '?' || next === '\\')) {
      lit += next;
      i++;
    } else if (c === '*' || c === '?') {
      if (lit !== '') parts.push(lit);
      lit = '';
      parts.push(c === '*' ? STAR : ONE);
    } else lit += c;
  }
  if (lit !== '') parts.push(lit);
  if (anchor === 'contains' || anchor === 'start') parts.push(STAR);
  if (anchor === 'contains' || anchor === 'end') parts.unshift(STAR);
  const pattern = parts.map((p) => (typeof p !== 'string' || sensitive ? p : p.toLowerCase()));
  return (s) => globMatch(pattern, sensitive ? s : s.toLowerCase());
}

/** Greedy glob with one backtrack point per star: O(text × pattern) at worst, never exponential. */
/** Wildcards are symbols, so an escaped `\*` (the literal text "*") is never read as one. */
const STAR = Symbol('*');
const ONE = Symbol('?');
type GlobPart = string | typeof STAR | typeof ONE;

function globMatch(parts: readonly GlobPart[], s: string): boolean {
  let p = 0;
  let i = 0;
  let starP = -1;
  let starI = 0;
  while (i < s.length || p < parts.length) {
    const part = parts[p];
    if (part === STAR) {
      starP = p++;
      starI = i;
      continue;
    }
    if (part === ONE && i < s.length) {
      p++;
      i++;
      continue;
    }
    if (typeof part === 'string' && s.startsWith(part, i)) {
      p++;
      i += part.length;
      continue;
    }
    if (starP < 0 || starI >= s.length) return false;
    p = starP + 1;
    i = ++starI;
  }
  return true;
}

/** Distinct values remembered per regex test: a trail repeats an ARN or agent on many records. */
const REMEMBER = 4096;

/**
 * `test` with its answers remembered per distinct text value (up to REMEMBER, then forgotten at
 * once): RE2 is linear but costs microseconds a call, and a file repeats the same value often.
 */
function remember(test: (x: unknown) => boolean): (x: unknown) => boolean {
  const seen = new Map<string, boolean>();
  return (x) => {
    if (typeof x !== 'string') return test(x);
    let answer = seen.get(x);
    if (answer === undefined) {
      if (seen.size >= REMEMBER) seen.clear();
      answer = test(x);
      seen.set(x, answer);
    }
    return answer;
  };
}
