import { RecordSplitter } from '../../cloudtrail/RecordSplitter';
import { isGzip } from '../../lib/gunzip';
import type { ExpandedInput } from './expandZip';
import type { InputFile } from './types';

/** JSON text larger than this is cut into parts as it streams in (a string holds at most 512 MB). */
export const SPLIT_BYTES = 256 * 2 ** 20;
/** Text per part: a few parts in flight stay well inside a worker's memory. */
export const PART_BYTES = 16 * 2 ** 20;
/** Gzip this small cannot reach SPLIT_BYTES at CloudTrail's ratios, so its size field is not read. */
const LIKELY_RATIO = 32;

/** Sizes for splitting (tests pass small ones). */
export interface SplitSizes {
  readonly splitBytes: number;
  readonly partBytes: number;
}

/**
 * True when `file` is JSON text (maybe gzipped) too large to read whole: plain text past
 * `splitBytes`, or gzip whose ISIZE trailer (uncompressed size mod 2^32, RFC 1952 §2.3.1) says so.
 * The trailer is only a hint: a false one leads to the normal read, which has its own limit.
 */
export async function needsSplit(file: Blob, sizes: SplitSizes): Promise<boolean> {
  if (file.size < sizes.splitBytes / LIKELY_RATIO) return false;
  const head = new Uint8Array(await file.slice(0, 2).arrayBuffer());
  if (isGzip(head)) {
    if (file.size > sizes.splitBytes) return true;
    const tail = new DataView(await file.slice(file.size - 4).arrayBuffer());
    return tail.byteLength === 4 && tail.getUint32(0, true) > sizes.splitBytes;
  }
  if (file.size <= sizes.splitBytes) return false;
  const start = new Uint8Array(await file.slice(0, 4096).arrayBuffer());
  const first = start.find((b) => b !== 0x20 && b !== 0x0a && b !== 0x0d && b !== 0x09);
  return first === 0x7b || first === 0x5b;
}

/**
 * Streams a large JSON file (gunzipping it on the way) and yields it as parts of whole records
 * (RecordSplitter), each an ordinary input `<path> [part N]` of at most about `partBytes`, so a
 * 1 GB file ingests with no more than a few parts in memory and every later read (detail, search,
 * export) works on one part. Parts share out the file's progress weight by bytes read. A file cut
 * short, or whose gzip breaks, yields the parts read before and one failed item saying where.
 * When no record is found the file is yielded whole, for the normal read to report why. Never throws.
 */
export async function* splitLargeFile(
  input: InputFile,
  weight: number,
  options: SplitSizes & {
    readonly isStopped?: () => boolean;
    readonly onFound?: (extraFiles: number) => void;
  },
): AsyncGenerator<ExpandedInput> {
  const { file, path } = input;
  const gzip = isGzip(new Uint8Array(await file.slice(0, 2).arrayBuffer()));
  let read = 0;
  const counted = file.stream().pipeThrough(
    new TransformStream<Uint8Array<ArrayBuffer>, Uint8Array<ArrayBuffer>>({
      transform(chunk, controller) {
        read += chunk.length;
        controller.enqueue(chunk);
      },
    }),
  );
  const text: ReadableStream<Uint8Array> = gzip
    ? counted.pipeThrough<Uint8Array<ArrayBuffer>>(new DecompressionStream('gzip'))
    : counted;
  const reader = text.getReader();
  const splitter = new RecordSplitter(options.partBytes);
  let given = 0;
  let n = 0;
  const item = (bytes: Uint8Array<ArrayBuffer>, records: number, last: boolean): ExpandedInput => {
    const share = last
      ? weight - given
      : Math.min(weight - given, Math.round((weight * read) / file.size) - given);
    given += share;
    if (++n > 1) options.onFound?.(1);
    const label = `${records.toLocaleString('en-US')} ${records === 1 ? 'record' : 'records'}`;
    return {
      input: { path: `${path} [part ${n}: ${label}]`, file: new Blob([bytes]) },
      size: bytes.length,
      weight: share,
    };
  };
  let failure: string | undefined;
  try {
    for (;;) {
      if (options.isStopped?.() === true) {
        void reader.cancel().catch(() => undefined);
        failure = 'Cancelled before the rest of this file was read';
        break;
      }
      const { done, value } = await reader.read();
      if (done) break;
      for (const part of splitter.push(value)) yield item(part.bytes, part.records, false);
    }
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    failure = gzip ? `Corrupt gzip (${reason})` : `Could not read the file (${reason})`;
  }
  const rest = splitter.end();
  if (n === 0 && rest.length === 0 && failure === undefined) {
    // Nothing to cut: the normal read says what the file is.
    yield { input, size: file.size, weight };
    return;
  }
  if (failure === undefined && splitter.truncated) {
    failure = 'Truncated JSON: the file ends inside a record';
  }
  for (const [i, part] of rest.entries()) {
    yield item(part.bytes, part.records, failure === undefined && i === rest.length - 1);
  }
  if (failure !== undefined) {
    const whole = splitter.records.toLocaleString('en-US');
    const reason = `${failure}; the ${whole} whole records before that point were read (the parts above)`;
    if (++n > 1) options.onFound?.(1);
    yield {
      input: { path: `${path} [rest]`, file: new Blob([]) },
      size: Math.max(0, file.size - read),
      weight: weight - given,
      problem: { status: 'failed', reason },
    };
  }
}
