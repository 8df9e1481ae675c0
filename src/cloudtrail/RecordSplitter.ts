/** How the records sit in the text: which wrapper a part needs to be read like the whole. */
export type SplitLayout = 'envelope' | 'array' | 'lines';

/** A run of whole records cut from a large file, as text that reads on its own. */
export interface RecordPart {
  readonly layout: SplitLayout;
  /** Records in the part. */
  readonly records: number;
  /**
   * The records' bytes exactly as in the file (with the commas or line breaks between them), wrapped
   * as `{"Records":[…]}` or `[…]` when they came from an envelope or an array.
   */
  readonly bytes: Uint8Array<ArrayBuffer>;
}

const OPEN = { envelope: '{"Records":[', array: '[', lines: '' } as const;
const CLOSE = { envelope: ']}', array: ']', lines: '' } as const;

/**
 * Cuts JSON text that arrives in chunks (too large to be one string: V8 strings stop at 512 MB)
 * into parts of whole records, without parsing it: a byte scan that tracks nesting and strings.
 * Records are the elements of a `Records` array one level inside a top-level object (CloudTrail's
 * envelope; several envelopes one after another work too), the elements of a top-level array, or
 * top-level objects (JSON lines, concatenated JSON). A part is emitted at the first record end past
 * `partBytes`, and whenever an envelope or array closes. Bytes outside records (the envelope's other
 * keys) are dropped. UTF-8 needs no decoding here: no byte of a multi-byte character is ASCII.
 * @see https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-log-file-examples.html
 */
export class RecordSplitter {
  private readonly partBytes: number;
  /** Chunks from the first byte of the pending part on; `base` is the offset of chunks[0]. */
  private chunks: Uint8Array[] = [];
  private base = 0;
  private offset = 0;
  private depth = 0;
  private inString = false;
  private escaped = false;
  /** The last string closed at depth 1 and whether a `:` followed it: a key of the top object. */
  private lastKey = '';
  /** Bytes of the string being read when it sits at depth 1 (it may be a key). */
  private keyBytes: number[] | undefined;
  /** Depth at which record values sit, or -1 outside a records container. */
  private recordDepth = -1;
  private layout: SplitLayout | undefined;
  private recordStart = -1;
  private partStart = -1;
  private partEnd = -1;
  private partRecords = 0;
  /** Top-level object start, while it may turn out to be a record itself (JSON lines). */
  private topStart = -1;
  private topHadRecords = false;
  private totalRecords = 0;

  constructor(partBytes: number) {
    this.partBytes = partBytes;
  }

  /** Records seen complete so far. */
  get records(): number {
    return this.totalRecords;
  }

  /** Bytes held for the pending part and record: bounded by partBytes plus one record and a chunk. */
  get heldBytes(): number {
    return this.chunks.reduce((n, c) => n + c.length, 0);
  }

  /** True while the text stopped inside a value: the file was cut short. */
  get truncated(): boolean {
    return this.depth > 0 || this.inString;
  }

  /** Feeds the next chunk; returns the parts completed by it, in order. */
  push(chunk: Uint8Array): RecordPart[] {
    const parts: RecordPart[] = [];
    this.chunks.push(chunk);
    const at = this.offset;
    let i = 0;
    while (i < chunk.length) {
      if (this.inString) {
        i = this.skipString(chunk, i);
        continue;
      }
      const b = chunk[i] ?? 0;
      if (b === 0x22) {
        this.inString = true;
        this.lastKey = '';
        this.keyBytes = this.depth === 1 ? [] : undefined;
      } else if (b === 0x3a) {
        if (this.depth === 1 && this.keyBytes !== undefined) {
          this.lastKey = String.fromCharCode(...this.keyBytes.slice(0, 16));
        }
      } else if (b === 0x7b || b === 0x5b) {
        this.open(b, at + i, parts);
      } else if (b === 0x7d || b === 0x5d) {
        this.close(at + i + 1, parts);
      }
      i++;
    }
    this.offset += chunk.length;
    this.trim();
    return parts;
  }

