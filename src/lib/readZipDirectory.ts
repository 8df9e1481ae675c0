/**
 * One member of a zip archive, as its central directory lists it. Sizes and offsets are bytes; zip64
 * values are resolved, so every field is the real one.
 * @see https://pkware.cachefly.net/webdocs/casestudies/APPNOTE.TXT (§4.3.12 central directory header)
 */
export interface ZipEntry {
  /** The path inside the archive, `/`-separated; a directory ends with `/`. */
  readonly name: string;
  /** General purpose bit flags: bit 0 encrypted, bit 3 data descriptor, bit 6 strong encryption. */
  readonly flags: number;
  /** Compression method: 0 stored, 8 deflate (§4.4.5). */
  readonly method: number;
  readonly crc32: number;
  readonly compressedSize: number;
  readonly size: number;
  /** Where the entry's local header starts in the archive. */
  readonly localHeaderOffset: number;
}

/**
 * True when `head` starts like a zip archive: a local file header `PK\x03\x04`, or the end record
 * `PK\x05\x06` of an empty archive (§4.3.7, §4.3.16).
 */
export function startsLikeZip(head: Uint8Array): boolean {
  return (
    head[0] === 0x50 &&
    head[1] === 0x4b &&
    ((head[2] === 0x03 && head[3] === 0x04) || (head[2] === 0x05 && head[3] === 0x06))
  );
}

/** An archive that is well formed enough to read but built to exhaust the reader: not opened. */
export class RefusedZipError extends Error {}

