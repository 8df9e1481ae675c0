import { closeSessions, openSession } from '../../test/sessions';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deleteDB } from 'idb';
import { distinctEventIds, fixtureInputs } from '../../test/fixtureFiles';
import { DB_NAME } from '../db/schema';

const inputs = fixtureInputs();
const ALL = { q: '' };
const goodLogs = inputs
  .map((i) => i.path)
  .filter((p) => p.includes('/CloudTrail/') && !p.includes('Truncated'));

describe('CaseSession over a real AWSLogs folder', () => {
  beforeEach(async () => {
    await deleteDB(DB_NAME);
  });
  afterEach(closeSessions);

  it('stores each distinct event once and reports every file', async () => {
    const engine = await openSession();
    const reports = await engine.dataset.ingest(inputs);
    const expected = distinctEventIds(goodLogs).size;
    expect(engine.dataset.info().eventCount).toBe(expected);
    const byStatus = (s: string) => reports.filter((r) => r.status === s).map((r) => r.path);
    expect(byStatus('failed')).toEqual([expect.stringContaining('Truncated')]);
    expect(byStatus('digest')).toEqual([expect.stringContaining('CloudTrail-Digest')]);
    expect(byStatus('skipped').sort()).toEqual([
      'AWSLogs/notes.txt',
      'LICENSE-cloud-snitch',
      'LICENSE-invictus-aws',
    ]);
    const redelivered = reports.find((r) => r.path.includes('Redelivered'));
    expect(redelivered).toMatchObject({ status: 'ingested', records: 5, added: 0 });
    expect(engine.dataset.info().digestFiles).toBe(1);
  });

  it('lists both files for a re-delivered event and shows the original record', async () => {
    const engine = await openSession();
    await engine.dataset.ingest(inputs);
    const rows = engine.search.rows(ALL, { offset: 0, limit: 100_000, order: 'desc' });
    const multi = rows.filter((r) => (r.flags & 2) !== 0);
    expect(multi).toHaveLength(5);
    const detail = await engine.events.detail(multi[0]?.row ?? -1);
    expect(detail?.sources.map((s) => s.path.split('/')[3])).toEqual(['us-east-1', 'us-west-2']);
    expect(detail?.sources.every((s) => /^[0-9a-f]{64}$/.test(s.sha256))).toBe(true);
    expect(JSON.parse(detail?.recordJson ?? '{}')).toMatchObject({ eventID: multi[0]?.eventID });
  });

  it('sorts newest first and survives a reload, from the snapshot or by replaying chunks', async () => {
    const engine = await openSession();
    await engine.dataset.ingest(inputs);
    const before = engine.search.rows(ALL, { offset: 0, limit: 3, order: 'desc' });
    const times = engine.search
      .rows(ALL, { offset: 0, limit: 100_000, order: 'desc' })
      .map((r) => r.eventTime);
    expect(times).toEqual([...times].sort((a, b) => b - a));
    await engine.dataset.settled();
    const { openCairnDb } = await import('../db/cairnDb');
    const { IndexStore } = await import('../db/IndexStore');
    const check = await openCairnDb();
    expect((await IndexStore.open(check)).index.size).toBe(engine.dataset.info().eventCount);
    check.close();
    const reopened = await openSession();
    expect(reopened.search.rows(ALL, { offset: 0, limit: 3, order: 'desc' })).toEqual(before);
    // Drop the stored index: it must rebuild the same from the stored files.
    const db = await openCairnDb();
    await db.delete('meta', 'index');
    db.close();
    const replayed = await openSession();
    expect(replayed.dataset.info().eventCount).toBe(engine.dataset.info().eventCount);
    expect(replayed.search.rows(ALL, { offset: 0, limit: 3, order: 'desc' })).toEqual(before);
  });

  it('does not change when the same folder is dropped again', async () => {
    const engine = await openSession();
    await engine.dataset.ingest(inputs);
    const count = engine.dataset.info().eventCount;
    const again = await engine.dataset.ingest(inputs);
    expect(engine.dataset.info().eventCount).toBe(count);
    expect(again.filter((r) => r.status === 'duplicate').length).toBe(goodLogs.length + 1);
  });

  it('keeps and flags different records that claim one eventID', async () => {
    const engine = await openSession();
    const rec = (name: string) => ({
      eventTime: '2024-01-01T00:00:00Z',
      eventSource: 's3.amazonaws.com',
      eventName: name,
      eventID: '11111111-2222-3333-4444-555555555555',
    });
    await engine.dataset.ingest([
      { path: 'a.json', file: new Blob([JSON.stringify({ Records: [rec('GetObject')] })]) },
    ]);
    const [report] = await engine.dataset.ingest([
      { path: 'b.json', file: new Blob([JSON.stringify({ Records: [rec('DeleteObject')] })]) },
    ]);
    expect(report?.reason).toMatch(/share an eventID with a different record/);
    const rows = engine.search.rows(ALL, { offset: 0, limit: 10, order: 'asc' });
    expect(rows.map((r) => [r.eventName, r.flags & 1])).toEqual([
      ['GetObject', 1],
      ['DeleteObject', 1],
    ]);
    expect((await engine.events.detail(1))?.conflictRows).toEqual([0]);
    // Selecting either record: the row picks it; without a row (a link), the first is found.
    await engine.search.run(ALL);
    const id = '11111111-2222-3333-4444-555555555555';
    expect(engine.search.locate(ALL, { eventID: id, row: 1 }, 'asc')).toEqual({
      row: 1,
      position: 1,
    });
    expect(engine.search.locate(ALL, { eventID: id }, 'asc')).toEqual({ row: 0, position: 0 });
    expect(engine.search.locate(ALL, { eventID: id, row: 1 }, 'desc')).toEqual({
      row: 1,
      position: 0,
    });
    // A row from another machine's link that holds another event: the eventID decides.
    expect(engine.search.locate(ALL, { eventID: 'elsewhere', row: 1 }, 'asc')).toBeUndefined();
  });

  it('finds an event without an eventID by its row only', async () => {
    const engine = await openSession();
    const noId = { eventTime: '2024-01-01T00:00:00Z', eventSource: 's3.amazonaws.com' };
    await engine.dataset.ingest([
      {
        path: 'no-ids.json',
        file: new Blob([
          JSON.stringify({
            Records: [
              { ...noId, eventName: 'GetObject' },
              { ...noId, eventName: 'PutObject' },
            ],
          }),
        ]),
      },
    ]);
    await engine.search.run(ALL);
    expect(engine.search.locate(ALL, { eventID: '', row: 1 }, 'asc')).toEqual({
      row: 1,
      position: 1,
    });
    expect(engine.search.locate(ALL, { eventID: '' }, 'asc')).toBeUndefined();
  });

  it('wipes everything it stored, so the next session opens empty', async () => {
    const engine = await openSession();
    await engine.dataset.ingest(inputs);
    expect(engine.dataset.info().eventCount).toBeGreaterThan(0);
    await engine.wipe();
    const cleared = await openSession();
    expect(cleared.dataset.info()).toMatchObject({ eventCount: 0, logFiles: 0, digestFiles: 0 });
    expect(await cleared.files.list()).toEqual([]);
    expect(await cleared.dataset.lastRun()).toEqual([]);
  });
});
