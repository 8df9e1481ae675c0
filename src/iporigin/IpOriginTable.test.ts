import { describe, expect, it } from 'vitest';
import { bundledIpDatabases } from '../../test/ipDatabases';
import { classifySourceIp } from './classifySourceIp';
import { IpOriginTable, originValue } from './IpOriginTable';

describe('classifySourceIp', () => {
  it.each([
    ['203.0.113.9', 'public4'],
    ['8.8.8.8', 'public4'],
    ['2001:4860:4860::8888', 'public6'],
    ['2a05:d018:1234::1', 'public6'],
    ['10.1.2.3', 'private'],
    ['172.16.0.1', 'private'],
    ['172.32.0.1', 'public4'],
    ['192.168.1.1', 'private'],
    ['127.0.0.1', 'private'],
    ['169.254.169.254', 'private'],
    ['100.64.0.1', 'private'],
    ['100.128.0.1', 'public4'],
    ['fd12:3456::1', 'private'],
    ['fe80::1', 'private'],
    ['::1', 'private'],
    ['::ffff:10.0.0.1', 'private'],
    ['::ffff:8.8.8.8', 'public4'],
    ['ec2.amazonaws.com', 'service'],
    ['cloudtrail.amazonaws.com', 'service'],
    ['AWS Internal', 'internal'],
    ['', 'empty'],
    ['999.1.1.1', 'malformed'],
    ['not an ip', 'malformed'],
    ['example.com', 'malformed'],
  ])('%s is %s', (value, kind) => {
    expect(classifySourceIp(value).kind).toBe(kind);
  });
});

describe('IpOriginTable over the bundled data', () => {
  const table = new IpOriginTable(bundledIpDatabases());

  it.each([
    ['8.8.8.8', 'US', 15169, /google/i],
    ['1.1.1.1', 'AU', 13335, /cloudflare/i],
    ['2001:4860:4860::8888', 'US', 15169, /google/i],
    ['2606:4700:4700::1111', 'US', 13335, /cloudflare/i],
    ['::ffff:8.8.8.8', 'US', 15169, /google/i],
  ])('%s is in %s, AS%s', (ip, country, asn, org) => {
    const origin = table.lookup(ip);
    expect(origin.country).toBe(country);
    expect(origin.asn).toBe(asn);
    expect(origin.org).toMatch(org);
    expect(origin.countryFrom).toBe('bundled-country');
    expect(origin.asnFrom).toBe('bundled-asn');
  });

  it('never calls a public IPv6 address private, and gives it a country', () => {
    const origin = table.lookup('2a05:d018:1234::1');
    expect(origin.kind).toBe('public6');
    expect(originValue(origin, 'country')).toMatch(/^[A-Z]{2}$/);
  });

  it.each([
    ['10.0.0.1', 'private'],
    ['fd00::1', 'private'],
    ['ec2.amazonaws.com', 'aws'],
    ['AWS Internal', 'aws'],
    ['', 'none'],
    ['1.2.3', 'invalid'],
  ])('%s has the special value %s in every field', (ip, special) => {
    const origin = table.lookup(ip);
    expect([
      originValue(origin, 'country'),
      originValue(origin, 'asn'),
      originValue(origin, 'org'),
    ]).toEqual([special, special, special]);
    expect(origin.asn).toBe(0);
  });

  it('enriches each code once and only the codes added since', () => {
    const values = ['8.8.8.8', '10.0.0.1'];
    const dict = {
      get size() {
        return values.length;
      },
      get: (c: number) => values[c] ?? '',
    };
    const grown = new IpOriginTable(bundledIpDatabases());
    expect(grown.update(dict)).toBe(2);
    values.push('1.1.1.1');
    expect(grown.update(dict)).toBe(1);
    expect(grown.value(2, 'asn')).toBe('13335');
    expect(grown.value(1, 'country')).toBe('private');
  });
});
