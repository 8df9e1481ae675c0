/** The CRC-32 table (reflected polynomial 0xEDB88320), built once on first use. */
let table: Uint32Array | undefined;

function crcTable(): Uint32Array {
  if (table !== undefined) return table;
  table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = (c & 1) !== 0 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
}

/**
 * CRC-32 (ISO-HDLC, the zip and gzip checksum) of `bytes`, continuing from `previous` (the CRC of the
 * bytes before them; 0 to start), so a stream can be checked chunk by chunk. Returns an unsigned
 * 32-bit value. fflate computes it internally but does not export it.
 * @see https://pkware.cachefly.net/webdocs/casestudies/APPNOTE.TXT (§4.4.7)
 */
export function crc32(bytes: Uint8Array, previous = 0): number {
  const t = crcTable();
  let c = ~previous;
  for (let i = 0; i < bytes.length; i++) c = (t[(c ^ (bytes[i] ?? 0)) & 0xff] ?? 0) ^ (c >>> 8);
  return ~c >>> 0;
}
