import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { gzipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ChromiumDecompressionStream, gzipMembers } from '../../test/chromiumGzip';
import { gunzip, isGzip, TooLargeError } from './gunzip';
import { isObject } from './isObject';

const enc = (s: string) => new TextEncoder().encode(s);
const dec = (b: Uint8Array) => new TextDecoder().decode(b);
const concat = (...parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};
const fixture = (path: string) =>
  new Uint8Array(readFileSync(new URL(`../../e2e/${path}`, import.meta.url)));

const TRAIL =
  'fixtures/AWSLogs/218007301253/CloudTrail/us-east-1/2023/07/10/218007301253_CloudTrail_us-east-1';
/** Two real delivered log files, each one gzip member as AWS writes them. */
const LOG_A = fixture(`${TRAIL}_20230710T1145Z_7xgocspSowgK0Gto.json.gz`);
const LOG_B = fixture(`${TRAIL}_20230710T1150Z_1vnLavRRp0ek1mP4.json.gz`);
/** A Firehose file of CloudWatch Logs payloads: one outer member around payloads gzipped back to back. */
const FIREHOSE = fixture('fixtures-shapes/firehose/cwl-subscription-2025-03-06-00-05-00-4d5e6f');

describe('gunzip with the runtime’s own DecompressionStream', () => {
  it('inflates one member natively', async () => {
    const r = await gunzip(gzipSync(enc('{"Records":[]}')));
    expect(dec(r.bytes)).toBe('{"Records":[]}');
    expect(r).toMatchObject({ members: 1, trailingBytes: 0 });
  });

  it('inflates every member of a concatenated gzip, whichever path reads them', async () => {
    const r = await gunzip(concat(gzipSync(enc('hello ')), gzipSync(enc('world'))));
    expect(dec(r.bytes)).toBe('hello world');
    expect(r.trailingBytes).toBe(0);
  });

  it('keeps the data and counts non-gzip bytes after the last member', async () => {
    const r = await gunzip(concat(gzipSync(enc('intact')), enc('appended junk')));
    expect(dec(r.bytes)).toBe('intact');
    expect(r.trailingBytes).toBe('appended junk'.length);
  });

  it('rejects a truncated member with a readable message', async () => {
    const whole = gzipSync(enc('x'.repeat(5000) + 'the end'));
    await expect(gunzip(whole.slice(0, whole.length - 6))).rejects.toThrow(
      /^Truncated gzip: the file ends before its compressed data does/,
    );
  });

  it('rejects bytes that are not gzip at all', async () => {
    await expect(gunzip(concat(new Uint8Array([0x1f, 0x8b]), enc('garbage here')))).rejects.toThrow(
      /^Corrupt gzip: the compressed data is damaged/,
    );
  });

  it('stops inflating past the limit without inflating it all', async () => {
    const bomb = gzipSync(new Uint8Array(8 * 2 ** 20));
    expect(bomb.length).toBeLessThan(20_000);
    await expect(gunzip(bomb, 2 ** 20)).rejects.toThrow(TooLargeError);
    await expect(gunzip(bomb, 2 ** 20)).rejects.toThrow(
      /^Too large to read in one piece: more than 1 MB of text once inflated/,
    );
    expect((await gunzip(bomb, 8 * 2 ** 20)).bytes.length).toBe(8 * 2 ** 20);
  });

  it('sniffs the magic number', () => {
    expect(isGzip(gzipSync(enc('a')))).toBe(true);
    expect(isGzip(enc('{}'))).toBe(false);
  });
});

