import { gzipSync } from 'node:zlib';
import type * as Fflate from 'fflate';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ChromiumDecompressionStream } from '../../test/chromiumGzip';
import { gunzip, TooLargeError } from './gunzip';

// Every byte fflate's streaming inflater hands out, so the test sees how far a bomb got before the
// refusal (the output the worker had to hold at once), not only that it was refused.
const inflated = vi.hoisted(() => ({ total: 0, largestChunk: 0 }));
vi.mock('fflate', async (importOriginal) => {
  const real = await importOriginal<typeof Fflate>();
  class CountingGunzip extends real.Gunzip {
    constructor(cb: (chunk: Uint8Array, final: boolean) => void) {
      super((chunk, final) => {
        inflated.total += chunk.length;
        inflated.largestChunk = Math.max(inflated.largestChunk, chunk.length);
        cb(chunk, final);
      });
    }
  }
  return { ...real, Gunzip: CountingGunzip };
});

const MB = 2 ** 20;
const concat = (...parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};

describe('gunzip fallback against a decompression bomb', () => {
  beforeEach(() => {
    inflated.total = 0;
    inflated.largestChunk = 0;
    ChromiumDecompressionStream.junk = 0;
    vi.stubGlobal('DecompressionStream', ChromiumDecompressionStream);
  });
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('refuses a tiny member followed by a 50 MB bomb member before inflating much past the limit', async () => {
    // The second member sends Chromium's native stream to the fflate fallback.
    const bomb = gzipSync(new Uint8Array(50 * MB), { level: 9 });
    expect(bomb.length).toBeLessThan(100_000);
    const input = concat(gzipSync('{"Records":[]}'), bomb);
    await expect(gunzip(input, MB)).rejects.toThrow(TooLargeError);
    expect(ChromiumDecompressionStream.junk).toBe(1);
    // The peak: everything inflated before the refusal. Pushing the whole input at once inflated the
    // entire 50 MB member in one piece before any check ran.
    expect(inflated.total).toBeGreaterThan(MB);
    expect(inflated.total).toBeLessThan(1.3 * MB);
    expect(inflated.largestChunk).toBeLessThan(MB);
  });

  it('still reads every member whole when they fit the limit', async () => {
    const a = new Uint8Array(3 * MB).fill(0x61);
    const b = new Uint8Array(2 * MB).fill(0x62);
    const r = await gunzip(concat(gzipSync(a), gzipSync(b)), 5 * MB);
    expect(r).toMatchObject({ members: 2, trailingBytes: 0 });
    expect(Buffer.compare(r.bytes, concat(a, b))).toBe(0);
    expect(inflated.total).toBe(5 * MB);
  });
});

describe('gunzip native path against a decompression bomb', () => {
  // The native stream as the browser has it, counting the compressed bytes it is handed: a
  // transform inflates each written chunk whole before the reader can count anything.
  const fed = { bytes: 0 };
  class CountingStream extends DecompressionStream {
    constructor(format: CompressionFormat) {
      super(format);
      const inner = super.writable.getWriter();
      const counted = new WritableStream<Uint8Array<ArrayBuffer>>(
        {
          async write(chunk) {
            fed.bytes += chunk.length;
            await inner.write(chunk);
          },
          close: () => inner.close(),
          abort: (reason) => inner.abort(reason),
        },
        { highWaterMark: 1 },
      );
      Object.defineProperty(this, 'writable', { value: counted });
    }
  }
  beforeEach(() => {
    fed.bytes = 0;
    vi.stubGlobal('DecompressionStream', CountingStream);
  });
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('feeds a one-member bomb in slices, so it stops near the limit instead of inflating whole', async () => {
    const bomb = gzipSync(new Uint8Array(50 * MB), { level: 9 });
    await expect(gunzip(bomb, MB)).rejects.toThrow(TooLargeError);
    // About 1 KB of this input inflates to the 1 MB limit; writing it whole handed over all 50 KB.
    // What the stream buffers ahead of the reader is its own (Node's holds ≈16 slices).
    expect(fed.bytes).toBeLessThan(bomb.length / 2);
  });

  it('reads a normal file whole', async () => {
    const text = new TextEncoder().encode('{"Records":[{"eventName":"GetObject"}]}'.repeat(50_000));
    const r = await gunzip(gzipSync(text), 8 * MB);
    expect(Buffer.compare(r.bytes, text)).toBe(0);
    expect(fed.bytes).toBe(gzipSync(text).length);
  });
});
