import { describe, expect, it } from 'vitest';
import { cidrContains, parseCidr, parseIp, unmapCidr, unmapIp } from './ipAddress';

function bytes(text: string): number[] | undefined {
  const ip = parseIp(text);
  return ip === undefined ? undefined : [...ip.bytes];
}

const v6 = (...words: number[]): number[] => words.flatMap((w) => [w >> 8, w & 0xff]);

describe('parseIp', () => {
  it('parses IPv4 dotted quads', () => {
    expect(parseIp('192.168.0.255')).toEqual({ v: 4, bytes: Uint8Array.from([192, 168, 0, 255]) });
    expect(bytes('0.0.0.0')).toEqual([0, 0, 0, 0]);
  });

  it('parses IPv6 in full, compressed and with a dotted quad', () => {
    expect(parseIp('::1')?.v).toBe(6);
    expect(bytes('2001:DB8:0:0:0:0:0:1')).toEqual(v6(0x2001, 0xdb8, 0, 0, 0, 0, 0, 1));
    expect(bytes('2001:db8::1')).toEqual(v6(0x2001, 0xdb8, 0, 0, 0, 0, 0, 1));
    expect(bytes('::')).toEqual(v6(0, 0, 0, 0, 0, 0, 0, 0));
    expect(bytes('::1')).toEqual(v6(0, 0, 0, 0, 0, 0, 0, 1));
    expect(bytes('fe80::')).toEqual(v6(0xfe80, 0, 0, 0, 0, 0, 0, 0));
    expect(bytes('1:2:3:4:5:6:7::')).toEqual(v6(1, 2, 3, 4, 5, 6, 7, 0));
    expect(bytes('::ffff:1.2.3.4')).toEqual(v6(0, 0, 0, 0, 0, 0xffff, 0x0102, 0x0304));
    expect(bytes('1:2:3:4:5:6:1.2.3.4')).toEqual(v6(1, 2, 3, 4, 5, 6, 0x0102, 0x0304));
  });

  it.each([
    'AWS Internal',
    'ec2.amazonaws.com',
    '',
    '1.2.3',
    '1.2.3.4.5',
    '256.1.1.1',
    '01.2.3.4',
    '1.2.3.-4',
    ' 1.2.3.4',
    ':',
    ':::',
    '1::2::3',
    '1:2:3:4:5:6:7:8:9',
    '1:2:3:4:5:6:7',
    '1:2:3:4:5:6:7:8::',
    ':1:2:3:4:5:6:7',
    '12345::',
    'g::',
    '1.2.3.4::',
    '::1.2.3.4:1',
    'fe80::1%eth0',
    '[::1]',
  ])('rejects %j', (text) => {
    expect(parseIp(text)).toBeUndefined();
  });
});

describe('parseCidr', () => {
  it('parses ranges and clears host bits', () => {
    expect(parseCidr('10.1.2.3/8')).toEqual({
      v: 4,
      bytes: Uint8Array.from([10, 0, 0, 0]),
      prefix: 8,
    });
    expect(parseCidr('10.255.2.3/12')?.bytes).toEqual(Uint8Array.from([10, 240, 0, 0]));
    expect(parseCidr('2001:db8:ffff::/32')?.bytes).toEqual(
      Uint8Array.from(v6(0x2001, 0xdb8, 0, 0, 0, 0, 0, 0)),
    );
    expect(parseCidr('::/0')?.prefix).toBe(0);
    expect(parseCidr('::1/128')?.prefix).toBe(128);
  });

  it.each([
    '10.0.0.0',
    '10.0.0.0/',
    '10.0.0.0/33',
    '::/129',
    '10.0.0.0/08',
    '10.0.0.0/8/8',
    'x/8',
    '/8',
    '10.0.0.0/-1',
  ])('rejects %j', (text) => {
    expect(parseCidr(text)).toBeUndefined();
  });
});

describe('cidrContains', () => {
  const contains = (cidr: string, ip: string): boolean => {
    const range = parseCidr(cidr);
    const address = parseIp(ip);
    if (range === undefined || address === undefined) throw new Error(`${cidr} ${ip}`);
    return cidrContains(unmapCidr(range), unmapIp(address));
  };

  it('compares whole and partial bytes', () => {
    expect(contains('10.16.0.0/12', '10.31.255.255')).toBe(true);
    expect(contains('10.16.0.0/12', '10.32.0.0')).toBe(false);
    expect(contains('10.16.0.0/12', '10.15.255.255')).toBe(false);
    expect(contains('2001:db8::/33', '2001:db8:7fff::')).toBe(true);
    expect(contains('2001:db8::/33', '2001:db8:8000::')).toBe(false);
  });

  it('never mixes families, except IPv4-mapped addresses and ranges', () => {
    expect(contains('0.0.0.0/0', '::1')).toBe(false);
    expect(contains('::/0', '1.2.3.4')).toBe(false);
    expect(contains('1.2.3.0/24', '::ffff:1.2.3.9')).toBe(true);
    expect(contains('::ffff:1.2.3.0/120', '1.2.3.9')).toBe(true);
    expect(contains('::ffff:0:0/95', '1.2.3.9')).toBe(false);
  });
});
