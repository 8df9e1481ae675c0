import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, fixtureInputs } from '../../test/fixtureFiles';
import { closeSessions, freshSession } from '../../test/sessions';
import { countRowQuery } from '../querylang/countBy';
import { parseQuery } from '../querylang/parseQuery';
import type { CountByResult, CountGroup } from '../search/countByTypes';
import type { CaseSession } from './CaseSession';

// The e2e AWSLogs tree (invictus, cloud-snitch, with a re-delivered file and a truncated one).
let engine: CaseSession;
beforeAll(async () => {
  engine = await freshSession();
  await engine.dataset.ingest(fixtureInputs());
});
afterAll(closeSessions);

type Rec = Record<string, unknown>;

/**
 * The reference: every record of the fixture tree's log files, parsed here with node:zlib and
 * JSON.parse, kept once per eventID (a re-delivery is the same event).
 */
function records(): Rec[] {
  const byId = new Map<string, Rec>();
  for (const { path } of fixtureInputs()) {
    if (!/\.json(\.gz)?$/.test(path) || path.includes('Digest')) continue;
    const raw = readFileSync(join(FIXTURES, path));
    let parsed: unknown;
    try {
      parsed = JSON.parse((path.endsWith('.gz') ? gunzipSync(raw) : raw).toString('utf8'));
    } catch {
      continue;
    }
    const list = (parsed as { Records?: Rec[] }).Records ?? [];
    for (const r of list) byId.set(String(r['eventID']), r);
  }
  return [...byId.values()];
}

/** Values at a dotted path, lists opened at every step, scalars as text; '' left out. */
function at(record: unknown, path: string): string[] {
  let level: unknown[] = [record];
  for (const key of path.split('.')) {
    const next: unknown[] = [];
    const open = (v: unknown): void => {
      if (Array.isArray(v)) v.forEach(open);
      else if (v !== null && typeof v === 'object' && key in v) next.push((v as Rec)[key]);
    };
    level.forEach(open);
    level = next;
  }
  const out = new Set<string>();
  const leaf = (v: unknown): void => {
    if (Array.isArray(v)) {
      out.add(JSON.stringify(v));
      v.forEach(leaf);
    } else if (typeof v === 'string') out.add(v);
    else out.add(JSON.stringify(v));
  };
  level.forEach(leaf);
  return [...out].filter((v) => v !== '');
}

interface Ref {
  events: number;
  distinct: Set<string>;
  first: number;
  last: number;
}

/** Groups `recs` the plain way: a Map keyed by the lower-cased values joined by a tab. */
function reference(recs: Rec[], fields: string[], distinctOf?: string): Map<string, Ref> {
  const out = new Map<string, Ref>();
  for (const r of recs) {
    const t = Date.parse(String(r['eventTime']));
    const firsts = at(r, fields[0] ?? '');
    for (const a of firsts.length === 0 ? [''] : firsts) {
      const seconds = fields[1] === undefined ? [undefined] : at(r, fields[1]);
      for (const b of seconds.length === 0 ? [''] : seconds) {
        const key = (b === undefined ? [a] : [a, b]).map((v) => v.toLowerCase()).join('\t');
        const g = out.get(key) ?? { events: 0, distinct: new Set(), first: t, last: t };
        g.events++;
        g.first = Math.min(g.first, t);
        g.last = Math.max(g.last, t);
        if (distinctOf !== undefined) for (const d of at(r, distinctOf)) g.distinct.add(d);
        out.set(key, g);
      }
    }
  }
  return out;
}

/** The engine's groups (pairs for two fields) keyed as reference() keys them. */
function engineGroups(result: CountByResult): Map<string, CountGroup> {
  const out = new Map<string, CountGroup>();
  for (const g of result.groups) {
    for (const row of g.pairs ?? [g]) out.set(row.keys.map((k) => k.toLowerCase()).join('\t'), row);
  }
  return out;
}

async function count(q: string, sort: 'count' | 'key' = 'count'): Promise<CountByResult> {
  const status = await engine.search.run({ q });
  expect(status.complete).toBe(true);
  const result = await engine.search.countBy({ q }, { sort, dir: 'desc', limit: 100_000 });
  if (result === undefined) throw new Error(`no count for ${q}`);
  expect(result.events).toBe(status.matchCount);
  expect(result.complete).toBe(true);
  return result;
}

function compare(result: CountByResult, ref: Map<string, Ref>, distinct: boolean): void {
  const got = engineGroups(result);
  expect([...got.keys()].sort()).toEqual([...ref.keys()].sort());
  for (const [key, r] of ref) {
    const g = got.get(key);
    expect({ key, events: g?.events, first: g?.firstSeen, last: g?.lastSeen }).toEqual({
      key,
      events: r.events,
      first: r.first,
      last: r.last,
    });
    if (distinct)
      expect({ key, distinct: g?.distinct }).toEqual({ key, distinct: r.distinct.size });
  }
}

