import { gzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { gunzip, isGzip, TooLargeError } from './gunzip';

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

describe('gunzip', () => {
  it('inflates one member natively', async () => {
    const r = await gunzip(gzipSync(enc('{"Records":[]}')));
    expect(dec(r.bytes)).toBe('{"Records":[]}');
    expect(r).toMatchObject({ members: 1, trailingBytes: 0 });
  });

  it('reads every member of a concatenated gzip', async () => {
    const r = await gunzip(concat(gzipSync(enc('hello ')), gzipSync(enc('world'))));
    expect(dec(r.bytes)).toBe('hello world');
    // Node's native stream reads both members itself; Chromium's errors and takes the fflate path.
    expect(r.members).toBeGreaterThanOrEqual(1);
  });

  it('keeps the data and counts non-gzip bytes after the last member', async () => {
    const r = await gunzip(concat(gzipSync(enc('intact')), enc('appended junk')));
    expect(dec(r.bytes)).toBe('intact');
    expect(r.trailingBytes).toBe('appended junk'.length);
  });

  it('rejects a truncated member with a readable message', async () => {
    const whole = gzipSync(enc('x'.repeat(5000) + Math.random().toString()));
    await expect(gunzip(whole.slice(0, whole.length - 6))).rejects.toThrow(
      /^Truncated gzip: the file ends before its compressed data does/,
    );
  });

  it('rejects bytes that are not gzip at all', async () => {
    await expect(gunzip(concat(new Uint8Array([0x1f, 0x8b]), enc('garbage here')))).rejects.toThrow(
      /^Corrupt gzip: the compressed data is damaged/,
    );
  });

  it('stops inflating past the limit, natively and through the fallback, without inflating it all', async () => {
    const bomb = gzipSync(new Uint8Array(8 * 2 ** 20));
    expect(bomb.length).toBeLessThan(20_000);
    await expect(gunzip(bomb, 2 ** 20)).rejects.toThrow(TooLargeError);
    await expect(gunzip(bomb, 2 ** 20)).rejects.toThrow(
      /^Too large to read in one piece: more than 1 MB of text once inflated/,
    );
    // Two members: the native stream fails on the second, fflate reads both, and still stops.
    await expect(gunzip(concat(bomb, bomb), 12 * 2 ** 20)).rejects.toThrow(TooLargeError);
    expect((await gunzip(concat(bomb, bomb), 16 * 2 ** 20)).bytes.length).toBe(16 * 2 ** 20);
    expect((await gunzip(bomb, 8 * 2 ** 20)).bytes.length).toBe(8 * 2 ** 20);
  });

  it('sniffs the magic number', () => {
    expect(isGzip(gzipSync(enc('a')))).toBe(true);
    expect(isGzip(enc('{}'))).toBe(false);
  });
});
