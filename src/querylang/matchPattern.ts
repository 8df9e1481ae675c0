import { resolveField } from './fields';
import { cidrContains, hostCidr, parseCidr, parseIp, unmapCidr, unmapIp } from './ipAddress';
import type { Cidr } from './ipAddress';
import type { ValuePattern } from './types';

/**
 * Compiles the values of one field clause into a test that holds when ANY of them matches.
 * Compile once per query and call per value: patterns are lower-cased and parsed here, not per call.
 *
 * Matching ignores case because responders type names as they remember them (`assumerole`,
 * `Alice`), and CloudTrail values that differ only in case are rare enough not to be worth the
 * misses. One part is whole-value equality; wildcards are a glob anchored at both ends; a value of
 * only wildcards (`*`) means present and non-empty.
 *
 * A single-part value of the form `address/length` (IPv4 or IPv6) also matches every IP address in
 * that range, in any field; in `sourceIPAddress` a bare address also matches other spellings of the
 * same address (`::1`, `0:0::1`). IPv4-mapped IPv6 (`::ffff:10.1.2.3`) counts as IPv4. A value
 * that is not an IP (`AWS Internal`, `ec2.amazonaws.com`) never falls in a range; it still matches
 * text that is exactly the same, so `cidrIp:0.0.0.0/0` finds rules opened to the world.
 */
export function compilePatterns(
  values: readonly ValuePattern[],
  field: string,
): (value: string) => boolean {
  const ipField = resolveField(field).name === 'sourceIPAddress';
  const exact = new Set<string>();
  const ranges: Cidr[] = [];
  const globs: ((lower: string) => boolean)[] = [];
  let nonEmpty = false;
  for (const { parts } of values) {
    const [only] = parts;
    if (parts.length === 1 && only !== undefined) {
      exact.add(only.toLowerCase());
      const range = ipRange(only, ipField);
      if (range !== undefined) ranges.push(range);
    } else if (parts.length > 1 && parts.every((part) => part === '')) nonEmpty = true;
    else if (parts.length > 1) globs.push(compileGlob(parts.map((part) => part.toLowerCase())));
  }
  return (value) => {
    if (nonEmpty && value !== '') return true;
    if (exact.size > 0 || globs.length > 0) {
      const lower = value.toLowerCase();
      if (exact.has(lower) || globs.some((glob) => glob(lower))) return true;
    }
    if (ranges.length === 0) return false;
    const ip = parseIp(value);
    if (ip === undefined) return false;
    const unmapped = unmapIp(ip);
    return ranges.some((range) => cidrContains(range, unmapped));
  };
}

/**
 * The values of `values` when compilePatterns would match them only by text ignoring case (no
 * wildcard, no CIDR range, not sourceIPAddress, whose addresses have other spellings): a caller
 * can then look them up instead of testing every value. Undefined otherwise.
 */
export function exactValues(values: readonly ValuePattern[], field: string): string[] | undefined {
  if (resolveField(field).name === 'sourceIPAddress') return undefined;
  const out: string[] = [];
  for (const { parts } of values) {
    const [only] = parts;
    if (parts.length !== 1 || only === undefined || ipRange(only, false) !== undefined)
      return undefined;
    out.push(only);
  }
  return out;
}

/**
 * The address range a single-part value stands for: `address/length`, or in `sourceIPAddress`
 * (`ipField`) a bare address as its own one-address range; IPv4-mapped IPv6 as IPv4. Undefined
 * for any other text.
 */
export function ipRange(text: string, ipField: boolean): Cidr | undefined {
  const cidr = parseCidr(text);
  if (cidr !== undefined) return unmapCidr(cidr);
  const ip = ipField ? parseIp(text) : undefined;
  return ip === undefined ? undefined : hostCidr(unmapIp(ip));
}

// First and last parts anchor the ends; each middle part is taken at its leftmost place after the
// previous one, which is optimal for `*` and, unlike a backtracking regex, never blows up.
function compileGlob(parts: readonly string[]): (lower: string) => boolean {
  const first = parts[0] ?? '';
  const last = parts[parts.length - 1] ?? '';
  const middle = parts.slice(1, -1).filter((part) => part !== '');
  const minLength = parts.reduce((sum, part) => sum + part.length, 0);
  return (lower) => {
    if (lower.length < minLength || !lower.startsWith(first) || !lower.endsWith(last)) return false;
    const limit = lower.length - last.length;
    let pos = first.length;
    for (const part of middle) {
      const at = lower.indexOf(part, pos);
      if (at < 0 || at + part.length > limit) return false;
      pos = at + part.length;
    }
    return true;
  };
}
