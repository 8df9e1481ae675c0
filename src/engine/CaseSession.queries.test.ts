import { deleteDB } from 'idb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FIXTURES, fixtureInputs } from '../../test/fixtureFiles';
import { closeSessions, freshSession, openSession } from '../../test/sessions';
import { DB_NAME } from '../db/schema';
import type { CaseSession } from './CaseSession';

const OTHER = 'cairn-case-other';
const inputs = fixtureInputs(`${FIXTURES}AWSLogs`);

async function count(engine: CaseSession, q: string) {
  const status = await engine.search.run({ q });
  expect(status.error).toBeUndefined();
  return status.matchCount;
}

async function bundleOf(engine: CaseSession): Promise<Blob> {
  const { id } = await engine.bundles.start({ caseName: 'Q', view: '', includeFiles: false });
  const parts: Uint8Array<ArrayBuffer>[] = [];
  for (let p = await engine.bundles.next(id); p !== undefined; p = await engine.bundles.next(id)) {
    for (const chunk of p) parts.push(new Uint8Array(chunk));
  }
  return new Blob(parts, { type: 'application/zip' });
}

describe('query history and saved queries of a case', () => {
  beforeEach(async () => {
    await deleteDB(DB_NAME);
    await deleteDB(OTHER);
  });
  afterEach(closeSessions);

  it('history is kept per case across a reload: most recent first, no repeats, last 50', async () => {
    const a = await freshSession();
    const b = await freshSession({ dbName: OTHER });
    await a.queries.remember('eventName:A');
    await a.queries.remember('eventName:B');
    await a.queries.remember('eventName:A');
    await b.queries.remember('userName:other-case');
    for (let i = 0; i < 55; i++) await b.queries.remember(`n:${i}`);
    closeSessions();
    const a2 = await openSession();
    const b2 = await openSession({ dbName: OTHER });
    expect(a2.queries.all().history).toEqual(['eventName:A', 'eventName:B']);
    expect(b2.queries.all().history).toHaveLength(50);
    expect(b2.queries.all().history[0]).toBe('n:54');
    expect(b2.queries.all().history).not.toContain('userName:other-case');
  });

  it('saved:<name> matches what the saved query matches; unknown and cyclic names are errors', async () => {
    const engine = await freshSession();
    await engine.dataset.ingest(inputs);
    const q = 'eventSource:s3.amazonaws.com readOnly:true';
    await engine.queries.save('S3 reads', q);
    const direct = await count(engine, q);
    expect(direct).toBeGreaterThan(0);
    expect(await count(engine, 'saved:"s3 reads"')).toBe(direct);
    // A record scan (free text) inside a saved query runs too.
    await engine.queries.save('reads of buckets', 'saved:"S3 reads" ListBuckets');
    expect(await count(engine, 'saved:"reads of buckets"')).toBe(
      await count(engine, `${q} ListBuckets`),
    );
    expect(engine.search.count({ q: 'saved:"S3 reads"' })).toBe(direct);

    const unknown = await engine.search.run({ q: 'saved:nothing' });
    expect(unknown.error?.message).toBe('No saved query named "nothing"');
    await engine.queries.save('loop', 'saved:loop2');
    await engine.queries.save('loop2', 'userName:x saved:loop');
    const loop = await engine.search.run({ q: 'saved:loop' });
    expect(loop.error?.message).toBe('Saved query "loop" refers to itself (loop → loop2 → loop)');

    // A changed definition changes the result of the same text.
    await engine.queries.save('S3 reads', 'eventSource:s3.amazonaws.com', true);
    expect(await count(engine, 'saved:"S3 reads"')).toBe(
      await count(engine, 'eventSource:s3.amazonaws.com'),
    );
    await expect(engine.queries.save('s3 READS', 'userName:x')).rejects.toThrow(/is named/);
    await engine.queries.rename('S3 reads', 'S3');
    expect((await engine.search.run({ q: 'saved:"S3 reads"' })).error?.message).toMatch(/No saved/);
    await engine.queries.remove('S3');
    expect(engine.queries.all().saved.map((s) => s.name)).toEqual([
      'reads of buckets',
      'loop',
      'loop2',
    ]);
  });

  it('saved queries travel in the case bundle; a clashing name is kept as "(imported)"', async () => {
    const source = await freshSession();
    await source.dataset.ingest(inputs);
    await source.queries.save('Logins', 'eventName:ConsoleLogin');
    await source.queries.save('Errors', 'errorCode:*');
    const zip = await bundleOf(source);
    closeSessions();

    const target = await freshSession({ dbName: OTHER });
    await target.queries.save('Errors', 'errorCode:AccessDenied');
    const result = await target.bundles.import(zip);
    expect(result.savedQueries).toBe(2);
    expect(result.savedQueriesAdded).toBe(2);
    expect(result.savedQueriesRenamed).toBe(1);
    expect(target.queries.all().saved.map((s) => [s.name, s.q])).toEqual([
      ['Errors', 'errorCode:AccessDenied'],
      ['Logins', 'eventName:ConsoleLogin'],
      ['Errors (imported)', 'errorCode:*'],
    ]);
    // Importing the same bundle again adds nothing.
    expect((await target.bundles.import(zip)).savedQueriesAdded).toBe(0);
  });
});
