import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { fixtureInputs } from '../../test/fixtureFiles';
import { extractEventFields, isRecordProblem } from '../cloudtrail/extractEventFields';
import { decodeChunkBlob } from '../db/chunkBlob';
import { isObject } from '../lib/isObject';
import type { EventFields } from '../cloudtrail/types';
import { encodeFileChunk } from './encodeFileChunk';
import { EventIndex } from './EventIndex';
import { roundTrip } from '../../test/segments';
import { rowView } from './readRows';

const event = (eventID: string, eventTime: number, eventName = 'GetObject'): EventFields => ({
  eventID,
  eventTime,
  eventName,
  eventSource: 's3.amazonaws.com',
  awsRegion: 'us-east-1',
  errorCode: '',
  sourceIPAddress: '203.0.113.7',
  userAgent: 'aws-cli/2',
  readOnly: 'true',
  recipientAccountId: '111122223333',
  eventCategory: 'Data',
  eventType: 'AwsApiCall',
  identityType: 'IAMUser',
  issuedAccessKeyId: '',
  userName: 'alice',
  accessKeyId: 'AKIAEXAMPLE',
  arn: '',
  principalId: '',
  resources: [{ type: 'AWS::S3::Bucket', name: 'arn:aws:s3:::bucket' }],
});

const uuid = (i: number) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;

describe('EventIndex', () => {
  it('finds rows by eventID, packed UUIDs and text alike, after growth and a reload', async () => {
    const index = new EventIndex();
    const events = Array.from({ length: 3000 }, (_, i) =>
      event(i % 2 === 0 ? uuid(i) : `custom-${i}`, i * 1000),
    );
    const chunk = encodeFileChunk(
      events,
      events.map((_, i) => i),
    );
    index.applyChunk(chunk, 1, { duplicates: new Uint32Array(0), conflicts: new Uint32Array(0) });
    expect(index.rowsWithEventId(uuid(2998))).toEqual([2998]);
    expect(index.rowsWithEventId('custom-2999')).toEqual([2999]);
    expect(index.rowsWithEventId(uuid(1))).toEqual([]);
    const restored = await roundTrip(index);
    expect(restored.eventId(2998)).toBe(uuid(2998));
    expect(restored.rowsWithEventId('custom-7')).toEqual([7]);
    expect(restored.value('userName', 5)).toBe('alice');
  });

  it('widens a code column past 65,535 distinct values without losing any', () => {
    const index = new EventIndex();
    const events = Array.from({ length: 70_000 }, (_, i) => ({
      ...event(uuid(i), i),
      eventName: `Op${i}`,
    }));
    index.applyChunk(
      encodeFileChunk(
        events,
        events.map((_, i) => i),
      ),
      1,
      {
        duplicates: new Uint32Array(0),
        conflicts: new Uint32Array(0),
      },
    );
    expect(index.value('eventName', 3)).toBe('Op3');
    expect(index.value('eventName', 69_999)).toBe('Op69999');
  });

  it('plans duplicates within one chunk against the rows it will assign', () => {
    const index = new EventIndex();
    const events = [event(uuid(1), 1), event(uuid(2), 2), event(uuid(1), 1)];
    const chunk = encodeFileChunk(events, [0, 1, 2]);
    const collisions = index.findCollisions(chunk);
    expect(collisions).toMatchObject([{ localRow: 2, group: 0, rows: [], localRows: [0, 2] }]);
    const outcome = index.planChunk(chunk, new Map([[2, { local: 0 }]]), collisions);
    expect(Array.from(outcome.duplicates)).toEqual([2, 0]);
    index.applyChunk(chunk, 1, outcome);
    expect(index.size).toBe(2);
    expect(index.extraSources.get(0)).toEqual([1, 2]);
  });
});

describe('EventIndex under an eventID flood', () => {
  it('looks up and groups 100,000 rows sharing one eventID in linear work', () => {
    const n = 100_000;
    const index = new EventIndex();
    const flood = Array.from({ length: n }, (_, i) => event(uuid(7), i));
    const chunk = encodeFileChunk(
      flood,
      flood.map((_, i) => i),
    );
    index.applyChunk(chunk, 1, { duplicates: new Uint32Array(0), conflicts: new Uint32Array(0) });
    // Building the table added 100k rows under one eventID: one slot and a chain, not a cluster
    // probed again on every add (5 billion probes).
    const all = index.rowsWithEventId(uuid(7));
    expect(all).toHaveLength(n);
    expect(all[n - 1]).toBe(n - 1);
    expect(index.eventIdProbes).toBeLessThan(3 * n);
    // The same flood again: every row collides with every stored row and every earlier local row.
    const collisions = index.findCollisions(chunk);
    expect(collisions).toHaveLength(n);
    expect(index.eventIdProbes).toBeLessThan(4 * n);
    // One shared group: O(n) memory, where a list of earlier rows per row is n²/2 numbers.
    expect(new Set(collisions.map((c) => c.localRows)).size).toBe(1);
    expect(new Set(collisions.map((c) => c.rows)).size).toBe(1);
    expect(collisions[n - 1]).toMatchObject({ localRow: n - 1, group: 0 });
    expect(collisions[0]?.localRows).toHaveLength(n);
  });
});

