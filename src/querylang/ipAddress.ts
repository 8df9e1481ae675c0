/** An IP address as bytes, network order: 4 of them for IPv4, 16 for IPv6. */
export interface IpAddress {
  readonly v: 4 | 6;
  readonly bytes: Uint8Array;
}

/** An address range: the network's bytes with the host bits cleared, and the prefix length in bits. */
export interface Cidr extends IpAddress {
  readonly prefix: number;
}

const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;
const HEX_GROUP = /^[0-9a-fA-F]{1,4}$/;
const DECIMAL = /^(0|[1-9]\d*)$/;

/**
 * Parses a dotted-quad IPv4 or an IPv6 address (`::` compression, a trailing dotted quad as in
 * `::ffff:1.2.3.4`). Strict: no leading zeros in a quad (some tools read them as octal), no zone
 * (`%eth0`), no brackets. Anything else, such as `AWS Internal` or a hostname, is undefined.
 */
export function parseIp(text: string): IpAddress | undefined {
  const bytes = text.includes(':') ? parseIpv6(text) : parseIpv4(text);
  if (bytes === undefined) return undefined;
  return { v: bytes.length === 4 ? 4 : 6, bytes };
}

/**
 * Parses `address/prefix`, such as `10.0.0.0/8` or `2001:db8::/32`. Host bits set in the address
 * are cleared rather than refused, as a responder typing `10.1.2.3/8` means the /8.
 */
export function parseCidr(text: string): Cidr | undefined {
  const slash = text.indexOf('/');
  if (slash < 0) return undefined;
  const ip = parseIp(text.slice(0, slash));
  const prefixText = text.slice(slash + 1);
  if (ip === undefined || !DECIMAL.test(prefixText)) return undefined;
  const prefix = Number(prefixText);
  if (prefix > ip.bytes.length * 8) return undefined;
  const bytes = ip.bytes.map((byte, i) => byte & maskAt(prefix, i));
  return { v: ip.v, bytes, prefix };
}

/** The range holding exactly one address: `/32` or `/128`. */
export function hostCidr(ip: IpAddress): Cidr {
  return { ...ip, prefix: ip.bytes.length * 8 };
}

/** Whether `ip` lies in `cidr`. Families never mix: unmap both sides first (unmapIp, unmapCidr). */
export function cidrContains(cidr: Cidr, ip: IpAddress): boolean {
  if (cidr.v !== ip.v) return false;
  for (let i = 0; i * 8 < cidr.prefix; i++) {
    if (((ip.bytes[i] ?? 0) & maskAt(cidr.prefix, i)) !== cidr.bytes[i]) return false;
  }
  return true;
}

/**
 * An IPv4-mapped IPv6 address (`::ffff:1.2.3.4`) as the IPv4 address it carries, since dual-stack
 * endpoints log IPv4 clients that way; any other address unchanged.
 */
export function unmapIp(ip: IpAddress): IpAddress {
  return isMapped(ip, 128) ? { v: 4, bytes: ip.bytes.slice(12) } : ip;
}

/** A range inside `::ffff:0:0/96` (such as `::ffff:10.0.0.0/104`) as the IPv4 range (`10.0.0.0/8`). */
export function unmapCidr(cidr: Cidr): Cidr {
  if (!isMapped(cidr, cidr.prefix)) return cidr;
  return { v: 4, bytes: cidr.bytes.slice(12), prefix: cidr.prefix - 96 };
}

function isMapped(ip: IpAddress, prefix: number): boolean {
  if (ip.v !== 6 || prefix < 96) return false;
  for (let i = 0; i < 12; i++) if (ip.bytes[i] !== (i < 10 ? 0 : 0xff)) return false;
  return true;
}

// The mask of byte `i` under a prefix of `prefix` bits.
function maskAt(prefix: number, i: number): number {
  const bits = Math.min(8, Math.max(0, prefix - i * 8));
  return (0xff << (8 - bits)) & 0xff;
}

function parseIpv4(text: string): Uint8Array | undefined {
  const quads = IPV4.exec(text)?.slice(1);
  if (quads === undefined || !quads.every((q) => DECIMAL.test(q) && Number(q) <= 255)) {
    return undefined;
  }
  return Uint8Array.from(quads, Number);
}

// Each side of `::` is a list of 16-bit groups; only the very last group may be a dotted quad.
function parseIpv6(text: string): Uint8Array | undefined {
  const gap = text.indexOf('::');
  if (gap >= 0 && text.indexOf('::', gap + 1) >= 0) return undefined;
  const head = groups(gap < 0 ? text : text.slice(0, gap), gap < 0);
  const tail = gap < 0 ? [] : groups(text.slice(gap + 2), true);
  if (head === undefined || tail === undefined) return undefined;
  const missing = 8 - head.length - tail.length;
  if (gap < 0 ? missing !== 0 : missing < 1) return undefined;
  const words = [...head, ...Array<number>(gap < 0 ? 0 : missing).fill(0), ...tail];
  return Uint8Array.from(words.flatMap((w) => [w >> 8, w & 0xff]));
}

function groups(text: string, quadAllowed: boolean): number[] | undefined {
  if (text === '') return [];
  const words: number[] = [];
  const items = text.split(':');
  for (const [i, item] of items.entries()) {
    const quad = quadAllowed && i === items.length - 1 ? parseIpv4(item) : undefined;
    if (quad !== undefined) {
      words.push(((quad[0] ?? 0) << 8) | (quad[1] ?? 0), ((quad[2] ?? 0) << 8) | (quad[3] ?? 0));
    } else if (HEX_GROUP.test(item)) words.push(parseInt(item, 16));
    else return undefined;
  }
  return words;
}
