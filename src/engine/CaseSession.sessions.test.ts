import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { distinctRecords, fixtureInputs } from '../../test/fixtureFiles';
import { closeSessions, freshSession } from '../../test/sessions';
import type { CaseSession } from './CaseSession';

// Issue 17 §3: the sessions of the sample trails (invictus-aws's Stratus Red Team run, cloud-snitch),
// computed here from the parsed records with no app code, compared value for value with the engine.
const inputs = fixtureInputs();
const records = [
  ...distinctRecords(inputs.map((i) => i.path).filter((p) => p.includes('/CloudTrail/'))).values(),
];
type Rec = Record<string, unknown>;
const at = (r: unknown, ...path: string[]): unknown =>
  path.reduce<unknown>(
    (v, k) => (v !== null && typeof v === 'object' ? (v as Rec)[k] : undefined),
    r,
  );
const text = (r: unknown, ...path: string[]): string => {
  const v = at(r, ...path);
  return typeof v === 'string' ? v : '';
};
const timeOf = (r: Rec) => Date.parse(text(r, 'eventTime'));

interface Reference {
  events: number;
  errors: number;
  start: number;
  end: number;
  ips: Map<string, number>;
  regions: Map<string, number>;
  arns: Set<string>;
}
function referenceSessions(of: readonly Rec[]): Map<string, Reference> {
  const out = new Map<string, Reference>();
  for (const r of of) {
    const key = text(r, 'userIdentity', 'accessKeyId');
    if (!key.startsWith('ASIA')) continue;
    const s = out.get(key) ?? {
      events: 0,
      errors: 0,
      start: Infinity,
      end: -Infinity,
      ips: new Map<string, number>(),
      regions: new Map<string, number>(),
      arns: new Set<string>(),
    };
    s.events++;
    if (text(r, 'errorCode') !== '') s.errors++;
    s.start = Math.min(s.start, timeOf(r));
    s.end = Math.max(s.end, timeOf(r));
    const ip = text(r, 'sourceIPAddress');
    s.ips.set(ip, (s.ips.get(ip) ?? 0) + 1);
    const region = text(r, 'awsRegion');
    s.regions.set(region, (s.regions.get(region) ?? 0) + 1);
    s.arns.add(text(r, 'userIdentity', 'arn'));
    out.set(key, s);
  }
  return out;
}
const issuers = new Map(
  records.flatMap((r) => {
    const k = text(r, 'responseElements', 'credentials', 'accessKeyId');
    return k === '' ? [] : [[k, r] as const];
  }),
);

let engine: CaseSession;
beforeAll(async () => {
  engine = await freshSession();
  await engine.dataset.ingest(inputs);
});
afterAll(closeSessions);

async function listOf(q: string) {
  const answer = await engine.sessions.list({ q }, 'start', 100_000);
  if ('error' in answer) throw new Error(answer.error);
  return answer;
}

describe('session list', () => {
  it('lists every temporary key of the samples with the figures the records give', async () => {
    const reference = referenceSessions(records);
    expect(reference.size).toBeGreaterThan(3);
    const list = await listOf('');
    expect(list.total).toBe(reference.size);
    expect(list.sessionEvents).toBe([...reference.values()].reduce((n, s) => n + s.events, 0));
    for (const s of list.sessions) {
      const ref = reference.get(s.key);
      expect(ref, s.key).toBeDefined();
      if (ref === undefined) continue;
      expect([s.key, s.events, s.errors, s.start, s.end, s.durationMs]).toEqual([
        s.key,
        ref.events,
        ref.errors,
        ref.start,
        ref.end,
        ref.end - ref.start,
      ]);
      expect(s.ips).toBe(ref.ips.size);
      for (const ip of s.topIps) expect(ip.events).toBe(ref.ips.get(ip.value));
      expect(s.topIps[0]?.events).toBe(Math.max(...ref.ips.values()));
      expect(new Map(s.regions.map((r) => [r.value, r.events]))).toEqual(ref.regions);
      expect(ref.arns.has(s.arn)).toBe(true);
      const issuer = issuers.get(s.key);
      expect(s.issuer?.eventID).toBe(issuer?.['eventID']);
      expect(s.issuer?.eventName).toBe(issuer?.['eventName']);
      expect(s.issuer?.arn ?? '').toBe(
        issuer === undefined ? '' : text(issuer, 'userIdentity', 'arn'),
      );
    }
    // Newest first.
    const starts = list.sessions.map((s) => s.start);
    expect(starts).toEqual([...starts].sort((a, b) => b - a));
  });

  it('counts only the events the filter matches', async () => {
    const reference = referenceSessions(records.filter((r) => text(r, 'errorCode') !== ''));
    const list = await listOf('errorCode:*');
    expect(list.total).toBe(reference.size);
    for (const s of list.sessions) {
      expect([s.key, s.events, s.errors]).toEqual([
        s.key,
        reference.get(s.key)?.events,
        reference.get(s.key)?.events,
      ]);
    }
  });

  it("gives each session's events as the match count of accessKeyId:<key> under the filter", async () => {
    const list = await listOf('readOnly:false');
    expect(list.total).toBeGreaterThan(0);
    for (const s of list.sessions) {
      const status = await engine.search.run({ q: `readOnly:false accessKeyId:${s.key}` });
      expect(status.matchCount).toBe(s.events);
      const errors = await engine.search.run({
        q: `readOnly:false accessKeyId:${s.key} errorCode:*`,
      });
      expect(errors.matchCount).toBe(s.errors);
    }
  });

  it('sorts by events, most first', async () => {
    const list = await listOf('');
    const byEvents = await engine.sessions.list({ q: '' }, 'events', 3);
    if ('error' in byEvents) throw new Error(byEvents.error);
    expect(byEvents.sessions.map((s) => s.events)).toEqual(
      list.sessions
        .map((s) => s.events)
        .sort((a, b) => b - a)
        .slice(0, 3),
    );
    expect(byEvents.total).toBe(list.total);
  });
});
