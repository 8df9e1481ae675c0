import { deleteDB } from 'idb';
import { beforeEach, describe, expect, it } from 'vitest';
import { fixtureInputs } from '../../../test/fixtureFiles';
import { recordsIn, SAMPLE } from '../../../test/sampleRecords';
import { openCairnDb } from '../../db/cairnDb';
import type { CairnDatabase } from '../../db/cairnDb';
import { EventIndex } from '../../index/EventIndex';
import { RecordReader } from '../../db/RecordReader';
import { DB_NAME } from '../../db/schema';
import { ingestFiles } from './ingestFiles';
import { parseLogFile } from './parseLogFile';

const logs = fixtureInputs().filter((i) => i.path.includes('/CloudTrail/us-east-1/2023/07/10/'));

/** A database whose Nth read-write transaction fails as a full disk would. */
function failingOnWrite(db: CairnDatabase, n: number): CairnDatabase {
  let writes = 0;
  return new Proxy(db, {
    get(target, prop, receiver) {
      if (prop !== 'transaction') return Reflect.get(target, prop, receiver) as unknown;
      return (...args: Parameters<CairnDatabase['transaction']>) => {
        if (args[1] === 'readwrite' && ++writes === n) {
          throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        }
        return target.transaction(...args);
      };
    },
  });
}

describe('ingestFiles when storage fails', () => {
  beforeEach(async () => {
    await deleteDB(DB_NAME);
  });

  it('stops with a clear message and leaves the index exactly as stored', async () => {
    const db = await openCairnDb();
    const index = new EventIndex();
    const outcome = await ingestFiles({
      inputs: logs,
      db: failingOnWrite(db, 2),
      index,
      reader: new RecordReader(db),
      parse: parseLogFile,
      knownFiles: new Map(),
      firstFileId: 1,
      // One file a group, so the second transaction holds the second file.
      lookahead: 1,
    });
    const statuses = outcome.reports.map((r) => r.status);
    expect(statuses[0]).toBe('ingested');
    expect(statuses.slice(1).every((s) => s === 'failed' || s === 'cancelled')).toBe(true);
    expect(outcome.reports[1]?.reason).toMatch(/Browser storage is full/);
    const stored = await db.getAll('files');
    expect(stored.map((f) => f.path)).toEqual([logs[0]?.path]);
    expect(index.size).toBe(outcome.reports[0]?.added);
    expect(outcome.nextFileId).toBe(2);
    db.close();
  });
});

describe('ingestFiles when cancelled', () => {
  beforeEach(async () => {
    await deleteDB(DB_NAME);
  });

  it('stops in the middle of a file flooding one eventID, keeping the files stored before it', async () => {
    const base = recordsIn(SAMPLE.invictusTrail)[0] ?? {};
    const records = Array.from({ length: 1500 }, (_, i) => ({
      ...base,
      requestID: `r${String(i)}`,
    }));
    const flood = { path: 'flood.json', file: new Blob([JSON.stringify({ Records: records })]) };
    const db = await openCairnDb();
    const index = new EventIndex();
    let polls = 0;
    const outcome = await ingestFiles({
      inputs: [logs[0] ?? flood, flood],
      db,
      index,
      reader: new RecordReader(db),
      parse: parseLogFile,
      knownFiles: new Map(),
      firstFileId: 1,
      lookahead: 1,
      // Before each of the two files, then inside the flood: Cancel pressed while it is resolved.
      isCancelled: () => ++polls > 3,
    });
    expect(outcome.reports.map((r) => [r.path, r.status, r.reason])).toEqual([
      [logs[0]?.path, 'ingested', undefined],
      ['flood.json', 'cancelled', 'Cancelled before this file was stored'],
    ]);
    expect(polls).toBe(4);
    expect((await db.getAll('files')).map((f) => f.path)).toEqual([logs[0]?.path]);
    expect(index.size).toBe(outcome.reports[0]?.added);
    expect(outcome.nextFileId).toBe(2);
    db.close();
  });
});

describe('EventIndex checkpoints', () => {
  it('rolls back nested checkpoints to the oldest one', async () => {
    const index = new EventIndex();
    const [first, second] = await Promise.all(logs.slice(0, 2).map((i) => parseLogFile(i)));
    if (first?.status !== 'log' || second?.status !== 'log') throw new Error('fixture');
    const none = { duplicates: new Uint32Array(0), conflicts: new Uint32Array(0) };
    index.begin();
    index.applyChunk(first.chunk, 1, none);
    index.commit();
    const size = index.size;
    index.begin();
    index.applyChunk(second.chunk, 2, none);
    index.begin();
    index.applyChunk(first.chunk, 3, {
      duplicates: Uint32Array.from([0, 0]),
      conflicts: new Uint32Array(0),
    });
    index.rollback();
    expect(index.size).toBe(size);
    expect(index.extraSources.size).toBe(0);
    expect(index.flags.data[0]).toBe(0);
    expect(index.sortedRows()).toHaveLength(size);
  });
});
