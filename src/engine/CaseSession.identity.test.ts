import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { distinctRecords, fixtureInputs } from '../../test/fixtureFiles';
import { closeSessions, freshSession } from '../../test/sessions';
import type { CaseSession } from './CaseSession';
import type { Counted, IdentityProfile } from '../analysis/identityTypes';

// The invictus sample: the IAM user bert-jan ran the Stratus Red Team techniques.
const inputs = fixtureInputs();
const records = [
  ...distinctRecords(inputs.map((i) => i.path).filter((p) => p.includes('/CloudTrail/'))).values(),
];
const ATTACKER = 'arn:aws:iam::123837392027:user/bert-jan';

type Rec = Record<string, unknown>;
const at = (r: unknown, ...path: string[]): unknown =>
  path.reduce<unknown>(
    (v, k) => (v !== null && typeof v === 'object' ? (v as Rec)[k] : undefined),
    r,
  );
const str = (r: unknown, ...path: string[]): string => {
  const v = at(r, ...path);
  return typeof v === 'string' ? v : '';
};
const timeOf = (r: Rec) => Date.parse(str(r, 'eventTime'));

/** Plain reference: per value of `key` over `rs`, events, errors, first and last (ms). */
function tally(rs: readonly Rec[], key: (r: Rec) => string) {
  const out = new Map<string, { count: number; errors: number; first: number; last: number }>();
  for (const r of rs) {
    const k = key(r);
    const t = timeOf(r);
    const e = out.get(k) ?? { count: 0, errors: 0, first: Infinity, last: -Infinity };
    out.set(k, e);
    e.count++;
    if (str(r, 'errorCode') !== '') e.errors++;
    e.first = Math.min(e.first, t);
    e.last = Math.max(e.last, t);
  }
  return out;
}

function asMap(
  list: readonly { value: string; count: number; errors: number; first: number; last: number }[],
) {
  return new Map(
    list.map((u) => [u.value, { count: u.count, errors: u.errors, first: u.first, last: u.last }]),
  );
}

let engine: CaseSession;
let profile: IdentityProfile;
const mine = records.filter((r) => str(r, 'userIdentity', 'arn') === ATTACKER);

beforeAll(async () => {
  engine = await freshSession();
  await engine.dataset.ingest(inputs);
  await engine.detections.settled();
  profile = engine.identity.profile(ATTACKER);
});
afterAll(closeSessions);

async function matchCount(q: string): Promise<number> {
  const status = await engine.search.run({ q });
  expect(status.error).toBeUndefined();
  return status.matchCount;
}