describe('packEventId', () => {
  it('round-trips a lower-case UUID and refuses other forms', async () => {
    const { packEventId, unpackEventId } = await import('./eventIdKey');
    const words = new Uint32Array(4);
    const id = '99bfb845-1191-31f9-946f-1ae8bcfa6254';
    expect(packEventId(id, words, 0)).toBe(true);
    expect(unpackEventId(words, 0)).toBe(id);
    expect(packEventId(id.toUpperCase(), words, 0)).toBe(false);
    expect(packEventId('99bfb845x1191-31f9-946f-1ae8bcfa6254', words, 0)).toBe(false);
    expect(packEventId('not-a-uuid', words, 0)).toBe(false);
  });

  it('packs every digit of every group, high bits included, and refuses a bad one anywhere', async () => {
    const { packEventId, unpackEventId } = await import('./eventIdKey');
    const words = new Uint32Array(8);
    const ids = ['ffffffff-ffff-ffff-ffff-ffffffffffff', '80008000-8000-8000-8000-800080008000'];
    for (let i = 0; i < 500; i++) ids.push(crypto.randomUUID());
    for (const id of ids) {
      expect(packEventId(id, words, 4)).toBe(true);
      expect(unpackEventId(words, 4)).toBe(id);
    }
    const id = ids[0] ?? '';
    for (let at = 0; at < 36; at++) {
      for (const bad of ['g', 'F', '-', '\u00e9', '\u0666']) {
        const other = id.slice(0, at) + bad + id.slice(at + 1);
        if (other !== id) expect(packEventId(other, words, 0), other).toBe(false);
      }
    }
  });
});

describe('encodeFileChunk', () => {
  it('keeps every string field in its own column', async () => {
    const { STRING_FIELDS } = await import('../cloudtrail/types');
    const e = { ...event(uuid(9), 9) };
    const distinct = Object.fromEntries(STRING_FIELDS.map((f) => [f, `value-of-${f}`]));
    const index = new EventIndex();
    index.applyChunk(encodeFileChunk([{ ...e, ...distinct }], [0]), 1, {
      duplicates: new Uint32Array(0),
      conflicts: new Uint32Array(0),
    });
    for (const f of STRING_FIELDS) expect(index.value(f, 0)).toBe(`value-of-${f}`);
  });
});

describe('a chunk stored by an earlier version', () => {
  it('reads every value back under its own field, from the bytes that version wrote', async () => {
    // The stored columns are positional: reordering the fields would silently swap them in every
    // database already written (test/fixtures/stored/README.md).
    const real = fixtureInputs().find((i) => i.path.includes('20230710T1145Z_7xgocspSowgK0Gto'));
    if (real === undefined) throw new Error('fixture missing');
    const parsed: unknown = JSON.parse(
      gunzipSync(new Uint8Array(await real.file.arrayBuffer())).toString('utf8'),
    );
    const records = isObject(parsed) ? parsed['Records'] : undefined;
    if (!Array.isArray(records)) throw new Error('fixture has no Records');
    const stored = readFileSync(
      new URL('../../test/fixtures/stored/chunk-v1-7xgocspSowgK0Gto.bin', import.meta.url),
    );
    const chunk = await decodeChunkBlob(new Blob([new Uint8Array(stored)]));
    expect(chunk.count).toBe(records.length);

    const index = new EventIndex();
    index.applyChunk(chunk, 1, { duplicates: new Uint32Array(0), conflicts: new Uint32Array(0) });
    for (let row = 0; row < index.size; row++) {
      const record: unknown = records[index.recordIndex.data[row] ?? -1];
      if (!isObject(record)) throw new Error(`row ${String(row)} has no record`);
      const want = extractEventFields(record);
      if (isRecordProblem(want)) throw new Error(want.problem);
      // Columns added since (userIdentity.arn, principalId) are not in its bytes: replay parses
      // such a file again (replayStoredFiles).
      const { resources, issuedAccessKeyId, arn, principalId, ...fields } = want;
      const view = rowView(index, row);
      expect([view.arn, view.principalId, arn === '' || principalId === '']).toEqual([
        '',
        '',
        false,
      ]);
      expect(view).toMatchObject(fields);
      expect(view.resourceTypes).toEqual(resources.map((r) => r.type));
      expect(view.resourceNames).toEqual(resources.map((r) => r.name));
      if (issuedAccessKeyId !== '') expect(index.issuedKeys.get(issuedAccessKeyId)).toBe(row);
    }
  });
});
