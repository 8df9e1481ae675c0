/** Cells (bits) past which a dense bitset of (a, b) pairs gives way to a hash: 4 MiB. */
const DENSE_BITS = 1 << 25;

/**
 * Which (a, b) id pairs have been met, and per `a` how many distinct non-zero `b`: a one-field
 * count's distinct column. No count or time per pair, so it stays small: a dense bitset of
 * aSize × bSize bits when that fits in DENSE_BITS (67 calls × 8,000 users is 67 KB, in cache, one
 * bit test per event), else an open-addressing hash of pairs over typed arrays.
 */
export class DistinctPairs {
  /** Per a: distinct non-zero b met with it. */
  readonly distinct: Uint32Array;
  private readonly bSize: number;
  private readonly bits: Uint8Array | undefined;
  private slotsA = new Uint32Array(0);
  private slotsB = new Uint32Array(0);
  private used = 0;

  constructor(aSize: number, bSize: number) {
    this.distinct = new Uint32Array(aSize);
    this.bSize = bSize;
    const cells = aSize * bSize;
    if (cells <= DENSE_BITS) this.bits = new Uint8Array(Math.ceil(cells / 8));
    else {
      // b + 1 is stored, so 0 marks an empty slot.
      this.slotsA = new Uint32Array(4096);
      this.slotsB = new Uint32Array(4096);
    }
  }

  /** Notes pair (a, b); b = 0 ("(none)") is never counted as a distinct value. */
  add(a: number, b: number): void {
    if (b === 0) return;
    const bits = this.bits;
    if (bits !== undefined) {
      const cell = a * this.bSize + b;
      const byte = cell >>> 3;
      const bit = 1 << (cell & 7);
      const was = bits[byte] ?? 0;
      if ((was & bit) !== 0) return;
      bits[byte] = was | bit;
      this.distinct[a] = (this.distinct[a] ?? 0) + 1;
      return;
    }
    const mask = this.slotsA.length - 1;
    let s = (Math.imul(a, 0x9e3779b1) ^ Math.imul(b + 1, 0x85ebca77)) & mask;
    for (;;) {
      const kb = this.slotsB[s] ?? 0;
      if (kb === 0) break;
      if (kb === b + 1 && this.slotsA[s] === a) return;
      s = (s + 1) & mask;
    }
    this.slotsA[s] = a;
    this.slotsB[s] = b + 1;
    this.distinct[a] = (this.distinct[a] ?? 0) + 1;
    if (++this.used * 2 > this.slotsA.length) this.rehash();
  }

  private rehash(): void {
    const oldA = this.slotsA;
    const oldB = this.slotsB;
    const size = oldA.length * 2;
    const mask = size - 1;
    this.slotsA = new Uint32Array(size);
    this.slotsB = new Uint32Array(size);
    for (let i = 0; i < oldA.length; i++) {
      const kb = oldB[i] ?? 0;
      if (kb === 0) continue;
      const a = oldA[i] ?? 0;
      let s = (Math.imul(a, 0x9e3779b1) ^ Math.imul(kb, 0x85ebca77)) & mask;
      while ((this.slotsB[s] ?? 0) !== 0) s = (s + 1) & mask;
      this.slotsA[s] = a;
      this.slotsB[s] = kb;
    }
  }
}
