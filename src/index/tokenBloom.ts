/**
 * Per-file token Bloom filters: at ingest every word of a file's JSON text (runs of ASCII letters and
 * digits, lower-cased; keys, values, numbers), and every pair of words joined by one separator, is
 * hashed into a bit set, so a search for a word can skip, without reading it, every file that cannot
 * hold it. No false negatives.
 *
 * Sizing: one distinct word or pair per 50 bytes of JSON, 6.2 bits each (≈5 % false positives with 4
 * probes, if the estimate holds): 1 bit per ≈8 bytes, so ≈20 B per event on trail files (≈1.3 kB of
 * JSON each), and 52 bytes at least. Measured on the 57 trail files of public/sample (2–394 events):
 * from 100 kB of JSON up, a file holds one distinct word or pair per ≈49 bytes, so ≈6 bits each and
 * ≈6 % false positives per word; smaller files repeat the same keys in fewer bytes, so fewer bits per
 * word: ≈13 % false positives from 20 to 100 kB, ≈43 % under 20 kB. Queries of several words
 * multiply them away.
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

/** Byte classes for the scanner: 0 separates words, 1 continues one, 2 is `"`, 3 is `\\`. */
const CLASS = new Uint8Array(256);
/** ASCII upper case to lower case; every other byte to itself. */
const LOWER = new Uint8Array(256);
for (let c = 0; c < 256; c++) {
  CLASS[c] = isWordCode(c) ? 1 : c === 0x22 ? 2 : c === 0x5c ? 3 : 0;
  LOWER[c] = c >= 0x41 && c <= 0x5a ? c | 0x20 : c;
}

/**
 * Builds the filter of a file from its inflated JSON bytes (UTF-8): one pass over the bytes with a
 * byte-class table, and a small cache of recent words so the keys every record repeats are hashed
 * into the filter once.
 */
export function buildTokenBloom(json: Uint8Array): Uint32Array {
  const words = Math.max(64, Math.ceil(json.length / 50));
  const bits = new Uint32Array(Math.ceil((words * 6.2) / 32));
  const m = bits.length * 32;
  const recent = new Int32Array(2048);
  let h = FNV_OFFSET;
  let len = 0;
  let prev = 0;
  let inString = false;
  let numberEnd = 0;
  const n = json.length;
  const flush = () => {
    const slot = h & 2047;
    // The cache starts zeroed, so a hash of 0 is always inserted.
    if (recent[slot] !== h || h === 0) {
      recent[slot] = h;
      set(bits, m, h >>> 0);
    }
    // Two words joined by one separator (`10.0`, `prod-invoices`, `role/admin`) go in too: numbers
    // and short words alone rule out little, pairs of them a lot.
    if (prev !== 0) {
      const pair = pairHash(prev, h);
      const pslot = pair & 2047;
      if (recent[pslot] !== pair || pair === 0) {
        recent[pslot] = pair;
        set(bits, m, pair >>> 0);
      }
    }
  };
  for (let i = 0; i < n; i++) {
    let c = json[i] ?? 0;
    let k = CLASS[c] ?? 0;
    if (k === 3) {
      // A JSON escape: \uXXXX stands for its character; \n, \", \/ and the rest separate words.
      const e = json[i + 1] ?? 0;
      if (e === 0x75) {
        c = hex4(json, i + 2);
        i += 5;
        k = isWordCode(c) ? 1 : 0;
        c = c < 256 ? (LOWER[c] ?? c) : c & 0xff;
      } else {
        i += 1;
        k = 0;
      }
    }
    if (k === 1) {
      if (len === 0 && !inString && i >= numberEnd && c >= 0x30 && c <= 0x39) {
        numberEnd = numberWords(json, i, bits, m);
      }
      h = Math.imul(h ^ (LOWER[c] ?? c), FNV_PRIME);
      len++;
      continue;
    }
    if (len > 0) {
      flush();
      // A pair forms only across exactly one separator byte.
      prev = k === 0 && CLASS[json[i + 1] ?? 0] === 1 ? h : 0;
      h = FNV_OFFSET;
      len = 0;
    } else {
      prev = 0;
    }
    if (k === 2) inString = !inString;
  }
  if (len > 0) flush();
  return bits;
}

/**
 * A number literal outside strings starting at `start`: searches see it as JavaScript prints it
 * (1.688560107857E9 is 1688560107.857), so that spelling's words go in too. Returns its end.
 */
function numberWords(json: Uint8Array, start: number, bits: Uint32Array, m: number): number {
  let end = start;
  let plain = true;
  for (; end < json.length; end++) {
    const c = json[end] ?? 0;
    if (c >= 0x30 && c <= 0x39) continue;
    if (c === 0x2e || c === 0x65 || c === 0x45 || c === 0x2b || c === 0x2d) plain = false;
    else break;
  }
  if (!plain) {
    const literal = String.fromCharCode(...json.subarray(start, end));
    for (const w of wordHashes(String(Number(literal)), false, false)) set(bits, m, w);
  }
  return end;
}

/**
 * The hashes a search can check for `text`: its whole ASCII words, lower-cased, and each pair of
 * adjacent whole words joined by one separator, hashed as buildTokenBloom does. A word with a
 * non-ASCII character is left out (the filter does not fold non-ASCII case), and so is an edge word
 * that may be only part of a word in the data (`partialStart` / `partialEnd`).
 */
export function wordHashes(text: string, partialStart: boolean, partialEnd: boolean): number[] {
  const out: number[] = [];
  const lower = text.toLowerCase();
  let h = FNV_OFFSET;
  let start = -1;
  let ascii = true;
  // The previous whole word's hash when it ended exactly one separator before here, else 0.
  let prev = 0;
  let prevEnd = -2;
  for (let i = 0; i <= lower.length; i++) {
    const c = i < lower.length ? lower.charCodeAt(i) : 0x20;
    if (isWordCode(c)) {
      if (start < 0) start = i;
      if (c >= 0x80) ascii = false;
      h = Math.imul(h ^ c, FNV_PRIME);
    } else if (start >= 0) {
      const partial = (partialStart && start === 0) || (partialEnd && i === lower.length);
      const whole = ascii && !partial;
      if (whole) {
        out.push(h >>> 0);
        if (prev !== 0 && prevEnd === start - 1) out.push(pairHash(prev, h) >>> 0);
      }
      prev = whole ? h : 0;
      prevEnd = i;
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

/** The hash of two adjacent words; order matters, and a word repeated (`8.8`) is not 0. */
function pairHash(first: number, second: number): number {
  return Math.imul(Math.imul(first, 0x9e3779b1) ^ second, FNV_PRIME) | 0;
}