/** An archive listing more entries than its reader allows; `count` is how many it lists. */
export class TooManyEntriesError extends RefusedZipError {
  readonly count: number;
  constructor(count: number, maxEntries: number) {
    super(
      `it lists ${count.toLocaleString('en-US')} entries, over the limit of ${maxEntries.toLocaleString('en-US')} for one archive`,
    );
    this.count = count;
  }
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
/** The end record is 22 bytes plus a comment of at most 65,535. */
const EOCD_MAX = 22 + 0xffff;

/**
 * Reads a zip archive's central directory, at its end, without reading the entries: only the last
 * ≤ 64 KiB and the directory itself are read, so a multi-gigabyte archive costs a few small reads.
 * Sizes come from the directory, so entries written with data descriptors (sizes after the data, as
 * streaming zippers and macOS write them) and zip64 archives (over 4 GiB or 65,535 entries) are exact,
 * with no scanning for signatures inside compressed data.
 * @param maxEntries entries (directories included) an archive may list; more are refused before the
 *   directory is read.
 * @throws Error with a readable reason when the archive is truncated, split, or its directory corrupt;
 *   RefusedZipError when two entries overlap (the overlapping zip bomb), TooManyEntriesError when it
 *   lists more than `maxEntries`.
 */
export async function readZipDirectory(zip: Blob, maxEntries = Infinity): Promise<ZipEntry[]> {
  const tailStart = Math.max(0, zip.size - EOCD_MAX);
  const tail = await read(zip, tailStart, zip.size);
  const at = findEndRecord(tail);
  if (at < 0) throw new Error('no end of central directory record: the archive is truncated');
  const end = new DataView(tail.buffer, at, 22);
  let count = end.getUint16(10, true);
  let dirSize = end.getUint32(12, true);
  let dirOffset = end.getUint32(16, true);
  if (end.getUint16(4, true) !== 0 || end.getUint16(6, true) !== 0) {
    throw new Error('split (multi-part) archives are not supported');
  }
  const endAt = tailStart + at;
  if (endAt >= 20) {
    const locator = new DataView((await read(zip, endAt - 20, endAt)).buffer);
    if (locator.getUint32(0, true) === ZIP64_LOCATOR) {
      const z64At = uint64(locator, 8);
      const z64 = new DataView((await read(zip, z64At, z64At + 56)).buffer);
      if (z64.byteLength < 56 || z64.getUint32(0, true) !== ZIP64_EOCD) {
        throw new Error('the zip64 end of central directory record is missing');
      }
      count = uint64(z64, 32);
      dirSize = uint64(z64, 40);
      dirOffset = uint64(z64, 48);
    }
  }
  if (count > maxEntries) throw new TooManyEntriesError(count, maxEntries);
  if (dirOffset + dirSize > endAt) {
    throw new Error('the central directory lies outside the archive: it is truncated or corrupt');
  }
  const dir = new DataView((await read(zip, dirOffset, dirOffset + dirSize)).buffer);
  const entries: ZipEntry[] = [];
  const spans: Span[] = [];
  let p = 0;
  for (let i = 0; i < count; i++) {
    if (p + 46 > dir.byteLength || dir.getUint32(p, true) !== CENTRAL) {
      throw new Error(`the central directory is corrupt at entry ${i + 1} of ${count}`);
    }
    const flags = dir.getUint16(p + 8, true);
    const nameLength = dir.getUint16(p + 28, true);
    const extraLength = dir.getUint16(p + 30, true);
    const commentLength = dir.getUint16(p + 32, true);
    const nameBytes = new Uint8Array(
      dir.buffer,
      p + 46,
      Math.min(nameLength, dir.byteLength - p - 46),
    );
    const extra = new DataView(
      dir.buffer,
      p + 46 + nameBytes.length,
      Math.max(0, Math.min(extraLength, dir.byteLength - p - 46 - nameLength)),
    );
    const sizes = zip64Sizes(extra, {
      size: dir.getUint32(p + 24, true),
      compressedSize: dir.getUint32(p + 20, true),
      localHeaderOffset: dir.getUint32(p + 42, true),
    });
    const name = decodeName(nameBytes, (flags & 0x800) !== 0);
    entries.push({
      name,
      flags,
      method: dir.getUint16(p + 10, true),
      crc32: dir.getUint32(p + 16, true),
      ...sizes,
    });
    const start = sizes.localHeaderOffset;
    spans.push({ name, start, end: start + 30 + nameLength + sizes.compressedSize });
    p += 46 + nameLength + extraLength + commentLength;
  }
  refuseOverlaps(spans);
  return entries;
}

/**
 * Throws when two entries share bytes. Each entry spans at least its 30-byte local header, its name
 * (as long as in the directory) and its compressed data; real archives lay these end to end, while
 * the overlapping zip bomb points many entries at one kernel so that it inflates once per entry
 * (Fifield 2019). Sorting keeps this O(n log n) for an archive of any size.
 * @see https://www.bamsoftware.com/hacks/zipbomb/
 */
function refuseOverlaps(spans: readonly Span[]): void {
  const byStart = [...spans].sort((a, b) => a.start - b.start);
  for (let i = 1; i < byStart.length; i++) {
    const before = byStart[i - 1];
    const after = byStart[i];
    if (before !== undefined && after !== undefined && after.start < before.end) {
      throw new RefusedZipError(
        `entries "${before.name}" and "${after.name}" overlap in the archive (the trick of a zip bomb)`,
      );
    }
  }
}

/** The least an entry occupies in the archive: `[start, end)` in bytes. */
interface Span {
  readonly name: string;
  readonly start: number;
  readonly end: number;
}

/** The end record's position in `tail`: the last signature whose comment ends exactly at the end, else the last one. */
function findEndRecord(tail: Uint8Array<ArrayBuffer>): number {
  const view = new DataView(tail.buffer);
  let loose = -1;
  for (let i = tail.length - 22; i >= 0; i--) {
    if (view.getUint32(i, true) !== EOCD) continue;
    if (i + 22 + view.getUint16(i + 20, true) === tail.length) return i;
    if (loose < 0) loose = i;
  }
  return loose;
}

/** Real sizes and offset: a 32-bit field holding 0xFFFFFFFF is in the zip64 extra field (id 1, §4.5.3). */
function zip64Sizes(
  extra: DataView,
  sizes: { size: number; compressedSize: number; localHeaderOffset: number },
): { size: number; compressedSize: number; localHeaderOffset: number } {
  const MAX = 0xffffffff;
  if (sizes.size !== MAX && sizes.compressedSize !== MAX && sizes.localHeaderOffset !== MAX) {
    return sizes;
  }
  for (let p = 0; p + 4 <= extra.byteLength; p += 4 + extra.getUint16(p + 2, true)) {
    if (extra.getUint16(p, true) !== 1) continue;
    const end = p + 4 + extra.getUint16(p + 2, true);
    let q = p + 4;
    const next = (value: number) => {
      if (value !== MAX) return value;
      if (q + 8 > end || q + 8 > extra.byteLength) throw new Error('a zip64 extra field is short');
      const v = uint64(extra, q);
      q += 8;
      return v;
    };
    // The order is fixed: uncompressed size, compressed size, local header offset.
    const size = next(sizes.size);
    const compressedSize = next(sizes.compressedSize);
    return { size, compressedSize, localHeaderOffset: next(sizes.localHeaderOffset) };
  }
  throw new Error('an entry over 4 GiB has no zip64 extra field');
}

/**
 * Entry names are UTF-8 when flag bit 11 says so (§4.4.4); many zippers (macOS among them) write UTF-8
 * without the flag, so valid UTF-8 is read as UTF-8, anything else as Latin-1 rather than failing.
 */
function decodeName(bytes: Uint8Array, utf8: boolean): string {
  try {
    return new TextDecoder('utf-8', { fatal: !utf8 }).decode(bytes);
  } catch {
    return new TextDecoder('latin1').decode(bytes);
  }
}

function uint64(view: DataView, at: number): number {
  const value = view.getUint32(at, true) + view.getUint32(at + 4, true) * 2 ** 32;
  if (!Number.isSafeInteger(value)) throw new Error('a zip64 size is out of range');
  return value;
}

/** Bytes `[from, to)` of the blob (fewer when it ends first). */
async function read(blob: Blob, from: number, to: number): Promise<Uint8Array<ArrayBuffer>> {
  return new Uint8Array(await blob.slice(from, to).arrayBuffer());
}
