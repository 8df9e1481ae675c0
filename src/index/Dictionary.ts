/**
 * An append-only string dictionary: each distinct string gets the next integer code, so a column of
 * strings can be held as a typed array of codes. The reverse map is built lazily, because a dataset
 * loaded only for reading never needs it, and it costs ≈50 bytes per distinct string.
 */
export class Dictionary {
  readonly values: string[];
  private lookup: Map<string, number> | undefined;

  constructor(values: string[] = ['']) {
    // Code 0 is always '' so a zero-filled column means "absent".
    this.values = values.length > 0 && values[0] === '' ? values : ['', ...values];
  }

  /** The code of `value`, adding it if new. */
  intern(value: string): number {
    const map = this.map();
    let code = map.get(value);
    if (code === undefined) {
      code = this.values.length;
      this.values.push(value);
      map.set(value, code);
    }
    return code;
  }

  /** The code of `value`, or -1 when it is not in the dictionary. */
  find(value: string): number {
    return this.map().get(value) ?? -1;
  }

  /** The string for `code` ('' for an unknown code). */
  get(code: number): string {
    return this.values[code] ?? '';
  }

  get size(): number {
    return this.values.length;
  }

  /** Approximate heap bytes: V8 one-byte strings cost their length plus a ~16-byte header. */
  estimateBytes(): number {
    let bytes = 0;
    for (const v of this.values) bytes += v.length + 16;
    return bytes + (this.lookup === undefined ? 0 : this.lookup.size * 40);
  }

  private map(): Map<string, number> {
    if (this.lookup === undefined) {
      this.lookup = new Map();
      this.values.forEach((v, i) => this.lookup?.set(v, i));
    }
    return this.lookup;
  }
}
