import { createHash } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { fixtureInputs } from '../../../test/fixtureFiles';
import { unpackEventId } from '../../index/eventIdKey';
import { isObject } from '../../lib/isObject';
import { parseLogFile } from './parseLogFile';

const blob = (bytes: Uint8Array | string) =>
  new Blob([typeof bytes === 'string' ? bytes : new Uint8Array(bytes)]);
const parse = (file: Blob, path = 'x.json.gz') => parseLogFile({ file, path });
const real = fixtureInputs().find((i) => i.path.includes('20230710T1145Z_7xgocspSowgK0Gto'));

describe('parseLogFile', () => {
  it('reads a real gzipped trail file: every record, its shape and its SHA-256', async () => {
    if (real === undefined) throw new Error('fixture missing');
    const bytes = new Uint8Array(await real.file.arrayBuffer());
    // The oracle, computed without the app's code: node:crypto and node:zlib over the same bytes.
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const parsed: unknown = JSON.parse(gunzipSync(bytes).toString('utf8'));
    const records = isObject(parsed) ? parsed['Records'] : undefined;
    if (!Array.isArray(records)) throw new Error('fixture has no Records');
    const ids = records.map((r) => (isObject(r) ? r['eventID'] : undefined));
    expect(records.length).toBe(29); // the fixture as committed: guards the oracle against reading nothing

    const r = await parse(real.file, real.path);
    if (r.status !== 'log') throw new Error(r.status);
    expect(r.shape).toBe('Records envelope');
    expect(r.gzip).toBe(true);
    expect(r.size).toBe(bytes.length);
    expect(r.sha256).toBe(sha256);
    expect(r.records).toBe(records.length);
    expect(r.chunk.count).toBe(records.length);
    expect(r.invalidRecords).toBe(0);
    expect(r.trailingBytes).toBe(0);
    // Every real eventID is a lower-case UUID, so all are packed and none is kept as text.
    expect(r.chunk.idText).toEqual([]);
    expect(r.chunk.idWords.length).toBe(records.length * 4);
    const rows = Array.from({ length: r.chunk.count }, (_, i) => i);
    expect(rows.map((i) => ids[r.chunk.recordIndex[i] ?? -1])).toEqual(
      rows.map((i) => unpackEventId(r.chunk.idWords, i * 4)),
    );
    expect(Array.from(r.chunk.recordIndex).sort((a, b) => a - b)).toEqual(rows);
  });

  it('reads the uncompressed envelope too', async () => {
    const r = await parse(
      blob(
        '{"Records":[{"eventTime":"2024-01-01T00:00:00Z","eventSource":"s3.amazonaws.com","eventName":"GetObject","eventID":"a"}]}',
      ),
      'a.json',
    );
    expect(r).toMatchObject({ status: 'log', gzip: false, records: 1 });
  });

  it('fails a corrupt gzip with a readable reason', async () => {
    if (real === undefined) throw new Error('fixture missing');
    const bytes = new Uint8Array(await real.file.arrayBuffer());
    const r = await parse(blob(bytes.subarray(0, bytes.length >> 1)));
    expect(r).toMatchObject({
      status: 'failed',
      reason: expect.stringMatching(/^Truncated gzip: /),
    });
  });

  it('fails truncated JSON', async () => {
    const r = await parse(blob(gzipSync('{"Records":[{"eventTime":"2024-01-01T00:00:00Z",')));
    expect(r).toMatchObject({
      status: 'failed',
      reason: expect.stringMatching(/^Truncated JSON: the text stops after 48 characters/),
    });
  });

  it('keeps every whole record of a small JSON file cut off inside a record, plain or gzipped', async () => {
    if (real === undefined) throw new Error('fixture missing');
    const parsed: unknown = JSON.parse(gunzipSync(await real.file.arrayBuffer()).toString('utf8'));
    const all = isObject(parsed) ? parsed['Records'] : undefined;
    if (!Array.isArray(all)) throw new Error('fixture has no Records');
    const whole = all.slice(0, 3).map((r) => JSON.stringify(r));
    // Cut the way a copy does: mid-record, in the third record's first key.
    const cut = `{"Records":[${whole[0]},${whole[1]},${(whole[2] ?? '').slice(0, 30)}`;
    const ids = all.slice(0, 2).map((r) => (isObject(r) ? r['eventID'] : undefined));
    for (const [bytes, path] of [
      [cut, 'cut.json'],
      [gzipSync(cut), 'cut.json.gz'],
    ] as const) {
      const r = await parse(blob(bytes), path);
      if (r.status !== 'log')
        throw new Error(`${path}: ${r.status} ${'reason' in r ? r.reason : ''}`);
      expect(r).toMatchObject({ records: 2, invalidRecords: 0, truncated: true });
      expect(r.shape).toBe('Records envelope');
      const rows = Array.from({ length: r.chunk.count }, (_, i) => i);
      expect(rows.map((i) => unpackEventId(r.chunk.idWords, i * 4)).sort()).toEqual(
        [...ids].sort(),
      );
    }
  });

  it('keeps the whole records of a cut top-level array of events', async () => {
    const event = (n: number) =>
      JSON.stringify({
        eventTime: `2024-01-01T00:00:0${n}Z`,
        eventSource: 's3.amazonaws.com',
        eventName: 'GetObject',
        eventID: `e${n}`,
      });
    const r = await parse(blob(`[${event(1)},${event(2)},{"eventTime":"2024`), 'cut.json');
    expect(r).toMatchObject({ status: 'log', records: 2, truncated: true });
  });

  it('skips JSON that is not CloudTrail', async () => {
    const r = await parse(blob('{"Items":[1,2,3]}'), 'x.json');
    expect(r).toMatchObject({
      status: 'skipped',
      reason: expect.stringMatching(/no Records array/),
    });
  });

  it('fails plain text past the longest string without reading it', async () => {
    let read = false;
    /** A 600 MB JSON file, as far as its size and first bytes go. */
    class Huge extends Blob {
      override get size() {
        return 600 * 2 ** 20;
      }
      override arrayBuffer(): Promise<ArrayBuffer> {
        read = true;
        return super.arrayBuffer();
      }
    }
    const r = await parseLogFile({ path: 'huge.json', file: new Huge(['{"Records":[']) });
    expect(r).toEqual({
      status: 'failed',
      size: 600 * 2 ** 20,
      reason:
        "Too large to read in one piece: 600 MB of text (the browser's longest string is 512 MB); split the file",
    });
    expect(read).toBe(false);
  });

  it('fails an empty file', async () => {
    expect(await parse(blob(''))).toMatchObject({
      status: 'failed',
      reason: 'Empty file (0 bytes)',
    });
  });

  it('skips a file that is neither gzip nor JSON without reading it whole', async () => {
    const r = await parse(blob('Copied with aws s3 sync'), 'notes.txt');
    expect(r).toMatchObject({
      status: 'skipped',
      reason: expect.stringMatching(/neither gzip, JSON, CSV nor CloudWatch Logs export lines/),
    });
  });

  it('recognises a digest file by its shape', async () => {
    const digest = fixtureInputs().find((i) => i.path.includes('CloudTrail-Digest'));
    if (digest === undefined) throw new Error('fixture missing');
    expect(await parse(digest.file, digest.path)).toMatchObject({ status: 'digest' });
  });

  it('counts unusable records and keeps the rest', async () => {
    const r = await parse(
      blob(
        JSON.stringify({
          Records: [
            { eventSource: 'x', eventName: 'y' },
            { eventTime: '2024-01-01T00:00:00Z', eventSource: 'x', eventName: 'y' },
          ],
        }),
      ),
    );
    expect(r).toMatchObject({
      status: 'log',
      records: 2,
      invalidRecords: 1,
      invalidReason: 'a record has no eventTime',
    });
  });
});
