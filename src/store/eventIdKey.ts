/**
 * Packs a lower-case UUID eventID (CloudTrail's usual form) into 4 × 32-bit words at `out[at…at+3]`, so
 * a million IDs take 16 MB instead of ~80 MB of strings and compare as integers. Returns false for
 * any other form (samples and other tools produce those), which stay text; the words it may have
 * written then mean nothing.
 * @see https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-record-contents.html (eventID)
 */
export function packEventId(id: string, out: Uint32Array, at: number): boolean {
  if (id.length !== 36) return false;
  let word = 0;
  let digits = 0;
  let w = 0;
  for (let i = 0; i < 36; i++) {
    const c = id.charCodeAt(i);
    if (i === 8 || i === 13 || i === 18 || i === 23) {
      if (c !== 0x2d) return false;
      continue;
    }
    let v: number;
    if (c >= 0x30 && c <= 0x39) v = c - 0x30;
    else if (c >= 0x61 && c <= 0x66) v = c - 0x57;
    else return false;
    word = word * 16 + v;
    if (++digits === 8) {
      out[at + w++] = word;
      word = 0;
      digits = 0;
    }
  }
  return true;
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
