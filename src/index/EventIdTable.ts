import { hashString, hashWords, packEventId } from './eventIdKey';

/** Shared empty result: most lookups find nothing. */
const NONE: number[] = [];

/** What the table needs from the index: each row's eventID, packed or as text. */
export interface EventIdSource {
  /** 4 words per row, valid where `idText` has no entry. */
  readonly idWords: () => Uint32Array;
  readonly idText: ReadonlyMap<number, string>;
  /** True when the row has no eventID at all. */
  readonly hasNoId: (row: number) => boolean;
}

/**
 * An open-addressing multimap eventID → rows. A slot (Int32Array, row + 1; 0 = empty) holds the
 * latest row of one distinct eventID, and `before[row]` the row added before it with the same one,
 * so rows sharing an eventID (conflicts) are all found, and a flood of 100k rows under one eventID
 * costs one slot and a chain, not a 100k-slot cluster probed on every add (quadratic). ≈12–20 bytes
 * per event, built lazily: a dataset that is only read never pays for it.
 */
export class EventIdTable {
  private slots = new Int32Array(1024);
  /** Distinct eventIDs held. */
  private used = 0;
  /** Per row: the previous row with its eventID, + 1 (0 = none). */
  private before = new Int32Array(1024);
  private readonly probe = new Uint32Array(4);
  /** Slots visited by adds and lookups since the table was built: work done, for tests. */
  probes = 0;

  private readonly source: EventIdSource;

  constructor(source: EventIdSource) {
    this.source = source;
  }

  /** Adds `row` (rows are added in increasing order). */
  add(row: number): void {
    if (this.source.hasNoId(row)) return;
    if ((this.used + 1) * 2 > this.slots.length) this.grow();
    if (row >= this.before.length) {
      const old = this.before;
      this.before = new Int32Array(Math.max(row + 1, old.length * 2));
      this.before.set(old);
    }
    const s = this.slotOf(row);
    const head = this.slots[s] ?? 0;
    if (head === 0) this.used++;
    this.before[row] = head;
    this.slots[s] = row + 1;
  }

  /** Every row whose eventID equals `id` ('' finds nothing), ascending. */
  find(id: string): number[] {
    if (id === '') return [];
    if (packEventId(id, this.probe, 0)) return this.findWords(this.probe, 0);
    const mask = this.slots.length - 1;
    for (let s = hashString(id) & mask; ; s = (s + 1) & mask) {
      this.probes++;
      const v = this.slots[s] ?? 0;
      if (v === 0) return [];
      if (this.source.idText.get(v - 1) === id) return this.chain(v - 1);
    }
  }

  /** Every row whose packed UUID eventID equals `words[at…at+3]`, ascending. Hot: no allocation on a miss. */
  findWords(words: Uint32Array, at: number): number[] {
    const w = this.source.idWords();
    const a = words[at];
    const b = words[at + 1];
    const c = words[at + 2];
    const d = words[at + 3];
    const mask = this.slots.length - 1;
    for (let s = hashWords(words, at) & mask; ; s = (s + 1) & mask) {
      this.probes++;
      const v = this.slots[s] ?? 0;
      if (v === 0) return NONE;
      const r = (v - 1) * 4;
      if (
        w[r] === a &&
        w[r + 1] === b &&
        w[r + 2] === c &&
        w[r + 3] === d &&
        this.isPacked(v - 1)
      ) {
        return this.chain(v - 1);
      }
    }
  }

  /** `row` and every earlier row with its eventID, ascending. */
  private chain(row: number): number[] {
    const rows: number[] = [];
    for (let v = row + 1; v !== 0; v = this.before[v - 1] ?? 0) rows.push(v - 1);
    return rows.reverse();
  }

  /** The slot of `row`'s eventID: the one holding it, or the empty one where it goes. */
  private slotOf(row: number): number {
    const text = this.source.idText.get(row);
    const words = this.source.idWords();
    const mask = this.slots.length - 1;
    const hash = text === undefined ? hashWords(words, row * 4) : hashString(text);
    for (let s = hash & mask; ; s = (s + 1) & mask) {
      this.probes++;
      const v = this.slots[s] ?? 0;
      if (v === 0) return s;
      const other = v - 1;
      if (text === undefined) {
        const r = other * 4;
        const at = row * 4;
        if (
          words[r] === words[at] &&
          words[r + 1] === words[at + 1] &&
          words[r + 2] === words[at + 2] &&
          words[r + 3] === words[at + 3] &&
          this.isPacked(other)
        )
          return s;
      } else if (this.source.idText.get(other) === text) return s;
    }
  }

  private isPacked(row: number): boolean {
    return !this.source.idText.has(row) && !this.source.hasNoId(row);
  }

  /** Approximate bytes held. */
  get bytes(): number {
    return this.slots.byteLength + this.before.byteLength;
  }

  private rowHash(row: number): number {
    const text = this.source.idText.get(row);
    return text === undefined ? hashWords(this.source.idWords(), row * 4) : hashString(text);
  }

  /** Doubles the slots; each holds a distinct eventID, so they move without comparing. */
  private grow(): void {
    const old = this.slots;
    this.slots = new Int32Array(old.length * 2);
    const mask = this.slots.length - 1;
    for (const v of old) {
      if (v === 0) continue;
      let s = this.rowHash(v - 1) & mask;
      while ((this.slots[s] ?? 0) !== 0) s = (s + 1) & mask;
      this.slots[s] = v;
    }
  }
}
