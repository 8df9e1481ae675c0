import { decodeUtf8, encodeUtf8, hashBytes } from './utf8Bytes';

/**
 * A run of dictionary values packed as UTF-8: value i of the block is
 * `bytes[ends[i-1] ?? 0 … ends[i])`. The unit the dictionary is stored in (indexSegments.ts): a
 * block is at most BLOCK_BYTES (plus one value), so no stored value grows with the case.
 */
export interface DictionaryBlock {
  readonly bytes: Uint8Array;
  readonly ends: Uint32Array;
}

/** A block fills up to this many bytes (4 MiB), then a new one starts. */
export const BLOCK_BYTES = 4 << 20;
/**
 * The codes below this keep their JS string and a `Map` entry once used: the lookup attributes of a
 * trail (names, sources, Regions, most user names and agents) have far fewer values, so they are
 * looked up at `Map` speed. Codes past it are near-unique values (temporary access keys, resource
 * ARNs): they live only as packed bytes, ≈30 bytes each against ≈100 as a heap string in a `Map`.
 */
export const CACHED_CODES = 1 << 16;

interface OpenBlock {
  bytes: Uint8Array;
  used: number;
  ends: Uint32Array;
  count: number;
  /** Every byte < 0x80: byte offsets are string offsets. Undefined until checked (stored blocks). */
  ascii: boolean | undefined;
}

/**
 * An append-only string dictionary: each distinct string gets the next integer code, so a column of
 * strings can be held as a typed array of codes. Code 0 is always '' (a zero-filled column means
 * "absent"). Values are packed into DictionaryBlocks; lookups by value build their tables lazily,
 * since a dataset loaded only for reading never needs them.
 */
export class Dictionary {
  private readonly blocks: OpenBlock[] = [];
  /** The first code of each block. */
  private readonly starts: number[] = [];
  private count = 0;
  private readonly cache: (string | undefined)[] = [];
  /** Approximate heap bytes of the cached strings (≈16-byte header each). */
  private cacheBytes = 0;
  private lookup: Map<string, number> | undefined;
  /** Open addressing over codes ≥ CACHED_CODES: slot = code + 1, 0 = empty. */
  private slots: Int32Array | undefined;
  private slotsUsed = 0;
  /** The byte hash of each code ≥ CACHED_CODES (at code - CACHED_CODES), while `slots` exists. */
  private hashes = new Uint32Array(0);
  private scratch = new Uint8Array(256);

  /** Adopts stored blocks (the last one stays open for appends), or starts with ''. */
  constructor(blocks: readonly DictionaryBlock[] = []) {
    for (const b of blocks) {
      this.starts.push(this.count);
      const used = b.ends[b.ends.length - 1] ?? 0;
      // Whether it is ASCII is checked when first scanned: reopening a case stays a copy.
      this.blocks.push({
        bytes: b.bytes,
        used,
        ends: b.ends,
        count: b.ends.length,
        ascii: undefined,
      });
      this.count += b.ends.length;
    }
    if (this.count === 0) this.append('', 0, 0);
  }

  get size(): number {
    return this.count;
  }

  /** The code of `value`, adding it if new. */
  intern(value: string): number {
    const small = this.map().get(value);
    if (small !== undefined) return small;
    const length = this.encode(value);
    // While every code is small, the map holds them all: a miss is a new value.
    if (this.count <= CACHED_CODES) return this.append(value, length, 0);
    const hash = hashBytes(this.scratch, 0, length);
    const found = this.probe(hash, length);
    return found >= 0 ? found : this.append(value, length, hash);
  }

  /** The code of `value`, or -1 when it is not in the dictionary. */
  find(value: string): number {
    const small = this.map().get(value);
    if (small !== undefined || this.count <= CACHED_CODES) return small ?? -1;
    const length = this.encode(value);
    return this.probe(hashBytes(this.scratch, 0, length), length);
  }