describe('gunzip where DecompressionStream stops after the first member (Chromium)', () => {
  beforeEach(() => {
    ChromiumDecompressionStream.opened = 0;
    ChromiumDecompressionStream.junk = 0;
    vi.stubGlobal('DecompressionStream', ChromiumDecompressionStream);
  });
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('reads one real log file natively, without the fallback', async () => {
    const r = await gunzip(LOG_A);
    expect(ChromiumDecompressionStream.opened).toBe(1);
    expect(ChromiumDecompressionStream.junk).toBe(0);
    expect(Buffer.from(r.bytes).equals(gunzipSync(LOG_A))).toBe(true);
    expect(r).toMatchObject({ members: 1, trailingBytes: 0 });
  });

  it('reads every member of two real log files joined with `cat` through the fallback', async () => {
    const joined = concat(LOG_A, LOG_B);
    const oracle = await gzipMembers(joined);
    expect(oracle.map((m) => [m.start, m.end])).toEqual([
      [0, LOG_A.length],
      [LOG_A.length, joined.length],
    ]);
    const r = await gunzip(joined);
    expect(ChromiumDecompressionStream.junk).toBe(1);
    expect(r.members).toBe(2);
    expect(r.trailingBytes).toBe(0);
    expect(Buffer.from(r.bytes).equals(Buffer.concat(oracle.map((m) => m.inflated)))).toBe(true);
    // Each member is a whole trail file: the join parses back as both files' records.
    const text = dec(r.bytes);
    const cut = oracle[0]?.inflated.length ?? 0;
    const records = (json: string): unknown => {
      const parsed: unknown = JSON.parse(json);
      const list = isObject(parsed) ? parsed['Records'] : undefined;
      if (!Array.isArray(list) || list.length === 0) throw new Error('no Records');
      return list;
    };
    expect(records(text.slice(0, cut))).toEqual(records(gunzipSync(LOG_A).toString()));
    expect(records(text.slice(cut))).toEqual(records(gunzipSync(LOG_B).toString()));
  });

  it('reads every payload of a real Firehose file, gzipped back to back inside its outer layer', async () => {
    const outer = await gunzip(FIREHOSE);
    expect(outer).toMatchObject({ members: 1, trailingBytes: 0 });
    expect(ChromiumDecompressionStream.junk).toBe(0);
    const oracle = await gzipMembers(outer.bytes);
    expect(oracle.length).toBe(3);
    expect(oracle.at(-1)?.end).toBe(outer.bytes.length);
    const inner = await gunzip(outer.bytes);
    expect(ChromiumDecompressionStream.junk).toBe(1);
    expect(inner.members).toBe(3);
    expect(inner.trailingBytes).toBe(0);
    expect(inner.bytes.length).toBe(oracle.reduce((n, m) => n + m.inflated.length, 0));
    expect(Buffer.from(inner.bytes).equals(Buffer.concat(oracle.map((m) => m.inflated)))).toBe(
      true,
    );
  });

  it('keeps a real log file whose gzip is followed by junk, and counts the junk bytes', async () => {
    const junk = enc('{"Records":[{"eventName":"Forged"}]}\n');
    const r = await gunzip(concat(LOG_A, junk));
    expect(ChromiumDecompressionStream.junk).toBe(1);
    expect(Buffer.from(r.bytes).equals(gunzipSync(LOG_A))).toBe(true);
    expect(r).toMatchObject({ members: 1, trailingBytes: junk.length });
  });

  it('counts junk after the second member, not the second member itself', async () => {
    const junk = enc('appended junk');
    const r = await gunzip(concat(LOG_A, LOG_B, junk));
    expect(r).toMatchObject({ members: 2, trailingBytes: junk.length });
    expect(r.bytes.length).toBe(gunzipSync(LOG_A).length + gunzipSync(LOG_B).length);
  });

  it('rejects a real log file cut short, and one whose deflate data is damaged', async () => {
    await expect(gunzip(LOG_A.slice(0, LOG_A.length >> 1))).rejects.toThrow(
      /^Truncated gzip: the file ends before its compressed data does \(/,
    );
    const damaged = LOG_A.slice();
    expect(damaged[3]).toBe(0); // no optional header fields: the deflate data starts at byte 10
    // BTYPE 11 is reserved (RFC 1951 §3.2.3): the first block is unreadable.
    damaged[10] = (damaged[10] ?? 0) | 0b110;
    await expect(gunzip(damaged)).rejects.toThrow(/^Corrupt gzip: the compressed data is damaged/);
  });

  it('stops inflating past the limit through the fallback too', async () => {
    const bomb = gzipSync(new Uint8Array(8 * 2 ** 20));
    await expect(gunzip(bomb, 2 ** 20)).rejects.toThrow(TooLargeError);
    expect(ChromiumDecompressionStream.junk).toBe(0);
    // Two members: the native stream errors on the second, fflate reads both, and still stops.
    await expect(gunzip(concat(bomb, bomb), 12 * 2 ** 20)).rejects.toThrow(TooLargeError);
    expect(ChromiumDecompressionStream.junk).toBe(1);
    const whole = await gunzip(concat(bomb, bomb), 16 * 2 ** 20);
    expect(whole).toMatchObject({ members: 2, trailingBytes: 0 });
    expect(whole.bytes.length).toBe(16 * 2 ** 20);
  });
});
