import { UnzipInflate } from 'fflate';
import { crc32 } from './crc32';
import type { ZipEntry } from './readZipDirectory';

const LOCAL = 0x04034b50;

/** Methods seen in the wild that Cairn does not read, by their APPNOTE number (§4.4.5). */
const METHOD_NAMES: Readonly<Record<number, string>> = {
  9: 'Deflate64',
  12: 'bzip2',
  14: 'LZMA',
  93: 'Zstandard',
  95: 'XZ',
  98: 'PPMd',
  99: 'AES encryption',
};

/**
 * The uncompressed bytes of one zip entry, as a Blob, read from the archive as a stream: a stored
 * entry is a slice of the archive (never copied), a deflated one is inflated chunk by chunk with
 * fflate's streaming `UnzipInflate`. Either way the size and CRC-32 from the central directory are
 * checked, and output beyond the declared size (or `maxBytes`) stops the read at once.
 * @see https://pkware.cachefly.net/webdocs/casestudies/APPNOTE.TXT (§4.3.7 local header, §4.4)
 * @throws Error with a readable reason: encrypted, unsupported method, too large, corrupt data, or a
 *   size or CRC-32 that does not match.
 */
export async function readZipEntry(
  zip: Blob,
  entry: ZipEntry,
  maxBytes = Number.MAX_SAFE_INTEGER,
): Promise<Blob> {
  if ((entry.flags & 0x41) !== 0 || entry.method === 99) {
    throw new Error('the entry is encrypted (password-protected); extract the archive first');
  }
  if (entry.method !== 0 && entry.method !== 8) {
    const name = METHOD_NAMES[entry.method];
    throw new Error(
      `compression method ${entry.method}${name === undefined ? '' : ` (${name})`} is not supported; only stored and deflate are`,
    );
  }
  if (entry.size > maxBytes) {
    throw new Error(
      `the entry is ${entry.size} bytes uncompressed, over the ${maxBytes}-byte limit`,
    );
  }
  const header = new DataView(
    await zip.slice(entry.localHeaderOffset, entry.localHeaderOffset + 30).arrayBuffer(),
  );
  if (header.byteLength < 30 || header.getUint32(0, true) !== LOCAL) {
    throw new Error('its local header is missing: the archive is corrupt');
  }
  const start =
    entry.localHeaderOffset + 30 + header.getUint16(26, true) + header.getUint16(28, true);
  const end = start + entry.compressedSize;
  if (end > zip.size) throw new Error('its data runs past the end of the archive');
  const data = zip.slice(start, end);
  if (entry.method === 0) {
    if (entry.compressedSize !== entry.size) throw new Error('stored sizes disagree: corrupt');
    let crc = 0;
    await eachChunk(data, (chunk) => {
      crc = crc32(chunk, crc);
      return true;
    });
    checkCrc(crc, entry);
    return data;
  }
  return inflate(data, entry);
}

async function inflate(data: Blob, entry: ZipEntry): Promise<Blob> {
  const parts: Uint8Array<ArrayBuffer>[] = [];
  let length = 0;
  let crc = 0;
  let failure: string | undefined;
  const inflater = new UnzipInflate();
  inflater.ondata = (error, chunk) => {
    if (failure !== undefined) return;
    if (error !== null) {
      failure = `its compressed data is corrupt (${error.message})`;
      return;
    }
    length += chunk.length;
    if (length > entry.size) {
      failure = `it inflates to more than its declared ${entry.size} bytes: corrupt`;
      return;
    }
    crc = crc32(chunk, crc);
    // fflate hands out a fresh array per call, so keeping it is safe.
    parts.push(chunk);
  };
  await eachChunk(data, (chunk) => {
    inflater.push(chunk, false);
    return failure === undefined;
  });
  if (failure === undefined) inflater.push(new Uint8Array(0), true);
  if (failure !== undefined) throw new Error(failure);
  if (length !== entry.size) {
    throw new Error(`it inflates to ${length} bytes, not its declared ${entry.size}: corrupt`);
  }
  checkCrc(crc, entry);
  return new Blob(parts);
}

function checkCrc(crc: number, entry: ZipEntry): void {
  if (crc !== entry.crc32) {
    throw new Error('its CRC-32 does not match the archive directory: the data is corrupt');
  }
}

/** Streams `blob` chunk by chunk; `visit` returning false stops the read early. */
async function eachChunk(blob: Blob, visit: (chunk: Uint8Array) => boolean): Promise<void> {
  const reader = blob.stream().getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    if (!visit(value)) {
      await reader.cancel();
      return;
    }
  }
}
