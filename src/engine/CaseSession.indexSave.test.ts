import { deleteDB } from 'idb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { distinctEventIds, fixtureInputs } from '../../test/fixtureFiles';
import { failSegmentWrites } from '../../test/segments';
import { closeSessions, openSession } from '../../test/sessions';
import { openCairnDb } from '../db/cairnDb';
import { DB_NAME } from '../db/schema';
import type { CaseSession } from './CaseSession';
import { parseLogFile } from './ingest/parseLogFile';
import type { ParseFn } from './ingest/types';

const inputs = fixtureInputs();
const ALL = { q: '' };
const goodLogs = inputs
  .map((i) => i.path)
  .filter((p) => p.includes('/CloudTrail/') && !p.includes('Truncated'));
const expectedIds = [...distinctEventIds(goodLogs)].sort();

/** Every eventID the session's table lists, sorted: what the responder can reach. */
function listed(session: CaseSession): string[] {
  return session.search
    .rows(ALL, { offset: 0, limit: 100_000, order: 'desc' })
    .map((r) => r.eventID)
    .sort();
}

/** Opens the case as a reload does, counting the stored files it has to parse again. */
async function reload(): Promise<{ session: CaseSession; reparsed: string[]; why: Set<string> }> {
  const reparsed: string[] = [];
  const why = new Set<string>();
  const parse: ParseFn = (input) => {
    reparsed.push(input.path);
    return parseLogFile(input);
  };
  const session = await openSession({
    parse,
    onReplay: (_done, _total, reason) => why.add(reason ?? 'no reason'),
  });
  await session.dataset.settled();
  return { session, reparsed, why };
}

// A 10M-event index once failed to clone ("DataCloneError … out of memory") and the case never
// opened again. Whatever a save of the index throws, the case must open with every event.
describe.each(['DataCloneError', 'QuotaExceededError'])(
  'CaseSession when the index cannot be stored (%s)',
  { timeout: 30_000 },
  (name) => {
    let restore = () => {};
    beforeEach(async () => {
      await deleteDB(DB_NAME);
    });
    afterEach(() => {
      restore();
      closeSessions();
    });

    it('keeps every event after the ingest and after reloads, and says why reopening is slow', async () => {
      restore = failSegmentWrites(name);
      const live = await openSession();
      const reports = await live.dataset.ingest(inputs);
      await live.dataset.settled();
      expect(reports.filter((r) => r.status === 'ingested').length).toBeGreaterThan(0);
      expect(listed(live)).toEqual(expectedIds);
      expect(live.dataset.info()).toMatchObject({
        indexSaved: 'failed',
        indexSaveError: expect.stringContaining(name),
      });
      live.close();

      // Still failing at load: the stored files are parsed again, the case opens whole.
      const first = await reload();
      expect(listed(first.session)).toEqual(expectedIds);
      expect(first.reparsed.length).toBeGreaterThan(goodLogs.length - 1);
      // The progress bar says why: not "the page was closed during an ingest".
      expect([...first.why]).toEqual([
        expect.stringMatching(/^Storing the index failed last time/),
      ]);
      expect([...first.why][0]).toContain(name);
      expect(first.session.dataset.info().indexSaved).toBe('failed');
      first.session.close();

      // Once saving works again, the load stores the index, and the next one parses nothing.
      restore();
      const second = await reload();
      expect(listed(second.session)).toEqual(expectedIds);
      expect(second.session.dataset.info().indexSaved).toBe('saved');
      second.session.close();
      const third = await reload();
      expect(listed(third.session)).toEqual(expectedIds);
      expect(third.reparsed).toEqual([]);
      expect([...third.why]).toEqual([]);
    });
  },
);

describe('CaseSession on a case an older version stored', { timeout: 30_000 }, () => {
  beforeEach(async () => {
    await deleteDB(DB_NAME);
  });
  afterEach(closeSessions);

  it('reads its files once to store the index in pieces, and says so', async () => {
    const live = await openSession();
    await live.dataset.ingest(inputs);
    await live.dataset.settled();
    live.close();
    // What versions before 4 left: a whole-index value under meta/snapshot, no manifest.
    const db = await openCairnDb();
    await db.delete('meta', 'index');
    await db.put('meta', [], 'snapshot');
    db.close();

    const upgraded = await reload();
    expect(listed(upgraded.session)).toEqual(expectedIds);
    expect([...upgraded.why]).toEqual([expect.stringMatching(/^An older version of Cairn/)]);
    upgraded.session.close();
    const check = await openCairnDb();
    expect(await check.getKey('meta', 'snapshot')).toBeUndefined();
    check.close();
    expect((await reload()).reparsed).toEqual([]);
  });
});
