import type { FileChunk } from '../src/index/types';

/**
 * A FileChunk as one Blob, exactly as Cairn stored each file's chunk before chunk groups
 * (src/db/chunkBlob.ts reads it): for tests of databases written by that version.
 */
export function encodeChunkBlob(chunk: FileChunk): Blob {
  const arrays = arraysOf(chunk);
  const header = new TextEncoder().encode(
    JSON.stringify({
      v: 1,
      count: chunk.count,
      strings: chunk.strings,
      idText: chunk.idText,
      issued: chunk.issued ?? [],
      wide: chunk.codes instanceof Uint32Array,
      lengths: arrays.map((a) => a.length),
    }),
  );
  const parts: BlobPart[] = [new Uint32Array([header.length]), header];
  let at = 4 + header.length;
  for (const a of arrays) {
    const pad = (8 - (at % 8)) % 8;
    if (pad > 0) parts.push(new Uint8Array(pad));
    parts.push(bytesOf(a));
    at += pad + a.byteLength;
  }
  return new Blob(parts);
}

/** The typed arrays in their stored order (decodeChunkBlob reads them back in the same order). */
function arraysOf(chunk: FileChunk) {
  return [
    chunk.codes,
    chunk.eventTime,
    chunk.idWords,
    chunk.recordIndex,
    chunk.resOffsets,
    chunk.resTypes,
    chunk.resNames,
  ];
}

function bytesOf(a: ArrayBufferView): Uint8Array<ArrayBuffer> {
  // Chunks are built on plain ArrayBuffers; a shared one would be copied, never stored as a view.
  return a.buffer instanceof ArrayBuffer
    ? new Uint8Array(a.buffer, a.byteOffset, a.byteLength)
    : new Uint8Array(new Uint8Array(a.buffer, a.byteOffset, a.byteLength));
}
