const encoder = new TextEncoder();
const decoder = new TextDecoder();

/**
 * Writes `value` as UTF-8 into `out` (at least `value.length * 3` bytes) and returns the byte count.
 * Most values in a trail are ASCII (keys, ARNs, IPs), so those are copied char by char without
 * calling the encoder.
 */
export function encodeUtf8(value: string, out: Uint8Array): number {
  const n = value.length;
  for (let i = 0; i < n; i++) {
    const c = value.charCodeAt(i);
    if (c >= 0x80) return encoder.encodeInto(value, out).written;
    out[i] = c;
  }
  return n;
}

/** The string in `bytes[start, end)`, read as UTF-8. */
export function decodeUtf8(bytes: Uint8Array, start: number, end: number): string {
  return decoder.decode(bytes.subarray(start, end));
}

/** FNV-1a over `bytes[start, end)`, as an unsigned 32-bit number. */
export function hashBytes(bytes: Uint8Array, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) h = Math.imul(h ^ (bytes[i] ?? 0), 0x01000193);
  return h >>> 0;
}
