/**
 * Packs a lower-case UUID eventID (CloudTrail's usual form) into 4 × 32-bit words at `out[at…at+3]`, so
 * a million IDs take 16 MB instead of ~80 MB of strings and compare as integers. Returns false for
 * any other form (samples and other tools produce those), which stay text; the words it may have
 * written then mean nothing.
 * @see https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-record-contents.html (eventID)
 */
export function packEventId(id: string, out: Uint32Array, at: number): boolean {
  if (
    id.length !== 36 ||
    id.charCodeAt(8) !== 0x2d ||
    id.charCodeAt(13) !== 0x2d ||
    id.charCodeAt(18) !== 0x2d ||
    id.charCodeAt(23) !== 0x2d
  )
    return false;
  // Runs for every event at ingest: a table lookup per digit, and any non-digit turns a word negative.
  const w0 = word(hex4(id, 0), hex4(id, 4));
  const w1 = word(hex4(id, 9), hex4(id, 14));
  const w2 = word(hex4(id, 19), hex4(id, 24));
  const w3 = word(hex4(id, 28), hex4(id, 32));
  if (w0 < 0 || w1 < 0 || w2 < 0 || w3 < 0) return false;
  out[at] = w0;
  out[at + 1] = w1;
  out[at + 2] = w2;
  out[at + 3] = w3;
  return true;
}

/** Lower-case hex digit values by char code; -1 for anything else (upper case included). */
const HEX = new Int8Array(128).fill(-1);
for (let c = 0; c < 10; c++) HEX[0x30 + c] = c;
for (let c = 0; c < 6; c++) HEX[0x61 + c] = 10 + c;

/** The value of 4 hex digits at `at`, or a negative number when one is not a lower-case hex digit. */
function hex4(s: string, at: number): number {
  const a = HEX[s.charCodeAt(at)] ?? -1;
  const b = HEX[s.charCodeAt(at + 1)] ?? -1;
  const c = HEX[s.charCodeAt(at + 2)] ?? -1;
  const d = HEX[s.charCodeAt(at + 3)] ?? -1;
  return (a | b | c | d) < 0 ? -1 : (a << 12) | (b << 8) | (c << 4) | d;
}

/** Two 16-bit halves as an unsigned 32-bit number, or -1 when either is negative. */
function word(hi: number, lo: number): number {
  return (hi | lo) < 0 ? -1 : hi * 0x10000 + lo;
}

/** The UUID text of 4 packed words. */
export function unpackEventId(words: Uint32Array, at: number): string {
  let hex = '';
  for (let w = 0; w < 4; w++) hex += (words[at + w] ?? 0).toString(16).padStart(8, '0');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** A 32-bit FNV-1a hash of a string: the slot hash for text eventIDs in EventIdTable. */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** A 32-bit hash of 4 packed words: the slot hash for UUID eventIDs in EventIdTable. */
export function hashWords(w: Uint32Array, at: number): number {
  let h = Math.imul((w[at] ?? 0) ^ 0x9e3779b9, 0x85ebca6b);
  h = Math.imul(h ^ (w[at + 1] ?? 0), 0xc2b2ae35);
  h = Math.imul(h ^ (w[at + 2] ?? 0), 0x27d4eb2f);
  h = Math.imul(h ^ (w[at + 3] ?? 0), 0x165667b1);
  return (h ^ (h >>> 15)) >>> 0;
}
