import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, fixtureInputs } from '../../test/fixtureFiles';
import { closeSessions, freshSession } from '../../test/sessions';
import type { ReportFigure, SituationReport } from '../analysis/reportTypes';
import type { CaseSession } from './CaseSession';
import type { ReportAnswer } from './ReportService';

// Issue 17, situation report: every panel's figures over the invictus sample (the e2e AWSLogs
// account 218007301253), computed here again from the records read with node:zlib and plain loops
// (no app code), compared value for value; and every figure's query finds exactly its count.

type Rec = Record<string, unknown>;
const DIR = join(FIXTURES, 'AWSLogs/218007301253');

function plainRecords(dir: string): Rec[] {
  const byId = new Map<string, Rec>();
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true }).sort((a, b) =>
      a.name.localeCompare(b.name),
    )) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (p.includes('/CloudTrail/') && p.endsWith('.json.gz')) {
        try {
          const parsed = JSON.parse(gunzipSync(readFileSync(p)).toString('utf8')) as {
            Records: Rec[];
          };
          for (const r of parsed.Records) byId.set(String(r['eventID']), r);
        } catch {
          // The truncated file holds no events.
        }
      }
    }
  };
  walk(dir);
  return [...byId.values()];
}

const records = plainRecords(DIR);
const str = (v: unknown) => (typeof v === 'string' ? v : '');
const ident = (r: Rec): Rec =>
  typeof r['userIdentity'] === 'object' && r['userIdentity'] !== null
    ? (r['userIdentity'] as Rec)
    : {};
/** The plain canonical identity: userIdentity.arn, else the console's user name of the record. */
function identityOf(r: Rec): string {
  const u = ident(r);
  if (str(u['arn']) !== '') return str(u['arn']);
  if (str(u['userName']) !== '') return str(u['userName']);
  const type = u['type'];
  if (type === 'Root') return 'root';
  if (type === 'AWSService' || type === undefined) return str(u['invokedBy']);
  if (type === 'AWSAccount')
    return str(u['accountId']) !== '' ? str(u['accountId']) : str(u['principalId']);
  return '';
}
const isService = (v: string) =>
  v.toLowerCase().endsWith('.amazonaws.com') || v.toLowerCase() === 'aws internal';
function tally(rs: readonly Rec[], key: (r: Rec) => string): Map<string, number> {
  const m = new Map<string, number>();
  for (const r of rs) m.set(key(r), (m.get(key(r)) ?? 0) + 1);
  return m;
}
const asMap = (fs: readonly ReportFigure[]) => new Map(fs.map((f) => [f.value, f.count]));
/** The top `n` of a tally, as the counts (ties make which value is listed arbitrary). */
const topCounts = (m: Map<string, number>, n: number) =>
  [...m.values()].sort((a, b) => b - a).slice(0, n);

let engine: CaseSession;
let answer: Extract<ReportAnswer, { state: 'ready' }>;
let report: SituationReport;
beforeAll(async () => {
  engine = await freshSession();
  await engine.dataset.ingest(fixtureInputs(DIR));
  await engine.detections.settled();
  const a = engine.report.report({ q: '' });
  if (a.state !== 'ready') throw new Error(`report ${a.state}`);
  answer = a;
  report = a.report;
}, 60_000);
afterAll(closeSessions);

