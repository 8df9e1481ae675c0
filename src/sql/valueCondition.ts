import { resolveField } from '../querylang/fields';
import type { Cidr } from '../querylang/ipAddress';
import { ipRange } from '../querylang/matchPattern';
import type { ValuePattern } from '../querylang/types';
import { likePattern, sqlString } from './sqlText';

/** How a dialect tests that a string expression is an IP address inside a range. */
export type CidrTest = (expr: string, range: Cidr) => string;

/**
 * The SQL condition that `expr` (a string, '' when absent) matches ANY of `values`, as
 * querylang/matchPattern's compilePatterns matches them: case ignored (`lower` on both sides), one
 * part is equality, wildcards are a `LIKE … ESCAPE '\'` anchored at both ends, `*` alone is
 * "not empty", and a value `address/length` (in `sourceIPAddress` a bare address too) also
 * matches the addresses in that range through the dialect's `cidr` test. Values are literals
 * (sqlString), never pasted.
 */
export function valueCondition(
  expr: string,
  values: readonly ValuePattern[],
  field: string,
  cidr: CidrTest,
): string {
  const ipField = resolveField(field).name === 'sourceIPAddress';
  const exact: string[] = [];
  const ors: string[] = [];
  for (const { parts } of values) {
    const [only] = parts;
    if (parts.length === 1 && only !== undefined) {
      exact.push(only.toLowerCase());
      const range = ipRange(only, ipField);
      if (range !== undefined) ors.push(cidr(expr, range));
    } else if (parts.length > 1 && parts.every((p) => p === '')) ors.push(`${expr} <> ''`);
    else if (parts.length > 1) {
      ors.push(
        `lower(${expr}) LIKE ${sqlString(likePattern(parts.map((p) => p.toLowerCase())))} ESCAPE '\\'`,
      );
    }
  }
  const unique = [...new Set(exact)];
  if (unique.length === 1) ors.unshift(`lower(${expr}) = ${sqlString(unique[0] ?? '')}`);
  else if (unique.length > 1)
    ors.unshift(`lower(${expr}) IN (${unique.map(sqlString).join(', ')})`);
  if (ors.length === 0) return 'FALSE';
  return ors.length === 1 ? (ors[0] ?? 'FALSE') : `(${ors.join(' OR ')})`;
}

/** The range as `address/length` text (IPv4 dotted, IPv6 in full hex groups). */
export function cidrText(range: Cidr): string {
  const b = [...range.bytes];
  if (range.v === 4) return `${b.join('.')}/${range.prefix}`;
  const groups: string[] = [];
  for (let i = 0; i < 16; i += 2) groups.push((((b[i] ?? 0) << 8) | (b[i + 1] ?? 0)).toString(16));
  return `${groups.join(':')}/${range.prefix}`;
}

/** An IPv4 range's first and last address as unsigned 32-bit numbers. */
export function ipv4Bounds(range: Cidr): { lo: number; hi: number } {
  const [a = 0, b = 0, c = 0, d = 0] = range.bytes;
  const lo = ((a << 24) >>> 0) + (b << 16) + (c << 8) + d;
  return { lo, hi: lo + 2 ** (32 - range.prefix) - 1 };
}
