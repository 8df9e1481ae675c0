import { parseIp, unmapIp } from '../querylang/ipAddress';
import type { IpAddress } from '../querylang/ipAddress';
import type { IpKind } from './types';

/** The value CloudTrail writes for some calls made from inside AWS. */
export const AWS_INTERNAL = 'AWS Internal';

// Not routed on the internet: RFC 1918, loopback, link-local, CGNAT (RFC 6598), "this network".
const PRIVATE_V4: readonly (readonly [number, number, number])[] = [
  [10, 0, 8],
  [172, 16, 12],
  [192, 168, 16],
  [127, 0, 8],
  [169, 254, 16],
  [100, 64, 10],
  [0, 0, 8],
];

/**
 * Classifies a `sourceIPAddress` value. An IPv4-mapped IPv6 address (`::ffff:10.1.2.3`) counts as
 * the IPv4 address it carries, and `ip` is that IPv4 address. Private: 10/8, 172.16/12, 192.168/16,
 * 127/8, 169.254/16, 100.64/10, 0/8, and for IPv6 ::, ::1, fc00::/7 (ULA) and fe80::/10; every
 * other IPv6 address is public, never "private". `*.amazonaws.com` is a service; `AWS Internal` is
 * internal; anything else that is not an address is malformed.
 * @see https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-record-contents.html
 * @see https://www.rfc-editor.org/rfc/rfc6890
 */
export function classifySourceIp(value: string): {
  readonly kind: IpKind;
  readonly ip: IpAddress | undefined;
} {
  const text = value.trim();
  if (text === '') return { kind: 'empty', ip: undefined };
  if (text === AWS_INTERNAL) return { kind: 'internal', ip: undefined };
  const parsed = parseIp(text);
  if (parsed === undefined) {
    const lower = text.toLowerCase();
    const service = /^[a-z0-9-]+(\.[a-z0-9-]+)*\.amazonaws\.com$/.test(lower);
    return { kind: service ? 'service' : 'malformed', ip: undefined };
  }
  const ip = unmapIp(parsed);
  if (ip.v === 4) return { kind: isPrivateV4(ip.bytes) ? 'private' : 'public4', ip };
  return { kind: isPrivateV6(ip.bytes) ? 'private' : 'public6', ip };
}

function isPrivateV4(b: Uint8Array): boolean {
  const a = ((b[0] ?? 0) << 24) >>> 0;
  const word = (a | ((b[1] ?? 0) << 16) | ((b[2] ?? 0) << 8) | (b[3] ?? 0)) >>> 0;
  return PRIVATE_V4.some(([x, y, prefix]) => {
    const net = (((x << 24) >>> 0) | (y << 16)) >>> 0;
    const mask = prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
    return (word & mask) >>> 0 === net;
  });
}

function isPrivateV6(b: Uint8Array): boolean {
  const first = b[0] ?? 0;
  if ((first & 0xfe) === 0xfc) return true; // fc00::/7
  if (first === 0xfe && ((b[1] ?? 0) & 0xc0) === 0x80) return true; // fe80::/10
  for (let i = 0; i < 15; i++) if (b[i] !== 0) return false;
  return (b[15] ?? 0) <= 1; // :: and ::1
}