describe('situation report over the invictus sample, against a plain reference', () => {
  it('holds every event, its span, accounts and Regions', () => {
    expect(report.events).toBe(records.length);
    const times = records.map((r) => Date.parse(str(r['eventTime'])));
    expect(report.first).toBe(Math.min(...times));
    expect(report.last).toBe(Math.max(...times));
    expect(asMap(report.accounts)).toEqual(tally(records, (r) => str(r['recipientAccountId'])));
    expect(asMap(report.regions)).toEqual(tally(records, (r) => str(r['awsRegion'])));
    expect(answer.elapsedMs).toBeGreaterThanOrEqual(0);
  });

  it('lists top identities, IPs and user agents without AWS services, and says what it left out', () => {
    const byIdentity = tally(records, identityOf);
    const serviceIds = new Set(
      records
        .filter((r) => ident(r)['type'] === 'AWSService' && str(ident(r)['arn']) === '')
        .map(identityOf),
    );
    const people = new Map([...byIdentity].filter(([v]) => !isService(v) && !serviceIds.has(v)));
    for (const f of report.identities.figures) expect(f.count).toBe(people.get(f.value));
    expect(report.identities.figures.map((f) => f.count)).toEqual(topCounts(people, 10));
    expect(report.identities.excluded.values).toBe(byIdentity.size - people.size);
    expect(report.identities.excluded.events).toBe(
      records.length - [...people.values()].reduce((a, b) => a + b, 0),
    );
    expect(report.identities.figures[0]?.value).toBe('arn:aws:iam::123837392027:user/bert-jan');
    for (const [list, field] of [
      [report.sourceIPs, 'sourceIPAddress'],
      [report.userAgents, 'userAgent'],
    ] as const) {
      const all = tally(records, (r) => str(r[field]));
      const kept = new Map([...all].filter(([v]) => !isService(v)));
      for (const f of list.figures) expect(f.count).toBe(kept.get(f.value));
      expect(list.figures.map((f) => f.count)).toEqual(topCounts(kept, 10));
      expect(list.excluded.values).toBe(all.size - kept.size);
      expect(list.distinct).toBe(kept.size);
    }
    expect(report.sourceIPs.excluded.values).toBeGreaterThan(0);
  });

  it('includes the services when asked', () => {
    const a = engine.report.report({ q: '' }, { includeServices: true });
    if (a.state !== 'ready') throw new Error(a.state);
    const all = tally(records, (r) => str(r['sourceIPAddress']));
    expect(a.report.sourceIPs.figures.map((f) => f.count)).toEqual(topCounts(all, 10));
    expect(a.report.sourceIPs.excluded).toEqual({ values: 0, events: 0 });
    expect(a.report.identities.distinct).toBe(tally(records, identityOf).size);
  });

  it('counts errors by code, and access denied by identity', () => {
    const failed = records.filter((r) => str(r['errorCode']) !== '');
    expect(report.errors.count).toBe(failed.length);
    const codes = tally(failed, (r) => str(r['errorCode']));
    for (const f of report.errorCodes) expect(f.count).toBe(codes.get(f.value));
    expect(report.errorCodes.map((f) => f.count)).toEqual(topCounts(codes, 15));
    const denied = records.filter((r) => {
      const c = str(r['errorCode']).toLowerCase();
      return (
        c.includes('accessdenied') ||
        c.endsWith('unauthorizedoperation') ||
        c.includes('unauthorizedaccess')
      );
    });
    expect(report.accessDenied.count).toBe(denied.length);
    expect(denied.length).toBe(16 + 44);
    const byId = tally(denied, identityOf);
    for (const f of report.deniedIdentities) expect(f.count).toBe(byId.get(f.value));
    expect(report.deniedIdentities.map((f) => f.count)).toEqual(topCounts(byId, 10));
  });

  it('counts console logins by outcome, reading each record back once', async () => {
    const logins = records.filter((r) => r['eventName'] === 'ConsoleLogin');
    expect(report.consoleLogins.count).toBe(logins.length);
    const resp = (r: Rec) => str((r['responseElements'] as Rec | null)?.['ConsoleLogin']);
    const mfa = (r: Rec) => str((r['additionalEventData'] as Rec | undefined)?.['MFAUsed']);
    const first = await engine.report.logins({ q: '' });
    if (first.state !== 'ready') throw new Error(first.state);
    expect(first.recordsRead).toBe(logins.length);
    expect(first.logins.mfa.count).toBe(
      logins.filter((r) => resp(r) === 'Success' && mfa(r) === 'Yes').length,
    );
    expect(first.logins.noMfa.count).toBe(
      logins.filter((r) => resp(r) === 'Success' && mfa(r) !== 'Yes').length,
    );
    expect(first.logins.failed.count).toBe(logins.filter((r) => resp(r) === 'Failure').length);
    expect([first.logins.mfa.count, first.logins.noMfa.count]).toEqual([1, 1]);
    const again = await engine.report.logins({ q: '' });
    expect(again.state === 'ready' && again.recordsRead).toBe(0);
    for (const f of [first.logins.mfa, first.logins.noMfa, first.logins.failed]) {
      expect((await engine.search.run({ q: f.q })).matchCount, f.q).toBe(f.count);
    }
  });

  it('shows root activity, sensitive calls and rare calls', () => {
    const root = records.filter((r) => ident(r)['type'] === 'Root');
    expect(report.root.count).toBe(root.length);
    expect(asMap(report.rootCalls)).toEqual(
      new Map([...tally(root, (r) => str(r['eventName']))].slice(0, 10)),
    );
    const groups: Record<string, [string, string[]]> = {
      trail: [
        'cloudtrail.amazonaws.com',
        ['StopLogging', 'DeleteTrail', 'UpdateTrail', 'PutEventSelectors', 'PutInsightSelectors'],
      ],
      keys: ['iam.amazonaws.com', ['CreateAccessKey', 'UpdateAccessKey']],
      policies: [
        'iam.amazonaws.com',
        [
          'AttachUserPolicy',
          'AttachRolePolicy',
          'AttachGroupPolicy',
          'PutUserPolicy',
          'PutRolePolicy',
          'PutGroupPolicy',
          'CreatePolicyVersion',
          'SetDefaultPolicyVersion',
        ],
      ],
      sharing: ['ec2.amazonaws.com', ['ModifySnapshotAttribute', 'ModifyImageAttribute']],
      kms: ['kms.amazonaws.com', ['ScheduleKeyDeletion', 'DisableKey']],
    };
    let seen = 0;
    for (const [id, [source, names]] of Object.entries(groups)) {
      const group = report.sensitive.find((g) => g.id === id);
      const hits = records.filter(
        (r) => r['eventSource'] === source && names.includes(str(r['eventName'])),
      );
      expect(group?.total.count, id).toBe(hits.length);
      expect(asMap(group?.calls ?? [])).toEqual(tally(hits, (r) => str(r['eventName'])));
      seen += hits.length;
    }
    expect(seen).toBeGreaterThan(0);
    const names = tally(records, (r) => str(r['eventName']));
    const rare = [...names].filter(([, n]) => n <= 2);
    expect(report.rare.length).toBe(Math.min(25, rare.length));
    for (const f of report.rare) expect(f.count).toBe(names.get(f.value));
    expect(report.rare.map((f) => f.count)).toEqual(
      rare
        .map(([, n]) => n)
        .sort((a, b) => a - b)
        .slice(0, 25),
    );
  });

  // The sample spans an hour and its last 10 % brings nothing new: cut the range where it does.
  let found = 0;
  it.each(['2023-07-10T12:25:00Z', '2023-07-10T12:30:00Z'])(
    'finds identities and IPs new in the last 10 %% of the span, up to %s',
    (to) => {
      const t = (r: Rec) => Date.parse(str(r['eventTime']));
      const rs = records.filter((r) => t(r) < Date.parse(to));
      const a = engine.report.report({ q: '', to: Date.parse(to) }, { recent: '10pct' });
      if (a.state !== 'ready' || a.report.recent === undefined) throw new Error('no window');
      const { from, identities, sourceIPs } = a.report.recent;
      const first = Math.min(...rs.map(t));
      const last = Math.max(...rs.map(t));
      expect(from).toBe(last - (last - first) / 10);
      const before = rs.filter((r) => t(r) < from);
      const within = rs.filter((r) => t(r) >= from);
      const fresh = (key: (r: Rec) => string, skip: (v: string) => boolean) => {
        const old = new Set(before.map(key));
        return new Map(
          [...tally(within, key)].filter(([v]) => v !== '' && !old.has(v) && !skip(v)),
        );
      };
      const serviceIds = new Set(
        rs.filter((r) => ident(r)['type'] === 'AWSService').map(identityOf),
      );
      const ids = fresh(identityOf, (v) => isService(v) || serviceIds.has(v));
      const ips = fresh((r) => str(r['sourceIPAddress']), isService);
      expect(asMap(identities)).toEqual(ids);
      expect(asMap(sourceIPs)).toEqual(ips);
      found += ids.size + ips.size;
    },
  );
  it('found something new in one of those ranges', () => expect(found).toBeGreaterThan(1));

  it('lists detection hits by level and rule', () => {
    const { levels, rules } = answer.detections;
    expect(rules.length).toBeGreaterThan(0);
    for (const r of rules) expect(r.count).toBe(engine.search.count({ q: `rule:${r.ruleId}` }));
    for (const l of levels) expect(l.count).toBe(engine.search.count({ q: `level:${l.value}` }));
  });
});

