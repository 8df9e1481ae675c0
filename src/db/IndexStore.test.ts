import 'fake-indexeddb/auto';
import { deleteDB } from 'idb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { failSegmentWrites } from '../../test/segments';
import { STRING_FIELDS } from '../cloudtrail/types';
import type { EventFields } from '../cloudtrail/types';
import { BLOCK_BYTES, CACHED_CODES } from '../index/Dictionary';
import { encodeFileChunk } from '../index/encodeFileChunk';
import { EventIndex } from '../index/EventIndex';
import { rowView } from '../index/readRows';
import { openCairnDb } from './cairnDb';
import type { CairnDatabase } from './cairnDb';
import { IndexStore } from './IndexStore';

const NAME = 'index-store-test';
const NONE = { duplicates: new Uint32Array(0), conflicts: new Uint32Array(0) };
const KEY = STRING_FIELDS.indexOf('accessKeyId');
const uuid = (i: number) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;

/** An event of a high-cardinality trail: its own temporary key and resource ARN, every one. */
function event(i: number, time: number): EventFields {
  return {
    eventID: i % 97 === 0 ? `custom-${i}` : uuid(i),
    eventTime: time,
    eventName: `Op${i % 300}`,
    eventSource: 's3.amazonaws.com',
    awsRegion: i % 2 === 0 ? 'us-east-1' : 'eu-west-1',
    errorCode: i % 50 === 0 ? 'AccessDenied' : '',
    sourceIPAddress: `203.0.113.${i % 200}`,
    userAgent: 'aws-cli/2 Python/3.11 Linux/6 (é)',
    readOnly: 'true',
    recipientAccountId: '111122223333',
    eventCategory: 'Data',
    eventType: 'AwsApiCall',
    identityType: 'AssumedRole',
    issuedAccessKeyId: i % 10 === 0 ? `ASIAISSUED${String(i).padStart(10, '0')}` : '',
    userName: `role-${i % 40}`,
    accessKeyId: `ASIA${String(i).padStart(16, '0')}`,
    arn: '',
    principalId: '',
    resources:
      i % 3 === 0
        ? []
        : [{ type: 'AWS::S3::Object', name: `arn:aws:s3:::bucket/prefix/object-${i}.json` }],
  };
}

/** Appends events [from, to) as file `fileId`, times descending so that each file sorts in between. */
function addFile(index: EventIndex, fileId: number, from: number, to: number) {
  const events = Array.from({ length: to - from }, (_, k) =>
    event(from + k, (to - k) * 1000 + fileId),
  );
  index.applyChunk(
    encodeFileChunk(
      events,
      events.map((_, k) => k),
    ),
    fileId,
    NONE,
  );
}

/** All a reload must give back, read through the index's own API. */
function contents(index: EventIndex) {
  const rows = Array.from({ length: index.size }, (_, row) => rowView(index, row));
  return {
    rows,
    order: [...index.sortedRows()],
    watermark: index.watermark,
    issued: [...index.issuedKeys],
    sources: [...index.extraSources],
    records: [...index.recordIndex.data.subarray(0, index.size)],
  };
}

let db: CairnDatabase;

