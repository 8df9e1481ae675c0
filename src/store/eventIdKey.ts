const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * Packs a lower-case UUID eventID (CloudTrail's usual form) into 4 × 32-bit words at `out[at…at+3]`, so
 * a million IDs take 16 MB instead of ~80 MB of strings. Returns false, writing nothing, for any other
 * form (samples and other tools produce those), which the index keeps as text.
 * @see https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-record-contents.html (eventID)
 */
export function packEventId(id: string, out: Uint32Array, at: number): boolean {
  if (id.length !== 36 || !UUID.test(id)) return false;
  const hex = id.replaceAll('-', '');
  for (let w = 0; w < 4; w++) out[at + w] = Number.parseInt(hex.slice(w * 8, w * 8 + 8), 16) >>> 0;
  return true;
}

/** The UUID text of 4 packed words. */
export function unpackEventId(words: Uint32Array, at: number): string {
  let hex = '';
  for (let w = 0; w < 4; w++) hex += (words[at + w] ?? 0).toString(16).padStart(8, '0');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** A 32-bit FNV-1a hash of a string: the slot hash for eventIDs in EventIdTable. */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