describe('identity profile of the invictus attacker', () => {
  it('resolves the ARN and counts its events, errors, first and last seen', () => {
    expect(profile.kind).toBe('arn');
    expect(mine.length).toBeGreaterThan(2000);
    expect(profile.events.count).toBe(mine.length);
    expect(profile.errors.count).toBe(mine.filter((r) => str(r, 'errorCode') !== '').length);
    expect(profile.firstSeen).toBe(Math.min(...mine.map(timeOf)));
    expect(profile.lastSeen).toBe(Math.max(...mine.map(timeOf)));
    const binned =
      (profile.histogram?.ok ?? []).reduce((a, b) => a + b, 0) +
      (profile.histogram?.errors ?? []).reduce((a, b) => a + b, 0);
    expect(binned).toBe(mine.length);
  });

  it('groups its calls by service, split by success and failure', () => {
    const ref = new Map<string, { ok: number; failed: number }>();
    for (const r of mine) {
      const k = `${str(r, 'eventSource')} ${str(r, 'eventName')}`;
      const e = ref.get(k) ?? { ok: 0, failed: 0 };
      ref.set(k, e);
      if (str(r, 'errorCode') === '') e.ok++;
      else e.failed++;
    }
    const got = new Map(
      profile.services.flatMap((s) =>
        s.calls.map((c) => [
          `${s.eventSource} ${c.eventName}`,
          { ok: c.ok.count, failed: c.failed.count },
        ]),
      ),
    );
    expect(got).toEqual(ref);
    for (const s of profile.services)
      expect(s.total.count).toBe(s.calls.reduce((n, c) => n + c.total.count, 0));
  });

  it('lists Regions, accounts, source IPs, user agents and keys with their own first and last seen', () => {
    expect(asMap(profile.regions)).toEqual(tally(mine, (r) => str(r, 'awsRegion')));
    expect(asMap(profile.accounts)).toEqual(tally(mine, (r) => str(r, 'recipientAccountId')));
    expect(asMap(profile.sourceIps)).toEqual(tally(mine, (r) => str(r, 'sourceIPAddress')));
    expect(asMap(profile.userAgents)).toEqual(tally(mine, (r) => str(r, 'userAgent')));
    const keys = tally(
      mine.filter((r) => str(r, 'userIdentity', 'accessKeyId') !== ''),
      (r) => str(r, 'userIdentity', 'accessKeyId'),
    );
    expect(asMap(profile.accessKeys)).toEqual(keys);
    for (const k of profile.accessKeys)
      expect(k.kind).toBe(
        k.value.startsWith('AKIA')
          ? 'long-term'
          : k.value.startsWith('ASIA')
            ? 'temporary'
            : 'other',
      );
    expect(profile.sessions.map((s) => s.value).sort()).toEqual(
      [...keys.keys()].filter((k) => k.startsWith('ASIA')).sort(),
    );
  });

  it('marks as new what it used only from the baseline on', () => {
    const ips = [...tally(mine, (r) => str(r, 'sourceIPAddress'))];
    const times = mine.map(timeOf).sort((a, b) => a - b);
    const baseline = times[Math.floor(times.length * 0.9)] ?? 0;
    const p = engine.identity.profile(ATTACKER, baseline);
    const fresh = ips
      .filter(([, u]) => u.first >= baseline)
      .map(([ip]) => ip)
      .sort();
    expect(
      p.sourceIps
        .filter((u) => u.isNew)
        .map((u) => u.value)
        .sort(),
    ).toEqual(fresh);
    const agents = [...tally(mine, (r) => str(r, 'userAgent'))];
    expect(
      p.userAgents
        .filter((u) => u.isNew)
        .map((u) => u.value)
        .sort(),
    ).toEqual(
      agents
        .filter(([, u]) => u.first >= baseline)
        .map(([ua]) => ua)
        .sort(),
    );
  });

  it('lists the roles it assumed and the identities sharing its IPs', () => {
    const assumed = new Map<string, number>();
    for (const r of mine) {
      if (!str(r, 'eventName').startsWith('AssumeRole')) continue;
      const role = str(r, 'requestParameters', 'roleArn');
      // A refused call (AccessDenied) logs no requestParameters: it names no role.
      if (role === '') continue;
      assumed.set(role, (assumed.get(role) ?? 0) + 1);
    }
    expect(assumed.size).toBeGreaterThan(0);
    expect(
      new Map(
        profile.related.rolesAssumed
          .filter((r) => r.via.includes('AssumeRole'))
          .map((r) => [r.identity, r.events.count]),
      ),
    ).toEqual(assumed);
    const service = (ip: string) =>
      ip === '' || ip === 'AWS Internal' || ip.endsWith('.amazonaws.com');
    const myIps = new Set(mine.map((r) => str(r, 'sourceIPAddress')).filter((ip) => !service(ip)));
    const canonical = (r: Rec) =>
      str(r, 'userIdentity', 'arn') !== ''
        ? str(r, 'userIdentity', 'arn')
        : str(r, 'userIdentity', 'userName');
    const sharing = new Map<string, number>();
    for (const r of records) {
      const who = derivedCanonical(r, canonical);
      if (who === '' || who === ATTACKER || !myIps.has(str(r, 'sourceIPAddress'))) continue;
      sharing.set(who, (sharing.get(who) ?? 0) + 1);
    }
    expect(new Map(profile.related.sharingIps.map((r) => [r.identity, r.events.count]))).toEqual(
      sharing,
    );
  });

  it('lists its persistence calls with each event', () => {
    const names = new Set([
      'CreateUser',
      'CreateAccessKey',
      'CreateLoginProfile',
      'UpdateLoginProfile',
      'AttachUserPolicy',
      'AttachRolePolicy',
      'PutUserPolicy',
      'PutRolePolicy',
      'UpdateAssumeRolePolicy',
      'CreateRole',
      'AddUserToGroup',
      'CreatePolicyVersion',
      'SetDefaultPolicyVersion',
    ]);
    const ref = new Map<string, string[]>();
    for (const r of mine) {
      if (!names.has(str(r, 'eventName'))) continue;
      ref.set(str(r, 'eventName'), [...(ref.get(str(r, 'eventName')) ?? []), str(r, 'eventID')]);
    }
    expect(ref.size).toBeGreaterThan(0);
    const got = new Map(
      profile.persistence
        .filter((p) => names.has(p.eventName))
        .map((p) => [p.eventName, p.events.map((e) => e.eventID)]),
    );
    expect(new Map([...got].map(([k, v]) => [k, [...v].sort()]))).toEqual(
      new Map([...ref].map(([k, v]) => [k, [...v].sort()])),
    );
  });

  it('gives every count a query that finds exactly that many events', async () => {
    const counted: Counted[] = [
      profile.events,
      profile.errors,
      ...profile.services.flatMap((s) => [
        s.total,
        ...s.calls.flatMap((c) => [c.total, c.ok, c.failed]),
      ]),
      ...[
        profile.regions,
        profile.accounts,
        profile.sourceIps,
        profile.userAgents,
        profile.accessKeys,
        profile.identityTypes,
      ]
        .flat()
        .flatMap((u) => [u, { count: u.errors, q: u.errorsQ }]),
      ...profile.persistence.map((p) => p.total),
      ...profile.detections.map((d) => d.hits),
      ...(['rolesAssumed', 'assumedBy', 'sharingIps', 'sharingKeys'] as const).flatMap((key) =>
        profile.related[key].map((r) => r.events),
      ),
    ];
    expect(counted.length).toBeGreaterThan(50);
    expect(profile.detections.length).toBeGreaterThan(0);
    for (const c of counted) expect([c.q, await matchCount(c.q)]).toEqual([c.q, c.count]);
  });
});

