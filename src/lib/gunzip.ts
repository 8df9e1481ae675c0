import { Gunzip } from 'fflate';

/** The result of inflating a gzip file. */
export interface GunzipResult {
  /** The inflated bytes of every gzip member, concatenated. */
  readonly bytes: Uint8Array<ArrayBuffer>;
  /** Number of gzip members read (AWS writes log files as exactly one). */
  readonly members: number;
  /** Bytes after the last complete member that are not gzip (0 when clean). A finding for integrity checks. */
  readonly trailingBytes: number;
}

/** True when `bytes` starts with the gzip magic `1f 8b` (RFC 1952 §2.3.1). */
export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/**
 * Inflates gzip `bytes`. The fast path is the native `DecompressionStream`, which handles one member and
 * errors on anything after it ("Junk found after end of compressed data", docs/reference/browser-limits.md §3).
 * Only then does it fall back to fflate's streaming inflater, which reads every member and reports where
 * the last one ended, so a second member is read and non-gzip trailing bytes are counted, not fatal.
 * @param maxBytes inflated bytes allowed; past them inflating stops at once (a 1 GB gzip can hold
 *   tens of GB of text, which would exhaust the worker's memory before any check could run). Both
 *   paths are fed the input in slices (see sliceBytes): the fallback inflates at most ≈maxBytes ×
 *   1.13, the native stream ≈maxBytes × 1.5 plus what it buffers ahead of the reader.
 * @throws Error "Corrupt gzip: …" when the deflate data is damaged, "Truncated gzip: …" when the
 *   file ends before it (RFC 1952 §2.3.1 trailer missing or wrong), TooLargeError past `maxBytes`.
 */
export async function gunzip(
  bytes: Uint8Array<ArrayBuffer>,
  maxBytes = Infinity,
): Promise<GunzipResult> {
  try {
    return { bytes: await inflateNative(bytes, maxBytes), members: 1, trailingBytes: 0 };
  } catch (error) {
    if (error instanceof TooLargeError) throw error;
    return inflateMembers(bytes, maxBytes);
  }
}

/** Writes `bytes` to `writer` in slices of `slice` bytes, each when the stream has room. */
async function feed(
  writer: WritableStreamDefaultWriter<BufferSource>,
  bytes: Uint8Array<ArrayBuffer>,
  slice: number,
): Promise<void> {
  try {
    for (let at = 0; at < bytes.length; at += slice) {
      await writer.ready;
      void writer.write(bytes.subarray(at, at + slice)).catch(() => undefined);
    }
    await writer.close();
  } catch {
    // The reader saw the error (corrupt data) or cancelled (too large): nothing more to write.
  }
}

/** Inflated data past the limit the caller can read. `limit` is in bytes. */
export class TooLargeError extends Error {
  readonly limit: number;
  constructor(limit: number) {
    super(
      `Too large to read in one piece: more than ${Math.round(limit / 2 ** 20)} MB of text once inflated (the browser's longest string is 512 MB); split the file`,
    );
    this.limit = limit;
  }
}

async function inflateNative(
  bytes: Uint8Array<ArrayBuffer>,
  maxBytes: number,
): Promise<Uint8Array<ArrayBuffer>> {
  const ds = new DecompressionStream('gzip');
  // Errors surface on reading. The input goes in slices, each once the stream wants more: a
  // transform inflates a whole written chunk before the reader can count it, so one large write of
  // a bomb would inflate past the limit before any check runs.
  // Four of the fallback's slices: each write costs a turn of the stream (one slice cost ≈4% of a 1M
  // ingest in two paired runs), and a slice of pure bomb inflates to at most ≈maxBytes / 2 here.
  void feed(ds.writable.getWriter(), bytes, 4 * sliceBytes(maxBytes));
  // Reading the chunks by hand and joining them once measured as fast as `Response.arrayBuffer()`
  // (13–16 ms for 4 MB) and keeps the size limit free; a TransformStream for it cost ≈10% more.
  const reader = ds.readable.getReader();
  const parts: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > maxBytes) {
      void reader.cancel().catch(() => undefined);
      throw new TooLargeError(maxBytes);
    }
    parts.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