describe('IndexStore: the index in bounded pieces', { timeout: 60_000 }, () => {
  beforeEach(async () => {
    await deleteDB(NAME);
    db = await openCairnDb(NAME);
  });
  afterEach(() => db.close());

  it('reloads exactly the rows it stored, at high cardinality, in pieces of bounded size', async () => {
    const index = new EventIndex();
    addFile(index, 1, 0, 50_000);
    addFile(index, 2, 50_000, 100_000);
    // A re-delivery and a conflict on stored rows: flags and sources of rows already there change.
    const again = [event(10, 11_000), { ...event(20, 5), eventName: 'Different' }];
    index.applyChunk(encodeFileChunk(again, [0, 1]), 3, {
      duplicates: Uint32Array.of(0, 10),
      conflicts: Uint32Array.of(1, 20),
    });
    expect(index.dicts[KEY]?.size).toBeGreaterThan(CACHED_CODES);
    const { store } = await IndexStore.open(db);
    store.pieceBytes = 64 * 1024;
    expect(await store.save(index)).toBe(true);
    expect(store.status()).toEqual({ state: 'saved' });

    // No stored value near the size of the case: every piece is at most 64 kB (dictionary blocks 4 MiB).
    const [keys, pieces] = [await db.getAllKeys('segments'), await db.getAll('segments')];
    expect(pieces.length).toBeGreaterThan(50);
    const size = (dict: boolean) =>
      Math.max(
        ...pieces.map((p, i) =>
          p instanceof Blob && keys[i]?.includes('/dict:') === dict ? p.size : 0,
        ),
      );
    expect(size(false)).toBeLessThanOrEqual(64 * 1024);
    expect(size(true)).toBeGreaterThan(64 * 1024);
    expect(size(true)).toBeLessThanOrEqual(BLOCK_BYTES + 4 * CACHED_CODES);

    const reopened = (await IndexStore.open(db)).index;
    expect(contents(reopened)).toEqual(contents(index));
    expect(reopened.value('accessKeyId', 99_999)).toBe(`ASIA${String(99_999).padStart(16, '0')}`);
    expect(reopened.dicts[KEY]?.find(`ASIA${String(77_777).padStart(16, '0')}`)).toBeGreaterThan(0);
    expect(reopened.rowsWithEventId('custom-97')).toEqual([97]);
  });

  it('writes only what changed: a second save keeps the pieces of rows already stored', async () => {
    const index = new EventIndex();
    addFile(index, 1, 0, 60_000);
    const { store } = await IndexStore.open(db);
    store.pieceBytes = 64 * 1024;
    await store.save(index);
    const first = new Set(await db.getAllKeys('segments'));
    addFile(index, 2, 60_000, 61_000);
    await store.save(index);
    const second = await db.getAllKeys('segments');
    const fresh = second.filter((k) => !first.has(k));
    // Per part, the last piece (partial before) and the new rows' piece; the full ones are kept.
    expect(fresh.filter((k) => k.includes('/time/'))).toEqual(['2/time/7']);
    // At most one piece per part: the 1,000 new rows fit in what was the last one.
    const parts = fresh.map((k) => k.split('/')[1]);
    expect(new Set(parts).size).toBe(fresh.length);
    expect(fresh.length).toBeLessThan(first.size / 3);
    expect(contents((await IndexStore.open(db)).index)).toEqual(contents(index));
  });

  it.each(['DataCloneError', 'QuotaExceededError'])(
    'keeps the last whole index when a save fails between pieces (%s)',
    async (name) => {
      const index = new EventIndex();
      addFile(index, 1, 0, 20_000);
      const { store } = await IndexStore.open(db);
      store.pieceBytes = 8 * 1024;
      await store.save(index);
      const stored = contents(index);
      addFile(index, 2, 20_000, 40_000);
      const restore = failSegmentWrites(name, 5);
      expect(await store.save(index)).toBe(false);
      restore();
      expect(store.status()).toMatchObject({
        state: 'failed',
        error: expect.stringContaining(name),
      });

      // A reload now reads the first save, whole; the pieces the failed save wrote are swept.
      const reopened = await IndexStore.open(db);
      expect(contents(reopened.index)).toEqual(stored);
      expect(reopened.index.watermark).toBe(1);
      const named = new Set(await db.getAllKeys('segments'));
      expect(named.size).toBe((await db.getAll('segments')).length);

      // The changes the failed save took are still written by the next one.
      expect(await store.save(index)).toBe(true);
      expect(contents((await IndexStore.open(db)).index)).toEqual(contents(index));
    },
  );

  it('opens an empty index when the stored one is damaged, so every file is read again', async () => {
    const index = new EventIndex();
    addFile(index, 1, 0, 1000);
    const { store } = await IndexStore.open(db);
    await store.save(index);
    const [key] = await db.getAllKeys('segments');
    if (key === undefined) throw new Error('pieces were stored');
    await db.delete('segments', key);
    const reopened = await IndexStore.open(db);
    expect(reopened.index.size).toBe(0);
    expect(reopened.store.status()).toMatchObject({ state: 'failed' });
    expect(reopened.store.status().error).toMatch(/could not be read.*missing/);
  });
});
