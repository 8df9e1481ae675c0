/**
 * Counts of (a, b) id pairs: pair p is `a[p]`, `b[p]` with `count[p]` events between `min[p]` and
 * `max[p]` (ms).
 */
export interface Pairs {
  readonly length: number;
  readonly a: Uint32Array;
  readonly b: Uint32Array;
  readonly count: Uint32Array;
  readonly min: Float64Array;
  readonly max: Float64Array;
}

/**
 * Pairs counted in an open-addressing hash over typed arrays, so counting a million events costs
 * one probe each and no allocation per event; pairs are numbered in the order they were first met.
 */
export class PairTable implements Pairs {
  length = 0;
  a = new Uint32Array(1024);
  b = new Uint32Array(1024);
  count = new Uint32Array(1024);
  min = new Float64Array(1024);
  max = new Float64Array(1024);
  /** Slot → pair + 1 (0: empty). */
  private slots = new Uint32Array(4096);
  private mask = 4095;

  /** Counts one event at time `t` under pair (a, b). */
  add(a: number, b: number, t: number): void {
    const slots = this.slots;
    const mask = this.mask;
    let s = (Math.imul(a, 0x9e3779b1) ^ Math.imul(b + 1, 0x85ebca77)) & mask;
    for (;;) {
      const v = slots[s] ?? 0;
      if (v === 0) break;
      const p = v - 1;
      if (this.a[p] === a && this.b[p] === b) {
        this.count[p] = (this.count[p] ?? 0) + 1;
        if (t < (this.min[p] ?? 0)) this.min[p] = t;
        if (t > (this.max[p] ?? 0)) this.max[p] = t;
        return;
      }
      s = (s + 1) & mask;
    }
    const p = this.length++;
    if (p === this.a.length) this.growPairs();
    this.a[p] = a;
    this.b[p] = b;
    this.count[p] = 1;
    this.min[p] = t;
    this.max[p] = t;
    slots[s] = p + 1;
    // Keep the table at most half full, so a probe ends after a slot or two.
    if (this.length * 2 > slots.length) this.rehash();
  }

  private rehash(): void {
    const size = this.slots.length * 2;
    const slots = new Uint32Array(size);
    const mask = size - 1;
    for (let p = 0; p < this.length; p++) {
      let s =
        (Math.imul(this.a[p] ?? 0, 0x9e3779b1) ^ Math.imul((this.b[p] ?? 0) + 1, 0x85ebca77)) &
        mask;
      while ((slots[s] ?? 0) !== 0) s = (s + 1) & mask;
      slots[s] = p + 1;
    }
    this.slots = slots;
    this.mask = mask;
  }

  private growPairs(): void {
    const size = this.a.length * 2;
    const grow = <T extends Uint32Array | Float64Array>(old: T, make: (n: number) => T): T => {
      const next = make(size);
      next.set(old);
      return next;
    };
    this.a = grow(this.a, (n) => new Uint32Array(n));
    this.b = grow(this.b, (n) => new Uint32Array(n));
    this.count = grow(this.count, (n) => new Uint32Array(n));
    this.min = grow(this.min, (n) => new Float64Array(n));
    this.max = grow(this.max, (n) => new Float64Array(n));
  }
}
