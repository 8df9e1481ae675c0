import { closeSessions, freshSession, openSession } from '../../test/sessions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { distinctRecords, fixtureInputs } from '../../test/fixtureFiles';
import { buildFileBloom } from './ingest/buildFileBloom';
import { matchStoredRecords } from '../search/matchStoredRecords';
import type { CaseSession } from './CaseSession';

// The oracle: plain JavaScript over the raw records, written without any of the app's code.
const inputs = fixtureInputs();
const logs = inputs.map((i) => i.path).filter((p) => p.includes('/CloudTrail/'));
const records = [...distinctRecords(logs).values()];
const at = (r: Record<string, unknown>, path: string): unknown =>
  path
    .split('.')
    .reduce<unknown>(
      (v, k) =>
        v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined,
      r,
    );
const count = (pred: (r: Record<string, unknown>) => boolean) => records.filter(pred).length;

let engine: CaseSession;
beforeAll(async () => {
  engine = await freshSession({
    bloom: buildFileBloom,
    match: matchStoredRecords,
  });
  await engine.dataset.ingest(inputs);
  await engine.wordsIndexed();
});
afterAll(closeSessions);

async function matches(q: string, range: { from?: number; to?: number } = {}) {
  const status = await engine.search.run({ q, ...range });
  expect(status.error).toBeUndefined();
  expect(status.complete).toBe(true);
  return status.matchCount;
}

describe('search over the fixture AWSLogs folder', () => {
  it('matches every event with an empty query', async () => {
    expect(await matches('')).toBe(records.length);
  });

  it('filters on a lookup attribute, OR within it, and negation', async () => {
    expect(await matches('eventName:Decrypt')).toBe(count((r) => r['eventName'] === 'Decrypt'));
    expect(await matches('eventName:decrypt,GetUser')).toBe(
      count((r) => r['eventName'] === 'Decrypt' || r['eventName'] === 'GetUser'),
    );
    expect(await matches('-eventName:Decrypt')).toBe(count((r) => r['eventName'] !== 'Decrypt'));
  });

  it('combines attributes with AND, wildcards and "any error"', async () => {
    const expected = count(
      (r) =>
        String(r['eventSource']).startsWith('iam.') &&
        r['errorCode'] === undefined &&
        at(r, 'userIdentity.accessKeyId') === 'AKIATFQR7NSC8Q4X20BJ',
    );
    expect(expected).toBeGreaterThan(0);
    expect(await matches('eventSource:iam.* -errorCode:* accessKeyId:AKIATFQR7NSC8Q4X20BJ')).toBe(
      expected,
    );
    expect(await matches('errorCode:*')).toBe(count((r) => typeof r['errorCode'] === 'string'));
  });

  it('matches source IPs by CIDR, and never a service name', async () => {
    const inTen = count((r) => /^10\./.test(String(r['sourceIPAddress'])));
    expect(inTen).toBeGreaterThan(0);
    expect(await matches('sourceIPAddress:10.0.0.0/8')).toBe(inTen);
    expect(await matches('sourceIPAddress:0.0.0.0/0')).toBe(
      count((r) => /^\d+\.\d+\.\d+\.\d+$/.test(String(r['sourceIPAddress']))),
    );
  });

  it('reads any JSON path from the stored records', async () => {
    const expected = count(
      (r) => at(r, 'userIdentity.sessionContext.sessionIssuer.userName') !== undefined,
    );
    expect(expected).toBeGreaterThan(0);
    expect(await matches('userIdentity.sessionContext.sessionIssuer.userName:*')).toBe(expected);
  });

  it('searches free text as whole words over keys and values, case-insensitively', async () => {
    const word = (re: RegExp) => count((r) => re.test(JSON.stringify(r)));
    const expected = word(/(?<![a-z0-9])throttlingexception(?![a-z0-9])/i);
    expect(expected).toBeGreaterThan(0);
    expect(await matches('throttlingexception')).toBe(expected);
    expect(await matches('-throttlingexception')).toBe(records.length - expected);
    // `Throttling` alone is not a word in these records; `Throttling*` reaches into them.
    expect(await matches('throttling')).toBe(word(/(?<![a-z0-9])throttling(?![a-z0-9])/i));
    expect(await matches('throttling*')).toBe(word(/(?<![a-z0-9])throttling/i));
  });

  it('skips files whose word filter rules out a rare term, and still finds every match', async () => {
    const key = 'ASIATFQR7NSCS5BLNV76';
    const expected = count((r) => JSON.stringify(r).includes(key));
    const status = await engine.search.run({ q: key.toLowerCase() });
    expect(status.matchCount).toBe(expected);
    expect(status.filesSkipped).toBeGreaterThan(status.filesToScan / 2);
    // The filters are stored: a reopened dataset skips the same files without rebuilding them.
    expect(engine.dataset.info().wordsPending).toBe(0);
    engine.close();
    engine = await openSession({
      bloom: async () => Promise.reject(new Error('rebuilt')),
    });
    const again = await engine.search.run({ q: key.toLowerCase() });
    expect(again.matchCount).toBe(expected);
    expect(again.filesSkipped).toBe(status.filesSkipped);
  });

  it('finds an IP by its whole address, ruling out files that only share its numbers', async () => {
    const ip = '10.8.8.10';
    const expected = count((r) => /(?<![0-9a-z])10\.8\.8\.10(?![0-9a-z])/i.test(JSON.stringify(r)));
    const status = await engine.search.run({ q: ip });
    expect(status.matchCount).toBe(expected);
    expect(status.filesSkipped).toBeGreaterThan(0);
  });

  it('limits to a time range, end exclusive', async () => {
    const times = records.map((r) => Date.parse(String(r['eventTime']))).sort((a, b) => a - b);
    const from = times[Math.floor(times.length / 4)] ?? 0;
    const to = times[Math.floor((3 * times.length) / 4)] ?? 0;
    expect(await matches('', { from, to })).toBe(times.filter((t) => t >= from && t < to).length);
  });

  it('reports a syntax error with its position instead of throwing', async () => {
    const status = await engine.search.run({ q: 'eventName: foo' });
    expect(status.error?.start).toBe(0);
    expect(status.error?.message).toMatch(/value/i);
  });

  it('counts facets under the filter', async () => {
    const request = { q: 'eventSource:iam.amazonaws.com' };
    await engine.search.run(request);
    const facets = engine.search.facets(request)?.facets ?? [];
    const names = facets.find((f) => f.field === 'eventName');
    const top = names?.values[0];
    expect(top).toBeDefined();
    expect(top?.count).toBe(
      count((r) => r['eventSource'] === 'iam.amazonaws.com' && r['eventName'] === top?.value),
    );
  });

  it('lists exactly the events signed with an access key', async () => {
    const key = 'ASIATFQR7NSCS5BLNV76';
    const expected = records.filter((r) => at(r, 'userIdentity.accessKeyId') === key);
    const request = { q: `accessKeyId:${key}` };
    await engine.search.run(request);
    const rows = engine.search.rows(request, { offset: 0, limit: 10_000, order: 'desc' });
    expect(rows.map((r) => r.eventID).sort()).toEqual(expected.map((r) => r['eventID']).sort());
    expect(engine.search.count(request)).toBe(expected.length);
  });
});
