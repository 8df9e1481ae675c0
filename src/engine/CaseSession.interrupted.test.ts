import { closeSessions, openSession } from '../../test/sessions';
import type { TestSessionOptions } from '../../test/sessions';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deleteDB } from 'idb';
import { tinyLogFiles } from '../../test/tinyLogFiles';
import { listFiles, openCairnDb } from '../db/cairnDb';
import { loadPendingRun } from '../db/pendingRun';
import { DB_NAME } from '../db/schema';
import { parseLogFile } from './ingest/parseLogFile';
import type { InputFile, ParseResult } from './ingest/types';

const ALL = { q: '' };
const FILES = 300;
const PER_FILE = 3;
const STORED = 120;

afterEach(closeSessions);
beforeEach(async () => {
  await deleteDB(DB_NAME);
});

/**
 * Starts ingesting `inputs` and "closes the tab" once the first `stored` files are committed: the
 * parse of file `stored` never returns. With one file parsed ahead, the writer has committed exactly
 * the files before it when it blocks, so the database holds exactly `stored` files.
 */
async function dieAfter(
  inputs: readonly InputFile[],
  stored: number,
  options: TestSessionOptions = {},
): Promise<void> {
  const dying = (input: InputFile): Promise<ParseResult> =>
    input === inputs[stored] ? new Promise<never>(() => undefined) : parseLogFile(input);
  const first = await openSession({ ...options, parse: dying, lookahead: 1 });
  void first.dataset.ingest(inputs);
  const db = await openCairnDb();
  await expect.poll(async () => (await listFiles(db)).length).toBe(stored);
  db.close();
  first.close();
}

describe('an ingest interrupted by a closed tab', () => {
  it('has stored the index as it went: only the files after the last checkpoint are parsed again', async () => {
    const inputs = tinyLogFiles(FILES, PER_FILE);
    await dieAfter(inputs, STORED, { checkpointEvents: 100 });
    const reparsed: string[] = [];
    const reopened = await openSession({
      parse: (input) => {
        reparsed.push(input.path);
        return parseLogFile(input);
      },
    });
    expect(reopened.dataset.info().eventCount).toBe(STORED * PER_FILE);
    // Checkpoints every 100 events: the last one at 300 or more of the 360 stored.
    expect(reparsed.length).toBeGreaterThan(0);
    expect(reparsed.length).toBeLessThanOrEqual(20);
    expect(reparsed).toEqual(inputs.slice(STORED - reparsed.length, STORED).map((i) => i.path));
  });

  it('keeps what was committed, says so at the next load, and resumes without re-reading it', async () => {
    const inputs = tinyLogFiles(FILES, PER_FILE);
    await dieAfter(inputs, STORED);

    // "Reload": a new engine on the same database.
    const reopened = await openSession();
    const db = await openCairnDb();
    const stored = await listFiles(db);
    const pending = await loadPendingRun(db);
    db.close();
    expect(pending?.files).toHaveLength(FILES);
    expect(pending?.files[0]).toEqual({ path: inputs[0]?.path, size: inputs[0]?.file.size });
    expect(stored).toHaveLength(STORED);
    // Whole files only, in input order: the stored ones are exactly a prefix of the drop.
    expect(stored.map((f) => f.path)).toEqual(inputs.slice(0, stored.length).map((i) => i.path));
    expect(reopened.dataset.info().eventCount).toBe(stored.length * PER_FILE);
    expect(reopened.dataset.interruptedRun()).toMatchObject({
      filesTotal: FILES,
      filesStored: stored.length,
      eventsAdded: stored.length * PER_FILE,
      bytesTotal: inputs.reduce((n, i) => n + i.file.size, 0),
    });

    // The Files panel of the lost run: the stored files as stored, the rest as not stored.
    const lost = await reopened.dataset.lastRun();
    expect(lost.map((r) => r.path)).toEqual(inputs.map((i) => i.path));
    expect(lost.filter((r) => r.status === 'ingested')).toHaveLength(STORED);
    expect(lost[0]).toMatchObject({ status: 'ingested', records: PER_FILE, added: PER_FILE });
    expect(lost[STORED]).toEqual({
      path: inputs[STORED]?.path,
      size: inputs[STORED]?.file.size,
      status: 'cancelled',
      reason:
        'Not stored: the page was closed or reloaded during the ingest (pick the folder again to resume)',
    });

    // Resume: the same folder again. Files already stored are recognised before parsing.
    await reopened.dataset.settled(); // the load's save of the index it rebuilt
    reopened.close();
    let parsed = 0;
    const counting = (input: InputFile) => {
      parsed++;
      return parseLogFile(input);
    };
    const resumed = await openSession({ parse: counting });
    const reports = await resumed.dataset.ingest(inputs);
    expect(parsed).toBe(FILES - stored.length);
    const known = reports.filter((r) => r.status === 'duplicate');
    expect(known).toHaveLength(stored.length);
    expect(known[0]?.reason).toMatch(/^Already stored before the interrupted ingest as /);
    expect(resumed.dataset.info().eventCount).toBe(FILES * PER_FILE);
    const ids = resumed.search
      .rows(ALL, { offset: 0, limit: 10_000, order: 'asc' })
      .map((r) => r.eventID);
    expect(new Set(ids).size).toBe(FILES * PER_FILE);
    expect(resumed.dataset.interruptedRun()).toBeUndefined();
    const check = await openCairnDb();
    expect(await loadPendingRun(check)).toBeUndefined();
    check.close();
  });

  it('discards the rest but keeps what was stored', async () => {
    await dieAfter(tinyLogFiles(60, 2), 25);
    const reopened = await openSession();
    const count = reopened.dataset.info().eventCount;
    expect(count).toBe(50);
    expect(reopened.dataset.interruptedRun()).toMatchObject({ filesStored: 25, filesTotal: 60 });
    await reopened.dataset.discardInterruptedRun();
    expect(reopened.dataset.interruptedRun()).toBeUndefined();
    expect(reopened.dataset.info().eventCount).toBe(count);
    reopened.close();
    const again = await openSession();
    expect(again.dataset.interruptedRun()).toBeUndefined();
    expect(again.dataset.info().eventCount).toBe(count);
  });

  it('leaves no pending run after a run that ends, cancelled or not', async () => {
    const engine = await openSession();
    await engine.dataset.ingest(tinyLogFiles(5, 1));
    expect(engine.dataset.interruptedRun()).toBeUndefined();
    const reports = await engine.dataset.ingest(tinyLogFiles(200, 1).slice(5), () =>
      engine.dataset.cancel(),
    );
    expect(reports.some((r) => r.status === 'cancelled')).toBe(true);
    const db = await openCairnDb();
    expect(await loadPendingRun(db)).toBeUndefined();
    db.close();
  });
});
