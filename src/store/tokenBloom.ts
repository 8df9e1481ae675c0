/**
 * Per-file token Bloom filters: at ingest every word of a file's JSON text (runs of ASCII letters and
 * digits, lower-cased; keys, values, numbers) is hashed into a bit set, so a search for a word can
 * skip, without reading it, every file that cannot hold it. No false negatives; about 5–8 % false
 * positives per word, which multiply away for queries of several words. Sized at ≈6 bits per
 * distinct word, estimated as one per 100 bytes of JSON (≈11 B per event on trail files).
 */

/** Probes per word; with ≈6 bits per word this gives ≈5 % false positives. */
const PROBES = 4;
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** True for the bytes (and UTF-16 units) that continue a word: ASCII letters, digits, non-ASCII. */
export function isWordCode(c: number): boolean {
  return (
    (c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || c >= 0x80
  );
}

/** Builds the filter of a file from its inflated JSON bytes (UTF-8). */
export function buildTokenBloom(json: Uint8Array): Uint32Array {
  const words = Math.max(64, Math.ceil(json.length / 100));
  const bits = new Uint32Array(Math.ceil((words * 6.2) / 32));
  const m = bits.length * 32;
  let h = FNV_OFFSET;
  let len = 0;
  let inString = false;
  const n = json.length;
  for (let i = 0; i <= n; i++) {
    let c = i < n ? (json[i] ?? 0) : 0x20;
    if (c === 0x22) inString = !inString;
    else if (!inString && (c === 0x2d || (c >= 0x30 && c <= 0x39))) {
      // A number literal: searches see it as JavaScript prints it (1.688560107857E9 is
      // 1688560107.857), so both spellings go in.
      let end = i + 1;
      while (end < n && isNumberByte(json[end] ?? 0)) end++;
      const literal = String.fromCharCode(...json.subarray(i, end));
      for (const w of wordHashes(literal, false, false)) set(bits, m, w);
      for (const w of wordHashes(String(Number(literal)), false, false)) set(bits, m, w);
      i = end - 1;
      continue;
    }
    if (c === 0x5c) {
      // A JSON escape: \uXXXX stands for its character; \n, \", \/ and the rest separate words.
      const e = json[i + 1] ?? 0;
      if (e === 0x75) {
        c = hex4(json, i + 2);
        i += 5;
      } else {
        c = 0x20;
        i += 1;
      }
    }
    if (isWordCode(c)) {
      if (c >= 0x41 && c <= 0x5a) c |= 0x20;
      h = Math.imul(h ^ (c & 0xff), FNV_PRIME);
      len++;
    } else if (len > 0) {
      set(bits, m, h >>> 0);
      h = FNV_OFFSET;
      len = 0;
    }
  }
  return bits;
}

/**
 * The hashes a search can check for `text`: its whole ASCII words, lower-cased. A word with a
 * non-ASCII character is left out (the filter does not fold non-ASCII case), and so is an edge word
 * that may be only part of a word in the data (`partialStart` / `partialEnd`).
 */
export function wordHashes(text: string, partialStart: boolean, partialEnd: boolean): number[] {
  const out: number[] = [];
  const lower = text.toLowerCase();
  let h = FNV_OFFSET;
  let start = -1;
  let ascii = true;
  for (let i = 0; i <= lower.length; i++) {
    const c = i < lower.length ? lower.charCodeAt(i) : 0x20;
    if (isWordCode(c)) {
      if (start < 0) start = i;
      if (c >= 0x80) ascii = false;
      h = Math.imul(h ^ (c & 0xff), FNV_PRIME);
    } else if (start >= 0) {
      const partial = (partialStart && start === 0) || (partialEnd && i === lower.length);
      if (ascii && !partial) out.push(h >>> 0);
      h = FNV_OFFSET;
      start = -1;
      ascii = true;
    }
  }
  return out;
}

/** True when every hash may be in the filter (false: the file certainly lacks a word). */
export function mayContainAll(bits: Uint32Array, hashes: readonly number[]): boolean {
  const m = bits.length * 32;
  for (const h of hashes) if (!has(bits, m, h)) return false;
  return true;
}

/** Double hashing: the step is a murmur3 finaliser of the word's FNV hash, made odd. */
function step(h: number): number {
  let h2 = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h2 = Math.imul(h2 ^ (h2 >>> 13), 0xc2b2ae35);
  return (h2 ^ (h2 >>> 16)) | 1;
}

function set(bits: Uint32Array, m: number, h: number): void {
  const h2 = step(h);
  for (let i = 0; i < PROBES; i++) {
    const b = ((h + Math.imul(i, h2)) >>> 0) % m;
    bits[b >>> 5] = (bits[b >>> 5] ?? 0) | (1 << (b & 31));
  }
}

function has(bits: Uint32Array, m: number, h: number): boolean {
  const h2 = step(h);
  for (let i = 0; i < PROBES; i++) {
    const b = ((h + Math.imul(i, h2)) >>> 0) % m;
    if (((bits[b >>> 5] ?? 0) & (1 << (b & 31))) === 0) return false;
  }
  return true;
}

function hex4(bytes: Uint8Array, at: number): number {
  let v = 0;
  for (let k = 0; k < 4; k++) {
    const c = bytes[at + k] ?? 0;
    const d = c <= 0x39 ? c - 0x30 : (c | 0x20) - 0x57;
    v = v * 16 + (d >= 0 && d < 16 ? d : 0);
  }
  return v;
}

function isNumberByte(c: number): boolean {
  return (
    (c >= 0x30 && c <= 0x39) || c === 0x2e || c === 0x65 || c === 0x45 || c === 0x2b || c === 0x2d
  );
}
