/** Elements past which a column grows by a quarter, not double. */
const LARGE = 4 << 20;

/** The typed arrays the index is made of. */
export type NumericArray = Uint8Array | Uint16Array | Uint32Array | Float64Array;

/**
 * A typed array that doubles its capacity as values are appended. `data` may be longer than `length`;
 * only `[0, length)` is meaningful. Growth copies, so callers re-read `data` after `push`.
 */
export class GrowableArray<T extends NumericArray> {
  data: T;
  length: number;

  /** `make(n)` allocates an array of capacity n; `initial` adopts existing values (e.g. a stored column). */
  private readonly make: (capacity: number) => T;

  constructor(make: (capacity: number) => T, initial?: T) {
    this.make = make;
    this.data = initial ?? make(1024);
    this.length = initial?.length ?? 0;
  }

  push(value: number): void {
    if (this.length === this.data.length) this.reserve(this.length * 2);
    this.data[this.length++] = value;
  }

  reserve(capacity: number): void {
    if (capacity <= this.data.length) return;
    // Doubling leaves up to half a large column unused (10M rows in room for 16.7M): past 4M
    // elements grow by a quarter, which copies a little more often and wastes at most a fifth.
    const size = this.data.length;
    const grown = size < LARGE ? size * 2 : Math.ceil(size * 1.25);
    const next = this.make(Math.max(capacity, grown, 1024));
    next.set(this.data);
    this.data = next;
  }

  /** Appends many values at once (one capacity check, one native copy). */
  pushAll(values: ArrayLike<number>): void {
    this.reserve(this.length + values.length);
    this.data.set(values, this.length);
    this.length += values.length;
  }

  /** A right-sized copy, for persisting. */
  toArray(): T {
    return this.data.slice(0, this.length) as T;
  }
}

/**
 * A column of dictionary codes: Uint16 while the dictionary is small (most lookup attributes have a few
 * hundred values), widened to Uint32 the first time a code passes 65,535.
 */
export class CodeColumn {
  private inner: GrowableArray<Uint16Array> | GrowableArray<Uint32Array>;

  constructor(initial?: Uint16Array | Uint32Array) {
    this.inner =
      initial instanceof Uint32Array
        ? new GrowableArray((n) => new Uint32Array(n), initial)
        : new GrowableArray((n) => new Uint16Array(n), initial);
  }

  get data(): Uint16Array | Uint32Array {
    return this.inner.data;
  }

  get length(): number {
    return this.inner.length;
  }

  push(code: number): void {
    if (code > 0xffff) this.widen();
    this.inner.push(code);
  }

  /** Appends many codes at once; `max` is the largest of them. */
  pushAll(codes: Uint32Array, max: number): void {
    if (max > 0xffff) this.widen();
    this.inner.pushAll(codes);
  }

  private widen(): void {
    if (!(this.inner.data instanceof Uint16Array)) return;
    const wide = new Uint32Array(this.inner.data.length);
    wide.set(this.inner.data);
    const grown = new GrowableArray((n) => new Uint32Array(n), wide);
    grown.length = this.inner.length;
    this.inner = grown;
  }

  toArray(): Uint16Array | Uint32Array {
    return this.inner.toArray();
  }

  /** Drops values past `length` (rollback of an append that was not stored). */
  truncate(length: number): void {
    this.inner.length = Math.min(this.inner.length, length);
  }
}