describe('every figure is a link that finds exactly its count', () => {
  const figuresOf = (r: SituationReport, d: ReportAnswer): ReportFigure[] => [
    ...r.accounts,
    ...r.regions,
    ...r.identities.figures,
    ...r.sourceIPs.figures,
    ...r.userAgents.figures,
    r.errors,
    ...r.errorCodes,
    r.accessDenied,
    ...r.deniedIdentities,
    r.consoleLogins,
    r.root,
    ...r.rootCalls,
    ...r.sensitive.flatMap((g) => [g.total, ...g.calls]),
    ...r.rare,
    ...(r.recent?.identities ?? []),
    ...(r.recent?.sourceIPs ?? []),
    ...(d.state === 'ready' ? [...d.detections.levels, ...d.detections.rules] : []),
  ];
  const requests = [
    { q: '' },
    { q: 'eventSource:ec2.amazonaws.com' },
    {
      q: 'errorCode:*',
      from: Date.parse('2023-07-10T12:10:00Z'),
      to: Date.parse('2023-07-10T12:40:00Z'),
    },
  ];
  it.each(requests)('under %j', (request) => {
    for (const recent of ['24h', '10pct'] as const) {
      const a = engine.report.report(request, { recent, includeServices: recent === '24h' });
      if (a.state !== 'ready') throw new Error(a.state);
      const wrong: string[] = [];
      const figures = figuresOf(a.report, a);
      for (const f of figures) {
        const found = engine.search.count({ ...request, q: f.q });
        if (found !== f.count) wrong.push(`${f.q}: shows ${f.count}, finds ${String(found)}`);
      }
      expect(wrong).toEqual([]);
      expect(figures.length).toBeGreaterThan(10);
    }
  });

  it('answers pending while a record scan has not finished, then over its complete result', async () => {
    const request = { q: 'bert-jan' };
    expect(engine.report.report(request).state).toBe('pending');
    const status = await engine.search.run(request);
    const a = engine.report.report(request);
    expect(a.state === 'ready' && a.report.events).toBe(status.matchCount);
    expect(engine.report.report({ q: '-' }).state).toBe('error');
  });
});
