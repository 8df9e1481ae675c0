import { closeSessions, freshSession, openSession } from '../../test/sessions';
import { deleteDB } from 'idb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { recordsWithoutEventId } from '../../test/annotationFixture';
import { distinctEventIds, FIXTURES, fixtureInputs } from '../../test/fixtureFiles';
import { DB_NAME } from '../db/schema';
import type { CaseSession } from './CaseSession';

/** Real trail files of the e2e fixtures (invictus-aws, LICENSE beside them). */
const DAY = 'AWSLogs/218007301253/CloudTrail/us-east-1/2023/07/10/';
const logs = fixtureInputs(`${FIXTURES}${DAY}`);

async function count(engine: CaseSession, q: string) {
  const status = await engine.search.run({ q });
  expect(status.error).toBeUndefined();
  return status.matchCount;
}

function firstRows(engine: CaseSession, n: number) {
  return engine.search.rows({ q: '' }, { offset: 0, limit: n, order: 'asc' });
}

describe('annotations on events', () => {
  beforeEach(() => deleteDB(DB_NAME));
  afterEach(closeSessions);

  it('bookmarks, tags and notes answer bookmarked:, tag:, note: and is: exactly', async () => {
    const engine = await freshSession();
    await engine.dataset.ingest(logs);
    const total = engine.dataset.info().eventCount;
    expect(total).toBe(distinctEventIds(logs.map((l) => l.path)).size);
    const [a, b, c] = firstRows(engine, 3);
    if (a === undefined || b === undefined || c === undefined) throw new Error('too few events');
    await engine.notes.annotate(a.row, { bookmarked: true, tags: ['phishing', ' Recon '] });
    await engine.notes.annotate(b.row, { tags: ['phishing'] });
    await engine.notes.annotate(c.row, { note: 'Console login from a new country' });

    expect(await count(engine, 'bookmarked:true')).toBe(1);
    expect(await count(engine, 'is:bookmarked')).toBe(1);
    expect(await count(engine, 'bookmarked:false')).toBe(total - 1);
    expect(await count(engine, 'tag:phishing')).toBe(2);
    expect(await count(engine, 'tag:PHISH*')).toBe(2);
    expect(await count(engine, 'tags:recon')).toBe(1);
    expect(await count(engine, '-tag:phishing')).toBe(total - 2);
    expect(await count(engine, 'is:tagged')).toBe(2);
    expect(await count(engine, 'is:noted')).toBe(1);
    expect(await count(engine, 'is:annotated')).toBe(3);
    expect(await count(engine, 'note:*country*')).toBe(1);
    expect(await count(engine, `tag:phishing eventName:"${b.eventName}"`)).toBeGreaterThanOrEqual(
      1,
    );

    // The table rows carry the marks; the tags are stored trimmed.
    const marked = firstRows(engine, 3);
    expect(marked[0]).toMatchObject({ bookmarked: true, tags: ['phishing', 'Recon'] });
    expect(marked[1]?.bookmarked).toBeUndefined();
    expect(marked[1]?.tags).toEqual(['phishing']);
    expect(engine.notes.of(a.row)).toMatchObject({
      key: a.eventID,
      annotation: { bookmarked: true, eventName: a.eventName, eventTime: a.eventTime },
    });
    expect(engine.notes.tags()).toEqual([
      { tag: 'phishing', count: 2 },
      { tag: 'Recon', count: 1 },
    ]);
    expect(engine.search.suggest('tag', 'ph')).toEqual([{ value: 'phishing', count: 2 }]);
  });

  it('a change re-runs a cached search; unmarking deletes; they survive a reload, not a clear', async () => {
    const engine = await freshSession();
    await engine.dataset.ingest(logs);
    const [a] = firstRows(engine, 1);
    if (a === undefined) throw new Error('no events');
    expect(await count(engine, 'bookmarked:true')).toBe(0);
    await engine.notes.annotate(a.row, { bookmarked: true, note: 'keep' });
    expect(await count(engine, 'bookmarked:true')).toBe(1);
    engine.close();

    const reloaded = await openSession();
    expect(await count(reloaded, 'bookmarked:true')).toBe(1);
    expect(reloaded.notes.all()).toHaveLength(1);
    await reloaded.notes.annotate(a.row, { bookmarked: false, note: '' });
    expect(await count(reloaded, 'bookmarked:true')).toBe(0);
    expect(reloaded.notes.all()).toEqual([]);
    await reloaded.notes.annotate(a.row, { tags: ['x'] });
    await reloaded.wipe();
    const afterClear = await openSession();
    expect(afterClear.notes.all()).toEqual([]);
    await afterClear.dataset.ingest(logs);
    expect(await count(afterClear, 'tag:x')).toBe(0);
  });

  it('an event without an eventID is keyed by its file SHA-256 and record index', async () => {
    const engine = await freshSession();
    const input = recordsWithoutEventId(4);
    await engine.dataset.ingest([input]);
    expect(engine.dataset.info().eventCount).toBe(4);
    const rows = firstRows(engine, 4);
    const third = rows.find((r) => r.eventID === '' && r.row === 2);
    if (third === undefined) throw new Error('row 2 missing');
    const saved = await engine.notes.annotate(third.row, { tags: ['no-id'] });
    const [meta] = await engine.files.list();
    expect(saved.key).toBe(`file:${meta?.sha256 ?? ''}#2`);
    expect(await count(engine, 'tag:no-id')).toBe(1);
    engine.close();
    const reloaded = await openSession();
    expect(await count(reloaded, 'tag:no-id')).toBe(1);
    const hit = reloaded.search.rows({ q: 'tag:no-id' }, { offset: 0, limit: 5, order: 'asc' });
    expect(hit.map((r) => r.row)).toEqual([2]);
  });
});