  /** The string for `code` ('' for an unknown code). */
  get(code: number): string {
    const cached = this.cache[code];
    if (cached !== undefined) return cached;
    if (code < 0 || code >= this.count) return '';
    const b = this.blockOf(code);
    const block = this.blocks[b];
    if (block === undefined) return '';
    const i = code - (this.starts[b] ?? 0);
    const value = decodeUtf8(
      block.bytes,
      i === 0 ? 0 : (block.ends[i - 1] ?? 0),
      block.ends[i] ?? 0,
    );
    if (code < CACHED_CODES) this.remember(code, value);
    return value;
  }

  /**
   * Calls `fn` with every value and its code, in code order. A block of ASCII values is decoded in
   * one call and cut into slices: scanning millions of packed values (a filter on a temporary
   * access key) costs about what it would if they were strings. With `from`, only the codes from
   * it on (a dictionary only grows: what a caller saw before is unchanged).
   */
  forEach(fn: (value: string, code: number) => void, from = 0): void {
    this.blocks.forEach((block, b) => {
      const first = this.starts[b] ?? 0;
      if (first + block.count <= from) return;
      block.ascii ??= isAscii(block.bytes, block.used);
      // Decoded only when a value is not cached: a block of cached values (lookup attributes
      // already read) costs no decoding at all.
      let whole: string | undefined;
      let start = 0;
      for (let i = 0; i < block.count; i++) {
        const end = block.ends[i] ?? 0;
        const code = first + i;
        const cached = this.cache[code];
        if (code < from) {
          start = end;
          continue;
        }
        if (cached !== undefined) fn(cached, code);
        else if (block.ascii) {
          whole ??= decodeUtf8(block.bytes, 0, block.used);
          fn(whole.slice(start, end), code);
        } else fn(this.get(code), code);
        start = end;
      }
    });
  }

  /** The blocks as they would be stored: right-sized views, the last one possibly still filling. */
  storedBlocks(): DictionaryBlock[] {
    return this.blocks.map((b) => ({
      bytes: b.bytes.subarray(0, b.used),
      ends: b.ends.subarray(0, b.count),
    }));
  }

  /** Approximate heap bytes: packed bytes, cached strings (≈16-byte header) and lookup tables. */
  estimateBytes(): number {
    let bytes = (this.slots?.byteLength ?? 0) + this.hashes.byteLength;
    bytes += (this.lookup?.size ?? 0) * 40;
    for (const b of this.blocks) bytes += b.bytes.byteLength + b.ends.byteLength;
    return bytes + this.cacheBytes;
  }

  private remember(code: number, value: string): void {
    this.cache[code] = value;
    this.cacheBytes += value.length + 16;
  }

  /** Writes `value` as UTF-8 into the scratch buffer; returns its byte length. */
  private encode(value: string): number {
    if (this.scratch.length < value.length * 3) this.scratch = new Uint8Array(value.length * 3);
    return encodeUtf8(value, this.scratch);
  }

  /** Appends the scratch buffer's first `length` bytes (hashing to `hash`) as the next code. */
  private append(value: string, length: number, hash: number): number {
    let block = this.blocks[this.blocks.length - 1];
    if (block === undefined || block.used + length > BLOCK_BYTES) {
      // A new block starts small and doubles up to BLOCK_BYTES: most dictionaries stay tiny.
      const bytes = new Uint8Array(Math.max(64, length));
      block = { bytes, used: 0, ends: new Uint32Array(8), count: 0, ascii: true };
      this.blocks.push(block);
      this.starts.push(this.count);
    }
    if (block.used + length > block.bytes.length) {
      const grown = new Uint8Array(Math.max(block.used + length, block.bytes.length * 2));
      grown.set(block.bytes.subarray(0, block.used));
      block.bytes = grown;
    }
    if (block.count === block.ends.length) {
      const grown = new Uint32Array(block.ends.length * 2);
      grown.set(block.ends);
      block.ends = grown;
    }
    block.bytes.set(this.scratch.subarray(0, length), block.used);
    block.used += length;
    block.ends[block.count++] = block.used;
    if (length !== value.length) block.ascii = false;
    const code = this.count++;
    if (code < CACHED_CODES) {
      this.remember(code, value);
      this.lookup?.set(value, code);
    } else if (this.slots !== undefined) this.insertSlot(code, hash);
    return code;
  }

