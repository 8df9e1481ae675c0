import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { distinctRecords, fixtureInputs, FIXTURES } from '../../test/fixtureFiles';
import { closeSessions, freshSession, rowOf } from '../../test/sessions';
import type { ChainNode } from '../analysis/sessionChain';
import type { CaseSession } from './CaseSession';

// Issue 17 §3: a session of the invictus-aws sample told as a story, checked against its records;
// the Markdown export of the hostile sample's session keeps every log string inert.
type Rec = Record<string, unknown>;
const text = (r: unknown, ...path: string[]): string => {
  const v = path.reduce<unknown>(
    (o, k) => (o !== null && typeof o === 'object' ? (o as Rec)[k] : undefined),
    r,
  );
  return typeof v === 'string' ? v : '';
};
const GAP_MS = 15 * 60_000;

describe('the story of an invictus session', () => {
  const inputs = fixtureInputs().filter((i) => i.path.includes('218007301253/CloudTrail/'));
  const records = [...distinctRecords(inputs.map((i) => i.path)).values()];
  const byKey = new Map<string, Rec[]>();
  for (const r of records) {
    const key = text(r, 'userIdentity', 'accessKeyId');
    if (key.startsWith('ASIA')) byKey.set(key, [...(byKey.get(key) ?? []), r]);
  }
  const issuers = new Map(
    records.flatMap((r) => {
      const k = text(r, 'responseElements', 'credentials', 'accessKeyId');
      return k === '' ? [] : [[k, r] as const];
    }),
  );
  // The busiest session whose key an event in the case issued.
  const [key, own] = [...byKey]
    .filter(([k]) => issuers.has(k))
    .sort((a, b) => b[1].length - a[1].length)[0] ?? ['', []];
  let engine: CaseSession;
  beforeAll(async () => {
    engine = await freshSession();
    await engine.dataset.ingest(inputs);
  });
  afterAll(closeSessions);

  it('lists its events in time order with the resources and outcomes the records give', () => {
    expect(own.length).toBeGreaterThan(5);
    const story = engine.sessions.story(key);
    const expected = [...own].sort(
      (a, b) => Date.parse(text(a, 'eventTime')) - Date.parse(text(b, 'eventTime')),
    );
    expect(story?.events.map((e) => e.time)).toEqual(
      expected.map((r) => Date.parse(text(r, 'eventTime'))),
    );
    expect(new Set(story?.events.map((e) => e.eventID))).toEqual(
      new Set(expected.map((r) => r['eventID'])),
    );
    for (const e of story?.events ?? []) {
      const r = own.find((x) => x['eventID'] === e.eventID);
      expect([e.eventName, e.eventSource, e.errorCode, e.sourceIPAddress]).toEqual([
        text(r, 'eventName'),
        text(r, 'eventSource'),
        text(r, 'errorCode'),
        text(r, 'sourceIPAddress'),
      ]);
    }
  });

  it('breaks it into bursts wherever the records fall silent for over 15 minutes', () => {
    const story = engine.sessions.story(key);
    const times = own.map((r) => Date.parse(text(r, 'eventTime'))).sort((a, b) => a - b);
    const gaps = times.flatMap((t, i) => (i > 0 && t - (times[i - 1] ?? 0) > GAP_MS ? [i] : []));
    expect(story?.bursts.slice(1).map((b) => b.from)).toEqual(gaps);
    expect(story?.bursts.map((b) => b.gapBeforeMs)).toEqual([
      0,
      ...gaps.map((i) => (times[i] ?? 0) - (times[i - 1] ?? 0)),
    ]);
    expect(story?.bursts.reduce((n, b) => n + b.count, 0)).toBe(own.length);
  });

  it('draws the credential chain from the first identity down to this session and the sessions it issued', () => {
    const story = engine.sessions.story(key);
    // Up: each key's issuing event, signed by the key above it.
    const path = [key];
    for (let k = key; issuers.has(k);) {
      k = text(issuers.get(k), 'userIdentity', 'accessKeyId');
      path.unshift(k);
      if (!k.startsWith('ASIA')) break;
    }
    const walked: ChainNode[] = [];
    for (let n: ChainNode | undefined = story?.chain; n !== undefined;) {
      walked.push(n);
      n = n.current ? undefined : n.children[0];
    }
    expect(walked.map((n) => n.key)).toEqual(path);
    expect(walked.at(-1)?.current).toBe(true);
    expect(walked.at(-1)?.issuedBy?.eventID).toBe(issuers.get(key)?.['eventID']);
    expect(walked[0]?.arn).toBe(text(issuers.get(path[1] ?? ''), 'userIdentity', 'arn'));
    // Down: the keys events signed with this session issued.
    const issuedHere = [...issuers]
      .filter(([, r]) => text(r, 'userIdentity', 'accessKeyId') === key)
      .map(([k]) => k);
    expect(
      walked
        .at(-1)
        ?.children.map((c) => c.key)
        .sort(),
    ).toEqual(issuedHere.sort());
    expect(walked.at(-1)?.events).toBe(own.length);
  });
});

describe('the Markdown of a hostile session', () => {
  const HOSTILE = new URL('../../e2e/fixtures-hostile/', import.meta.url).pathname;
  const inputs = fixtureInputs(HOSTILE, HOSTILE).filter((i) => i.path.includes('/CloudTrail/'));
  const KEY = 'ASIATFQR7NSCWLLE7IWW';
  let engine: CaseSession;
  beforeAll(async () => {
    engine = await freshSession();
    await engine.dataset.ingest(inputs);
  });
  afterAll(closeSessions);

  it('escapes every log and note string: no HTML, link, heading, extra cell or direction override', async () => {
    expect(FIXTURES).not.toBe(HOSTILE);
    const first = engine.sessions.story(KEY)?.events[0];
    expect(first).toBeDefined();
    const row = await rowOf(engine, first?.eventID ?? '');
    await engine.notes.annotate(row, {
      bookmarked: true,
      note: 'see [here](javascript:alert(1))\n# not a heading | extra cell <img src=x onerror=alert(2)> invoice\u202Egnp.exe',
      tags: ['<b>tag</b>'],
    });
    const markdown = engine.sessions.markdown(KEY, 'Europe/Paris', [
      ['ec2.amazonaws.com', 'GetPasswordData', 'Reads <the> password | data'],
    ]);
    expect(markdown).toBeDefined();
    const out = markdown ?? '';
    expect(out).toContain('\\<script\\>');
    expect(out).not.toMatch(/(^|[^\\])<(script|img|b)\b/);
    expect(out).not.toMatch(/[^\\]\]\(javascript/);
    expect(out).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
    // Only the export's own headings start a line with '#'.
    expect(out.split('\n').filter((l) => l.startsWith('#'))).toEqual([
      `# Session ${KEY}`,
      '## Credential chain',
      '## Calls',
      '## Events',
      '## Notes',
    ]);
    // Every table row has the table's nine cells: no log string adds one.
    const rows = out.split('\n').filter((l) => l.startsWith('| '));
    expect(rows.length).toBeGreaterThan(2);
    for (const line of rows) expect(line.split(/(?<!\\)\|/).length - 2).toBe(9);
    expect(out).toContain('Reads \\<the\\> password \\| data');
    expect(out).toContain('CC BY 4.0');
  });
});
