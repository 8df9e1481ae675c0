import { hashString, packEventId } from './eventIdKey';

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
    const packed = packEventId(id, this.probe, 0);
    const h = packed ? wordsHash(this.probe, 0) : hashString(id);
    const mask = this.slots.length - 1;
    const rows: number[] = [];
    for (let s = h & mask; ; s = (s + 1) & mask) {
      const v = this.slots[s] ?? 0;
      if (v === 0) return rows;
      const row = v - 1;
      if (packed ? this.wordsEqual(row) : this.source.idText.get(row) === id) rows.push(row);
    }
  }

  /** Approximate bytes held. */
  get bytes(): number {
    return this.slots.byteLength;
  }

  private wordsEqual(row: number): boolean {
    if (this.source.idText.has(row) || this.source.hasNoId(row)) return false;
    const w = this.source.idWords();
    const at = row * 4;
    const p = this.probe;
    return w[at] === p[0] && w[at + 1] === p[1] && w[at + 2] === p[2] && w[at + 3] === p[3];
  }

  private rowHash(row: number): number {
    const text = this.source.idText.get(row);
    return text === undefined ? wordsHash(this.source.idWords(), row * 4) : hashString(text);
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

function wordsHash(w: Uint32Array, at: number): number {
  let h = Math.imul((w[at] ?? 0) ^ 0x9e3779b9, 0x85ebca6b);
  h = Math.imul(h ^ (w[at + 1] ?? 0), 0xc2b2ae35);
  h = Math.imul(h ^ (w[at + 2] ?? 0), 0x27d4eb2f);
  h = Math.imul(h ^ (w[at + 3] ?? 0), 0x165667b1);
  return (h ^ (h >>> 15)) >>> 0;
}
