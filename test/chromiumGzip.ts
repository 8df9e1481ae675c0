import { createInflateRaw } from 'node:zlib';

/** One gzip member of a file: where it lies in the input, and what it inflates to. */
export interface GzipMember {
  readonly start: number;
  readonly end: number;
  readonly inflated: Buffer;
}

// RFC 1952 §2.3.1 header flags.
const FHCRC = 2;
const FEXTRA = 4;
const FNAME = 8;
const FCOMMENT = 16;

/**
 * Splits `bytes` into its gzip members with node:zlib alone (none of the app's code, nor fflate), so
 * tests have an oracle for member counts and bytes. Stops at the first offset that does not start a
 * complete member (magic, deflate data, then an ISIZE trailer that matches); bytes from there on are
 * not gzip. Rejects when the deflate data of a member is damaged.
 */
export async function gzipMembers(bytes: Uint8Array): Promise<GzipMember[]> {
  const members: GzipMember[] = [];
  let at = 0;
  while (at + 18 <= bytes.length && bytes[at] === 0x1f && bytes[at + 1] === 0x8b) {
    const body = at + headerLength(bytes, at);
    const { inflated, consumed } = await inflateRaw(bytes.subarray(body));
    // The deflate data is followed by CRC32 and ISIZE, 4 bytes each.
    const end = body + consumed + 8;
    if (end > bytes.length || readUint32LE(bytes, end - 4) !== inflated.length % 2 ** 32) break;
    members.push({ start: at, end, inflated });
    at = end;
  }
  return members;
}

function headerLength(bytes: Uint8Array, start: number): number {
  const flags = bytes[start + 3] ?? 0;
  let at = start + 10;
  if ((flags & FEXTRA) !== 0) at += 2 + ((bytes[at] ?? 0) | ((bytes[at + 1] ?? 0) << 8));
  if ((flags & FNAME) !== 0) at = bytes.indexOf(0, at) + 1;
  if ((flags & FCOMMENT) !== 0) at = bytes.indexOf(0, at) + 1;
  if ((flags & FHCRC) !== 0) at += 2;
  return at - start;
}

function readUint32LE(bytes: Uint8Array, at: number): number {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).readUInt32LE(at);
}

/** Inflates one raw deflate stream; `consumed` is how many input bytes it spanned (zlib stops at its end). */
function inflateRaw(bytes: Uint8Array): Promise<{ inflated: Buffer; consumed: number }> {
  return new Promise((resolve, reject) => {
    const inflater = createInflateRaw();
    const parts: Buffer[] = [];
    inflater.on('data', (part: Buffer) => parts.push(part));
    inflater.on('error', reject);
    inflater.on('end', () => {
      resolve({ inflated: Buffer.concat(parts), consumed: inflater.bytesWritten });
    });
    inflater.end(bytes);
  });
}

/**
 * `DecompressionStream('gzip')` as Chromium implements it (measured on Debian Chromium 150,
 * docs/reference/browser-limits.md §3): it delivers the first member's bytes, then errors with
 * "Junk found after end of compressed data" when anything follows that member. Node's own stream
 * reads every member, so without this stub the fallback Chromium depends on would never run in tests.
 * Every instance is counted in `ChromiumDecompressionStream.opened`, and every junk error in `.junk`.
 */
export class ChromiumDecompressionStream {
  static opened = 0;
  static junk = 0;
  readonly writable: WritableStream<Uint8Array>;
  readonly readable: ReadableStream<Uint8Array>;

  constructor(format: string) {
    if (format !== 'gzip') throw new TypeError(`Unsupported format ${format}`);
    ChromiumDecompressionStream.opened++;
    const parts: Uint8Array[] = [];
    let closed: (input: Buffer) => void = () => undefined;
    const input = new Promise<Buffer>((resolve) => {
      closed = resolve;
    });
    this.writable = new WritableStream({
      write: (part) => {
        parts.push(part);
      },
      close: () => {
        closed(Buffer.concat(parts));
      },
    });
    let delivered = false;
    this.readable = new ReadableStream<Uint8Array>(
      {
        pull: async (controller) => {
          const bytes = await input;
          const [first] = await gzipMembers(bytes).catch(() => []);
          if (first === undefined) {
            controller.error(new TypeError('Decompression failed.'));
          } else if (!delivered) {
            delivered = true;
            controller.enqueue(new Uint8Array(first.inflated));
          } else if (first.end < bytes.length) {
            ChromiumDecompressionStream.junk++;
            controller.error(new TypeError('Junk found after end of compressed data.'));
          } else {
            controller.close();
          }
        },
      },
      { highWaterMark: 0 },
    );
  }
}