/** The canonical identity as the app derives userName (an assumed role's is its session name). */
function derivedCanonical(r: Rec, canonical: (r: Rec) => string): string {
  if (str(r, 'userIdentity', 'arn') !== '') return str(r, 'userIdentity', 'arn');
  return canonical(r);
}

describe('resolving an identity value', () => {
  const count = (pred: (r: Rec) => boolean) => records.filter(pred).length;
  it('by user name, ARN, role ARN (covering its sessions), access key and principal ID', async () => {
    const key = str(
      mine.find((r) => str(r, 'userIdentity', 'accessKeyId').startsWith('AKIA')),
      'userIdentity',
      'accessKeyId',
    );
    const principal = str(mine[0], 'userIdentity', 'principalId');
    const role = 'arn:aws:iam::123837392027:role/stratus-red-team-ec2-get-password-data-role';
    const sessions =
      'arn:aws:sts::123837392027:assumed-role/stratus-red-team-ec2-get-password-data-role/';
    const cases: [string, string, number][] = [
      ['bert-jan', 'userName', count((r) => str(r, 'userIdentity', 'userName') === 'bert-jan')],
      [ATTACKER, 'arn', mine.length],
      [role, 'role', count((r) => str(r, 'userIdentity', 'arn').startsWith(sessions))],
      [key, 'accessKeyId', count((r) => str(r, 'userIdentity', 'accessKeyId') === key)],
      [principal, 'principalId', count((r) => str(r, 'userIdentity', 'principalId') === principal)],
    ];
    for (const [value, kind, n] of cases) {
      expect(n).toBeGreaterThan(0);
      const p = engine.identity.profile(value);
      expect([value, p.kind, p.events.count]).toEqual([value, kind, n]);
      expect(await matchCount(p.events.q)).toBe(n);
    }
    // Who assumed the role: the callers of AssumeRole calls naming it, counted from the records.
    const assumers = new Map<string, number>();
    for (const r of records) {
      if (!str(r, 'eventName').startsWith('AssumeRole')) continue;
      if (str(r, 'requestParameters', 'roleArn') !== role) continue;
      const who = str(r, 'userIdentity', 'arn');
      assumers.set(who, (assumers.get(who) ?? 0) + 1);
    }
    expect(assumers.size).toBeGreaterThan(0);
    const roleProfile = engine.identity.profile(role);
    const found = roleProfile.related.assumedBy.filter((r) => r.via.includes('AssumeRole'));
    expect(new Map(found.map((r) => [r.identity, r.events.count]))).toEqual(assumers);
    for (const r of roleProfile.related.assumedBy)
      expect(await matchCount(r.events.q)).toBe(r.events.count);
    expect(engine.identity.profile('no-such-identity').events.count).toBe(0);
  });
});