  /**
   * Moves past string content from `i`: to the byte after the closing quote, or to the chunk's end.
   * Strings are most of the bytes, so the closing quote is found natively (indexOf), then checked
   * for an escaping backslash run.
   */
  private skipString(chunk: Uint8Array, i: number): number {
    if (this.escaped) {
      this.escaped = false;
      this.keyBytes?.push(chunk[i] ?? 0);
      return i + 1;
    }
    let from = i;
    for (;;) {
      const q = chunk.indexOf(0x22, from);
      const stop = q < 0 ? chunk.length : q;
      let k = stop - 1;
      while (k >= i && chunk[k] === 0x5c) k--;
      const odd = (stop - 1 - k) % 2 === 1;
      if (q < 0) {
        this.escaped = odd;
        this.collectKey(chunk, i, chunk.length);
        return chunk.length;
      }
      if (!odd) {
        this.collectKey(chunk, i, q);
        this.inString = false;
        return q + 1;
      }
      from = q + 1;
    }
  }

  private collectKey(chunk: Uint8Array, from: number, to: number): void {
    if (this.keyBytes === undefined) return;
    // Keys of interest are short: a long string at depth 1 is a value, never "Records".
    for (let j = from; j < to && this.keyBytes.length < 16; j++) this.keyBytes.push(chunk[j] ?? 0);
  }

  private close(end: number, parts: RecordPart[]): void {
    this.depth--;
    if (this.recordDepth >= 0 && this.depth === this.recordDepth && this.recordStart >= 0) {
      this.endRecord(end, parts);
    } else if (this.recordDepth >= 0 && this.depth === this.recordDepth - 1) {
      // The records' array closed: its part must not run into what follows.
      this.recordDepth = -1;
      this.flush(parts);
    } else if (this.depth === 0 && this.topStart >= 0) {
      if (!this.topHadRecords) {
        if (this.layout !== 'lines') this.flush(parts);
        this.layout = 'lines';
        this.recordStart = this.topStart;
        this.endRecord(end, parts);
      }
      this.topStart = -1;
    }
  }

  /** Ends the text: the last part, if any records are pending. */
  end(): RecordPart[] {
    const parts: RecordPart[] = [];
    this.flush(parts);
    return parts;
  }

  private open(b: number, pos: number, parts: RecordPart[]): void {
    if (this.depth === 0 && b === 0x5b) {
      if (this.layout !== 'array') this.flush(parts);
      this.layout = 'array';
      this.recordDepth = 1;
    } else if (this.depth === 0) {
      this.topStart = pos;
      this.topHadRecords = false;
    } else if (this.depth === 1 && b === 0x5b && this.lastKey === 'Records' && this.topStart >= 0) {
      if (this.layout !== 'envelope') this.flush(parts);
      this.layout = 'envelope';
      this.recordDepth = 2;
      this.topHadRecords = true;
    }
    if (this.recordDepth >= 0 && this.depth === this.recordDepth) this.recordStart = pos;
    this.depth++;
    this.lastKey = '';
  }

  private endRecord(end: number, parts: RecordPart[]): void {
    if (this.partStart < 0) this.partStart = this.recordStart;
    this.partEnd = end;
    this.partRecords++;
    this.totalRecords++;
    this.recordStart = -1;
    if (this.partEnd - this.partStart >= this.partBytes) this.flush(parts);
  }

  private flush(parts: RecordPart[]): void {
    if (this.partRecords === 0 || this.layout === undefined) return;
    const layout = this.layout;
    const open = new TextEncoder().encode(OPEN[layout]);
    const close = new TextEncoder().encode(CLOSE[layout]);
    const length = this.partEnd - this.partStart;
    const bytes = new Uint8Array(open.length + length + close.length);
    bytes.set(open, 0);
    let written = open.length;
    let chunkAt = this.base;
    for (const c of this.chunks) {
      const from = Math.max(this.partStart, chunkAt);
      const to = Math.min(this.partEnd, chunkAt + c.length);
      if (to > from) {
        bytes.set(c.subarray(from - chunkAt, to - chunkAt), written);
        written += to - from;
      }
      chunkAt += c.length;
    }
    bytes.set(close, written);
    parts.push({ layout, records: this.partRecords, bytes });
    this.partStart = -1;
    this.partEnd = -1;
    this.partRecords = 0;
  }

  /** Drops chunks no pending part, record or top-level value can still need. */
  private trim(): void {
    // An envelope's own start is not kept: only its records are cut out of it.
    const top = this.topHadRecords ? -1 : this.topStart;
    const keep = [this.partStart, this.recordStart, top].filter((p) => p >= 0);
    const from = keep.length === 0 ? this.offset : Math.min(...keep);
    while (this.chunks.length > 0) {
      const first = this.chunks[0];
      if (first === undefined || this.base + first.length > from) break;
      this.base += first.length;
      this.chunks.shift();
    }
  }
}