function inflateMembers(bytes: Uint8Array, maxBytes: number): GunzipResult {
  const chunks: Uint8Array[] = [];
  // Output length at the start of each member after the first, as fflate reports them.
  const outAtMember: number[] = [0];
  const memberOffsets: number[] = [0];
  let total = 0;
  const inflater = new Gunzip((chunk) => {
    chunks.push(chunk);
    total += chunk.length;
    if (total > maxBytes) throw new TooLargeError(maxBytes);
  });
  inflater.onmember = (offset) => {
    outAtMember.push(total);
    memberOffsets.push(offset);
  };
  let junk: unknown;
  try {
    // fflate inflates all it is given before handing out any output, so the input goes in slices:
    // the check above then runs at least once per slice's worth of output.
    const slice = sliceBytes(maxBytes);
    for (let at = 0; at < bytes.length; at += slice) {
      const end = Math.min(bytes.length, at + slice);
      inflater.push(bytes.subarray(at, end), end === bytes.length);
    }
    if (bytes.length === 0) inflater.push(bytes, true);
  } catch (error) {
    if (error instanceof TooLargeError) throw error;
    if (total === 0) throw corruptError(error, bytes.length);
    junk = error;
  }
  // fflate accepts a truncated final member silently; the native stream failed for a reason, so demand
  // that the last member's ISIZE trailer (RFC 1952 §2.3.1) matches what was inflated from it.
  const lastSize = (total - (outAtMember.at(-1) ?? 0)) >>> 0;
  const end =
    junk !== undefined ? findMemberEnd(bytes, memberOffsets.at(-1) ?? 0, lastSize) : bytes.length;
  if (end < 0) throw corruptError(junk, bytes.length);
  if (junk === undefined && readUint32LE(bytes, end - 4) !== lastSize) {
    throw truncatedError(bytes.length);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return { bytes: out, members: outAtMember.length, trailingBytes: bytes.length - end };
}

/** Deflate's densest data inflates ≈1032 times (RFC 1951: a 258-byte match per ≈2 bits). */
const MAX_RATIO = 1032;

/**
 * Compressed bytes pushed to fflate at a time: small enough that one slice inflates to at most ≈1/8
 * of `maxBytes` (so output peaks near the limit: ≤ 576 MB for 512 MB), at least 256 bytes so that
 * a tiny limit does not mean a push per byte, at most 64 KiB (no limit: as fast as one push).
 */
function sliceBytes(maxBytes: number): number {
  return Math.max(256, Math.min(2 ** 16, Math.floor(maxBytes / 8 / MAX_RATIO)));
}

/** First offset past `from` whose preceding 4 bytes equal `isize`: where the last good member ends. */
function findMemberEnd(bytes: Uint8Array, from: number, isize: number): number {
  for (let p = from + 18; p <= bytes.length; p++) {
    if (readUint32LE(bytes, p - 4) === isize) return p;
  }
  return -1;
}

function readUint32LE(bytes: Uint8Array, at: number): number {
  if (at < 0 || at + 4 > bytes.length) return -1;
  return (
    ((bytes[at] ?? 0) |
      ((bytes[at + 1] ?? 0) << 8) |
      ((bytes[at + 2] ?? 0) << 16) |
      ((bytes[at + 3] ?? 0) << 24)) >>>
    0
  );
}

/** fflate's message when the deflate data runs out before its final block: a file cut short. */
const FFLATE_EOF = 'unexpected EOF';

function corruptError(cause: unknown, size: number): Error {
  const detail = cause instanceof Error ? cause.message : String(cause);
  if (detail === FFLATE_EOF) return truncatedError(size);
  return new Error(
    `Corrupt gzip: the compressed data is damaged and cannot be inflated (${detail})`,
    {
      cause,
    },
  );
}

function truncatedError(size: number): Error {
  return new Error(
    `Truncated gzip: the file ends before its compressed data does (${size.toLocaleString('en-US')} bytes; cut short in a copy or download?)`,
  );
}
