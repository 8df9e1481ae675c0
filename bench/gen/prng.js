// Seeded pseudo-random numbers for the synthetic data set: xoshiro128** seeded through splitmix32,
// so that every file can be generated from its own seed, in any worker, in any order, and still be
// byte-for-byte the same for a given (events, seed). https://prng.di.unimi.it/xoshiro128starstar.c

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));
const UPPER_ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const LOWER_ALNUM = 'abcdefghijklmnopqrstuvwxyz0123456789';
const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/**
 * Mixes any number of integers into one 32-bit seed (splitmix32 steps).
 * @param {...number} parts
 * @returns {number}
 */
export function mixSeed(...parts) {
  let h = 0x9e3779b9;
  for (const p of parts) {
    h = Math.imul(h ^ (p >>> 0), 0x85ebca6b) + 0x6d2b79f5;
    h ^= h >>> 15;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 13;
  }
  return h >>> 0;
}

/** A seeded generator with the helpers the event builders need. Not cryptographic. */
export class Rng {
  /** @param {number} seed any integer; equal seeds give equal sequences */
  constructor(seed) {
    let s = seed >>> 0;
    const split = () => {
      s = (s + 0x9e3779b9) >>> 0;
      let z = s;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.a = split();
    this.b = split();
    this.c = split();
    this.d = split() | 1;
  }

  /** @returns {number} an unsigned 32-bit integer */
  u32() {
    const r = Math.imul((Math.imul(this.b, 5) << 7) | (Math.imul(this.b, 5) >>> 25), 9);
    const t = this.b << 9;
    this.c ^= this.a;
    this.d ^= this.b;
    this.b ^= this.c;
    this.a ^= this.d;
    this.c ^= t;
    this.d = (this.d << 11) | (this.d >>> 21);
    return r >>> 0;
  }

  /** @returns {number} a float in [0, 1) */
  next() {
    return this.u32() / 4294967296;
  }

  /**
   * @param {number} n exclusive upper bound
   * @returns {number} an integer in [0, n)
   */
  int(n) {
    return Math.floor(this.next() * n);
  }

  /**
   * @param {number} lo inclusive
   * @param {number} hi inclusive
   * @returns {number}
   */
  range(lo, hi) {
    return lo + this.int(hi - lo + 1);
  }

  /**
   * @param {number} p probability of true
   * @returns {boolean}
   */
  chance(p) {
    return this.next() < p;
  }

  /**
   * @template T
   * @param {readonly T[]} arr non-empty
   * @returns {T}
   */
  pick(arr) {
    return arr[this.int(arr.length)];
  }

  /**
   * Skewed pick: low indexes are much more likely (a few busy principals, a long tail).
   * @template T
   * @param {readonly T[]} arr non-empty
   * @param {number} [power] higher = more skew; defaults to 2
   * @returns {T}
   */
  skewed(arr, power = 2) {
    return arr[Math.floor(Math.pow(this.next(), power) * arr.length)];
  }

  /**
   * @param {number} n characters
   * @param {string} alphabet
   * @returns {string}
   */
  chars(n, alphabet) {
    let s = '';
    for (let i = 0; i < n; i++) s += alphabet[this.int(alphabet.length)];
    return s;
  }

  /** @param {number} n @returns {string} */
  upperAlnum(n) {
    return this.chars(n, UPPER_ALNUM);
  }

  /** @param {number} n @returns {string} */
  alnum(n) {
    return this.chars(n, ALNUM);
  }

  /** @param {number} n @returns {string} */
  lowerAlnum(n) {
    return this.chars(n, LOWER_ALNUM);
  }

  /** @param {number} n @returns {string} */
  base64(n) {
    return this.chars(n, B64);
  }

  /** @param {number} bytes @returns {string} lowercase hex of `bytes` random bytes */
  hex(bytes) {
    let s = '';
    for (let i = 0; i < bytes; i += 4) {
      const v = this.u32();
      s += HEX[v & 255] + HEX[(v >>> 8) & 255] + HEX[(v >>> 16) & 255] + HEX[v >>> 24];
    }
    return s.slice(0, bytes * 2);
  }

  /** @returns {string} a random lowercase UUID v4 */
  uuid() {
    const h = this.hex(16);
    const variant = '89ab'[this.int(4)];
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
  }
}

/**
 * Builds a picker over weighted entries.
 * @template T
 * @param {ReadonlyArray<readonly [T, number]>} entries [value, weight] pairs
 * @returns {(rng: Rng) => T}
 */
export function weighted(entries) {
  const total = entries.reduce((s, [, w]) => s + w, 0);
  let acc = 0;
  const cum = entries.map(([, w]) => (acc += w / total));
  return (rng) => {
    const x = rng.next();
    for (let i = 0; i < cum.length; i++) if (x < cum[i]) return entries[i][0];
    return entries[entries.length - 1][0];
  };
}
