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
 * An open-addressing multimap eventID → rows, over Int32Array slots (row + 1; 0 = empty). It holds
 * every row, so rows that share an eventID (conflicts) are all found. ≈8–16 bytes per event, built
 * lazily: a dataset that is only read never pays for it.
 */
export class EventIdTable {
  private slots = new Int32Array(1024);
  private used = 0;
  private readonly probe = new Uint32Array(4);

  private readonly source: EventIdSource;

  constructor(source: EventIdSource) {
    this.source = source;
  }

  add(row: number): void {
    if (this.source.hasNoId(row)) return;
    if ((this.used + 1) * 2 > this.slots.length) this.grow();
    this.insert(row, this.rowHash(row));
  }

  /** Every row whose eventID equals `id` ('' finds nothing). */
  find(id: string): number[] {
    if (id === '') return [];
    if (packEventId(id, this.probe, 0)) return this.findWords(this.probe, 0);
    return this.scan(hashString(id), (row) => this.source.idText.get(row) === id);
  }

  /** Every row whose packed UUID eventID equals `words[at…at+3]`. Hot: no closures, no allocation on a miss. */
  findWords(words: Uint32Array, at: number): number[] {
    const w = this.source.idWords();
    const a = words[at];
    const b = words[at + 1];
    const c = words[at + 2];
    const d = words[at + 3];
    const mask = this.slots.length - 1;
    let rows: number[] | undefined;
    for (let s = hashWords(words, at) & mask; ; s = (s + 1) & mask) {
      const v = this.slots[s] ?? 0;
      if (v === 0) return rows ?? NONE;
      const r = (v - 1) * 4;
      if (
        w[r] === a &&
        w[r + 1] === b &&
        w[r + 2] === c &&
        w[r + 3] === d &&
        this.isPacked(v - 1)
      ) {
        (rows ??= []).push(v - 1);
      }
    }
  }

  private scan(hash: number, matches: (row: number) => boolean): number[] {
    const mask = this.slots.length - 1;
    const rows: number[] = [];
    for (let s = hash & mask; ; s = (s + 1) & mask) {
      const v = this.slots[s] ?? 0;
      if (v === 0) return rows;
      if (matches(v - 1)) rows.push(v - 1);
    }
  }

  private isPacked(row: number): boolean {
    return !this.source.idText.has(row) && !this.source.hasNoId(row);
  }

  /** Approximate bytes held. */
  get bytes(): number {
    return this.slots.byteLength;
  }

  private rowHash(row: number): number {
    const text = this.source.idText.get(row);
    return text === undefined ? hashWords(this.source.idWords(), row * 4) : hashString(text);
  }

  private insert(row: number, hash: number): void {
    const mask = this.slots.length - 1;
    let s = hash & mask;
    while ((this.slots[s] ?? 0) !== 0) s = (s + 1) & mask;
    this.slots[s] = row + 1;
    this.used++;
  }

  private grow(): void {
    const old = this.slots;
    this.slots = new Int32Array(old.length * 2);
    this.used = 0;
    for (const v of old) if (v !== 0) this.insert(v - 1, this.rowHash(v - 1));
  }
}