describe('count by over the e2e samples, against the parsed records', () => {
  const all = records();

  it('one indexed field: events, first and last seen of each value, most events first', async () => {
    const result = await count('| count by eventName');
    expect(result.distinctField).toBe('userName');
    expect(result.total).toBeGreaterThan(20);
    compare(result, reference(all, ['eventName']), false);
    // Distinct identities (userName is derived, not a key of the record): the named userNames
    // of each eventName in the two-field count.
    const pairs = await count('| count by eventName, userName');
    for (const g of result.groups) {
      const named = pairs.groups
        .find((p) => p.keys[0] === g.keys[0])
        ?.pairs?.filter((p) => p.keys[1] !== '');
      expect({ key: g.keys[0], distinct: g.distinct }).toEqual({
        key: g.keys[0],
        distinct: named?.length,
      });
    }
    expect(result.groups.map((g) => g.events)).toEqual(
      [...result.groups.map((g) => g.events)].sort((a, b) => b - a),
    );
  });

  it('two indexed fields under a filter: pairs, and each group its distinct second values', async () => {
    const result = await count('errorCode:* | count by eventSource, awsRegion');
    const failed = all.filter((r) => typeof r['errorCode'] === 'string' && r['errorCode'] !== '');
    expect(failed.length).toBeGreaterThan(0);
    compare(result, reference(failed, ['eventSource', 'awsRegion']), false);
    const groups = reference(failed, ['eventSource'], 'awsRegion');
    for (const g of result.groups) {
      const r = groups.get((g.keys[0] ?? '').toLowerCase());
      expect({ key: g.keys[0], events: g.events, distinct: g.distinct }).toEqual({
        key: g.keys[0],
        events: r?.events,
        distinct: r?.distinct.size,
      });
      expect(g.pairCount).toBe(g.pairs?.length);
    }
    expect(result.totalPairs).toBe(reference(failed, ['eventSource', 'awsRegion']).size);
  });

  it("a resource field counts an event once under each of its resources' values", async () => {
    const result = await count('| count by resourceType');
    // The index also derives resources the record does not list: compare with what a click finds.
    const sum = result.groups.reduce((s, g) => s + g.events, 0);
    expect(sum).toBeGreaterThan(result.events);
    await expectLinksFind('| count by resourceType', result);
  });

  it('a JSON path (records read back) under a filter, one and two fields', async () => {
    const s3 = all.filter((r) => String(r['eventSource']).toLowerCase() === 's3.amazonaws.com');
    expect(s3.length).toBeGreaterThan(0);
    const one = await count('eventSource:s3.amazonaws.com | count by requestParameters.bucketName');
    expect(one.filesRead).toBe(one.filesToRead);
    expect(one.filesRead).toBeGreaterThan(0);
    compare(one, reference(s3, ['requestParameters.bucketName']), false);
    const two = await count(
      'eventSource:s3.amazonaws.com | count by eventName, requestParameters.bucketName',
    );
    compare(two, reference(s3, ['eventName', 'requestParameters.bucketName']), false);
    const lists = await count('| count by resources.type');
    compare(lists, reference(all, ['resources.type']), false);
  });

  it("each row's link finds exactly its events, (none) included", async () => {
    for (const q of [
      '| count by userName',
      'errorCode:* | count by userName, eventName',
      'userName:* | count by errorCode',
      'eventSource:s3.amazonaws.com | count by requestParameters.bucketName',
    ]) {
      await expectLinksFind(q, await count(q));
    }
  });

  it('sorts by key and cuts at the limit, saying how many there are', async () => {
    await engine.search.run({ q: '| count by eventName' });
    const cut = await engine.search.countBy(
      { q: '| count by eventName' },
      { sort: 'key', dir: 'asc', limit: 5 },
    );
    const keys = cut?.groups.map((g) => g.keys[0]?.toLowerCase() ?? '') ?? [];
    expect(keys).toHaveLength(5);
    expect(keys).toEqual([...keys].sort());
    expect(cut?.total).toBeGreaterThan(5);
  });

  it('cuts every numeric order at the limit to the first groups of the whole order', async () => {
    const q = '| count by eventName';
    await engine.search.run({ q });
    for (const sort of ['count', 'first', 'last'] as const) {
      for (const dir of ['asc', 'desc'] as const) {
        const whole = await engine.search.countBy({ q }, { sort, dir, limit: 100_000 });
        const cut = await engine.search.countBy({ q }, { sort, dir, limit: 3 });
        // More than twice the limit: the cut goes through the numeric pre-cut.
        expect(whole?.groups.length).toBeGreaterThan(6);
        expect([sort, dir, cut?.groups.map((g) => g.keys)]).toEqual([
          sort,
          dir,
          whole?.groups.slice(0, 3).map((g) => g.keys),
        ]);
      }
    }
  });

  it('shares the search result of the query without the clause', async () => {
    const a = await engine.search.run({ q: 'eventSource:s3.amazonaws.com "bucket"' });
    const b = await engine.search.run({
      q: 'eventSource:s3.amazonaws.com "bucket" | count by eventName',
    });
    expect(b.key).toBe(a.key);
    expect(b.matchCount).toBe(a.matchCount);
  });
});

/** Every shown row's link (countRowQuery) gives a match count equal to the row's events. */
async function expectLinksFind(q: string, result: CountByResult): Promise<void> {
  const parsed = parseQuery(q);
  if (!parsed.ok) throw new Error(q);
  const wrong: string[] = [];
  let checked = 0;
  for (const g of result.groups) {
    for (const row of g.pairs ?? [g]) {
      const link = countRowQuery(parsed.query, result.fields, row.keys);
      const found = await engine.search.run({ q: link });
      if (found.matchCount !== row.events)
        wrong.push(`${link}: ${row.events} shown, ${found.matchCount} found`);
      checked++;
    }
  }
  expect(checked).toBeGreaterThan(1);
  expect(wrong).toEqual([]);
}
