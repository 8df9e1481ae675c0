import { isObject } from '../lib/isObject';
import type { FileChunk } from '../index/types';

/**
 * Decodes a FileChunk stored as one Blob, the per-file form that databases written before
 * chunk groups hold (schema.ts StoredChunkGroup): a Uint32 header length, the header as JSON
 * (counts, strings, text eventIDs, issued keys, array lengths), then each typed array, each
 * starting at a multiple of 8 bytes so it can be viewed in place. Reads a chunk stored in that layout.
 * @throws Error when the Blob is not such a chunk (a damaged store).
 */
export async function decodeChunkBlob(blob: Blob): Promise<FileChunk> {
  const buffer = await blob.arrayBuffer();
  const headerLength = new DataView(buffer).getUint32(0, true);
  const header: unknown = JSON.parse(
    new TextDecoder().decode(new Uint8Array(buffer, 4, headerLength)),
  );
  if (!isChunkHeader(header)) throw new Error('Stored index chunk is damaged');
  const { lengths } = header;
  let at = 4 + headerLength;
  let i = 0;
  const next = <T>(make: (buffer: ArrayBuffer, at: number, length: number) => T, size: number) => {
    at += (8 - (at % 8)) % 8;
    const length = lengths[i++] ?? 0;
    const view = make(buffer, at, length);
    at += length * size;
    return view;
  };
  const codes = header.wide
    ? next((b, o, n) => new Uint32Array(b, o, n), 4)
    : next((b, o, n) => new Uint16Array(b, o, n), 2);
  const u32 = () => next((b, o, n) => new Uint32Array(b, o, n), 4);
  const eventTime = next((b, o, n) => new Float64Array(b, o, n), 8);
  const idWords = u32();
  const recordIndex = u32();
  const resOffsets = u32();
  const resTypes = u32();
  const resNames = u32();
  return {
    count: header.count,
    strings: header.strings,
    codes,
    eventTime,
    idWords,
    idText: header.idText,
    recordIndex,
    resOffsets,
    resTypes,
    resNames,
    issued: header.issued,
  };
}

interface ChunkHeader {
  readonly count: number;
  readonly strings: string[];
  readonly idText: [number, string][];
  readonly issued: [number, string][];
  readonly wide: boolean;
  readonly lengths: number[];
}

function isChunkHeader(value: unknown): value is ChunkHeader {
  return (
    isObject(value) &&
    value['v'] === 1 &&
    typeof value['count'] === 'number' &&
    typeof value['wide'] === 'boolean' &&
    isArrayOf(value['strings'], (s) => typeof s === 'string') &&
    isArrayOf(value['idText'], isRowText) &&
    isArrayOf(value['issued'], isRowText) &&
    isArrayOf(value['lengths'], (n) => typeof n === 'number') &&
    value['lengths'].length === 7
  );
}

function isRowText(pair: unknown): boolean {
  return (
    Array.isArray(pair) &&
    pair.length === 2 &&
    typeof pair[0] === 'number' &&
    typeof pair[1] === 'string'
  );
}

function isArrayOf(value: unknown, test: (item: unknown) => boolean): value is unknown[] {
  return Array.isArray(value) && value.every(test);
}