  private blockOf(code: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.starts[mid] ?? 0) <= code) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** The code ≥ CACHED_CODES whose bytes are the scratch buffer's first `length`, or -1. */
  private probe(hash: number, length: number): number {
    const slots = this.table();
    const mask = slots.length - 1;
    for (let s = hash & mask; ; s = (s + 1) & mask) {
      const v = slots[s] ?? 0;
      if (v === 0) return -1;
      if (this.hashes[v - 1 - CACHED_CODES] === hash && this.equals(v - 1, length)) return v - 1;
    }
  }

  /** True when `code`'s bytes equal the scratch buffer's first `length` bytes. */
  private equals(code: number, length: number): boolean {
    const b = this.blockOf(code);
    const block = this.blocks[b];
    if (block === undefined) return false;
    const i = code - (this.starts[b] ?? 0);
    const start = i === 0 ? 0 : (block.ends[i - 1] ?? 0);
    if ((block.ends[i] ?? 0) - start !== length) return false;
    for (let k = 0; k < length; k++) if (block.bytes[start + k] !== this.scratch[k]) return false;
    return true;
  }

  private map(): Map<string, number> {
    if (this.lookup === undefined) {
      const map = new Map<string, number>();
      const n = Math.min(this.count, CACHED_CODES);
      for (let code = 0; code < n; code++) map.set(this.get(code), code);
      this.lookup = map;
    }
    return this.lookup;
  }

  private table(): Int32Array {
    if (this.slots === undefined) {
      const n = Math.max(0, this.count - CACHED_CODES);
      this.slots = new Int32Array(2 ** Math.ceil(Math.log2(n * 2 + 1024)));
      this.slotsUsed = 0;
      for (let code = CACHED_CODES; code < this.count; code++)
        this.insertSlot(code, this.hashOf(code));
    }
    return this.slots;
  }

  private insertSlot(code: number, hash: number): void {
    let table = this.slots;
    if (table === undefined) return;
    const at = code - CACHED_CODES;
    if (at >= this.hashes.length) {
      const grown = new Uint32Array(Math.max(1024, at * 2));
      grown.set(this.hashes);
      this.hashes = grown;
    }
    this.hashes[at] = hash;
    if ((this.slotsUsed + 1) * 2 > table.length) {
      const wider = new Int32Array(table.length * 2);
      const mask = wider.length - 1;
      for (const v of table) {
        if (v === 0) continue;
        let s = (this.hashes[v - 1 - CACHED_CODES] ?? 0) & mask;
        while ((wider[s] ?? 0) !== 0) s = (s + 1) & mask;
        wider[s] = v;
      }
      table = wider;
      this.slots = wider;
    }
    const mask = table.length - 1;
    let s = hash & mask;
    while ((table[s] ?? 0) !== 0) s = (s + 1) & mask;
    table[s] = code + 1;
    this.slotsUsed++;
  }

  private hashOf(code: number): number {
    const b = this.blockOf(code);
    const block = this.blocks[b];
    if (block === undefined) return 0;
    const i = code - (this.starts[b] ?? 0);
    return hashBytes(block.bytes, i === 0 ? 0 : (block.ends[i - 1] ?? 0), block.ends[i] ?? 0);
  }
}

function isAscii(bytes: Uint8Array, used: number): boolean {
  for (let i = 0; i < used; i++) if ((bytes[i] ?? 0) >= 0x80) return false;
  return true;
}
