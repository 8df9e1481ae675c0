import { readFileSync } from 'node:fs';
import { Reader } from 'mmdb-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { distinctRecords, fixtureInputs } from '../../test/fixtureFiles';
import { bundledIpBytes } from '../../test/ipDatabases';
import { closeSessions, freshSession, openSession } from '../../test/sessions';
import type { CaseSession } from './CaseSession';

const PKG = new URL('../../node_modules/@ip-location-db/', import.meta.url).pathname;
const ipData = () => Promise.resolve(bundledIpBytes());

// The reference: where each address comes from, computed here from the packages' own files with
// mmdb-lib and a linear scan of the ASN CSV, and a kind written out by hand, no app code.
const countryDb = new Reader<Record<string, unknown>>(
  readFileSync(`${PKG}geo-whois-asn-country-mmdb/geo-whois-asn-country.mmdb`),
);
const asnRows = readFileSync(`${PKG}asn/asn-ipv4-num.csv`, 'utf8').split('\n');

function refKind(ip: unknown): string {
  if (typeof ip !== 'string' || ip === '') return 'none';
  if (ip === 'AWS Internal' || ip.endsWith('.amazonaws.com')) return 'aws';
  const m = /^(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(ip);
  if (m === null) return ip.includes(':') ? 'public' : 'invalid';
  const [a, b] = [Number(m[1]), Number(m[2])];
  const priv =
    a === 10 ||
    a === 127 ||
    a === 0 ||
    (a === 172 && b >= 16 && b < 32) ||
    (a === 192 && b === 168) ||
    (a === 169 && b === 254) ||
    (a === 100 && b >= 64 && b < 128);
  return priv ? 'private' : 'public';
}

function refAsn(ip: string): { asn: string; org: string } {
  const n = ip.split('.').reduce((acc, q) => acc * 256 + Number(q), 0);
  for (const line of asnRows) {
    const [start, end, asn] = line.split(',');
    if (Number(start) <= n && n <= Number(end)) {
      const org = line.slice(`${start},${end},${asn},`.length).replace(/^"|"$/g, '');
      return { asn: asn ?? '', org: org.replace(/""/g, '"') };
    }
  }
  return { asn: 'unknown', org: 'unknown' };
}

function refValues(ip: unknown): { country: string; asn: string; org: string } {
  const kind = refKind(ip);
  if (kind !== 'public' || typeof ip !== 'string') return { country: kind, asn: kind, org: kind };
  const code = countryDb.get(ip)?.['country_code'];
  const country = typeof code === 'string' ? code : 'unknown';
  return { country, ...refAsn(ip) };
}

let engine: CaseSession;
let records: Record<string, unknown>[];
const memo = new Map<unknown, { country: string; asn: string; org: string }>();
const ref = (ip: unknown) => {
  let v = memo.get(ip);
  if (v === undefined) memo.set(ip, (v = refValues(ip)));
  return v;
};

beforeAll(async () => {
  const inputs = fixtureInputs();
  engine = await freshSession({ ipData });
  await engine.dataset.ingest(inputs);
  records = [...distinctRecords(inputs.map((i) => i.path)).values()];
}, 60_000);
afterAll(closeSessions);

describe('IP origin query fields over the e2e samples, against a plain reference', () => {
  const count = (pick: (v: { country: string; asn: string; org: string }) => boolean) =>
    records.filter((r) => pick(ref(r['sourceIPAddress']))).length;

  it('the samples hold public, private and AWS service addresses', () => {
    const kinds = new Set(records.map((r) => refKind(r['sourceIPAddress'])));
    expect(kinds).toContain('public');
    expect(kinds).toContain('aws');
  });

  it('every country, ASN and organisation facet value counts what its query finds', async () => {
    await engine.search.run({ q: '' });
    const facets = (await engine.search.originFacets({ q: '' }, 1000))?.facets ?? [];
    expect(facets.map((f) => f.field)).toEqual([
      'sourceIPAddress.country',
      'sourceIPAddress.asn',
      'sourceIPAddress.org',
    ]);
    for (const facet of facets) {
      const key = facet.field.split('.')[1] as 'country' | 'asn' | 'org';
      const expected = new Map<string, number>();
      for (const r of records) {
        const v = ref(r['sourceIPAddress'])[key];
        expected.set(v, (expected.get(v) ?? 0) + 1);
      }
      expect(new Map(facet.values.map((v) => [v.value, v.count]))).toEqual(expected);
      for (const { value, count } of facet.values) {
        const quoted = /^[\w.-]+$/.test(value) ? value : `"${value.replace(/"/g, '\\"')}"`;
        const status = await engine.search.run({ q: `${facet.field}:${quoted}` });
        expect(status.matchCount, `${facet.field}:${value}`).toBe(count);
      }
    }
  }, 60_000);

  it.each([
    ['sourceIPAddress.country:US', (v: { country: string }) => v.country === 'US'],
    ['-sourceIPAddress.country:US', (v: { country: string }) => v.country !== 'US'],
    ['ip.country:private,aws', (v: { country: string }) => ['private', 'aws'].includes(v.country)],
    ['sourceIPAddress.asn:16509', (v: { asn: string }) => v.asn === '16509'],
    [
      'sourceIPAddress.org:amazon*',
      (v: { org: string }) => v.org.toLowerCase().startsWith('amazon'),
    ],
    ['sourceIPAddress.country:none', (v: { country: string }) => v.country === 'none'],
  ])('%s matches the reference, from the index alone', async (q, pick) => {
    const status = await engine.search.run({ q });
    expect(status.complete).toBe(true);
    expect(status.filesScanned).toBe(0);
    expect(status.matchCount).toBe(count(pick));
  });

  it('enrichIps answers per dictionary code, and enrichValues per value', async () => {
    const ips = [...new Set(records.map((r) => r['sourceIPAddress']))].filter(
      (v): v is string => typeof v === 'string',
    );
    const { origins, elapsedMs } = await engine.ipOrigins.enrichValues(ips);
    expect(elapsedMs).toBeGreaterThanOrEqual(0);
    origins.forEach((o, i) => {
      const want = ref(ips[i]);
      if (['public4', 'public6'].includes(o.kind)) {
        expect(o.country === '' ? 'unknown' : o.country).toBe(want.country);
        expect(o.asn === 0 ? 'unknown' : String(o.asn)).toBe(want.asn);
      } else expect(want.country).not.toBe('public');
    });
    const all = await engine.ipOrigins.enrichAll();
    expect(all.distinct).toBeGreaterThanOrEqual(ips.length);
  });
});

describe('a user .mmdb', () => {
  it('refuses a file that is not a MaxMind DB with a clear message', async () => {
    const bytes = new Uint8Array(new TextEncoder().encode('{"Records": []}'));
    await expect(engine.ipOrigins.addUserDatabase('logs.json', bytes)).rejects.toThrow(
      /Not a MaxMind DB/,
    );
  });

  it('is kept with the case across a reopen, preferred, and removable', async () => {
    // The package's IPv4-only country file stands in for a user's GeoLite2 Country.
    const file = readFileSync(`${PKG}geo-whois-asn-country-mmdb/geo-whois-asn-country-ipv4.mmdb`);
    const info = await engine.ipOrigins.addUserDatabase(
      'my-country.mmdb',
      new Uint8Array(file.buffer.slice(file.byteOffset, file.byteOffset + file.byteLength)),
    );
    expect(info.fields).toContain('country');
    closeSessions();
    const reopened = await openSession({ ipData });
    const dbs = await reopened.ipOrigins.databases();
    expect(dbs.map((d) => d.role)).toEqual(['user', 'bundled-country', 'bundled-asn']);
    expect(dbs[0]?.name).toBe('my-country.mmdb');
    const [origin] = (await reopened.ipOrigins.enrichValues(['8.8.8.8'])).origins;
    expect(origin?.countryFrom).toBe('user');
    expect(origin?.asnFrom).toBe('bundled-asn');
    await reopened.ipOrigins.removeUserDatabase();
    const [after] = (await reopened.ipOrigins.enrichValues(['8.8.8.8'])).origins;
    expect(after?.countryFrom).toBe('bundled-country');
    expect((await reopened.ipOrigins.databases()).map((d) => d.role)).toEqual([
      'bundled-country',
      'bundled-asn',
    ]);
  });
});
