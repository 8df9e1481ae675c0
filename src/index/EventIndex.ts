import { STRING_FIELDS } from '../cloudtrail/types';
import type { StringField } from '../cloudtrail/types';
import { Dictionary } from './Dictionary';
import { hashWords, unpackEventId } from './eventIdKey';
import { EventIdTable } from './EventIdTable';
import { CodeColumn, GrowableArray } from './GrowableArray';
import { NO_CHANGES, mergeChanges } from './IndexParts';
import type { IndexChanges, IndexParts } from './IndexParts';
import { sortRowsByTime } from './sortRowsByTime';
import { ROW_FLAG } from './types';
import type { ChunkOutcome, FileChunk } from './types';

/** A row of a chunk that shares its eventID with stored rows or earlier rows of the same chunk. */
export interface Collision {
  readonly localRow: number;
  /** The eventID's group in the chunk (0, 1, … in order of first appearance): same group, same eventID. */
  readonly group: number;
  /** Stored rows with the same eventID, ascending (one array shared by the group). */
  readonly rows: readonly number[];
  /**
   * Every row of the chunk with the same eventID, ascending, `localRow` among them (one array shared
   * by the group, so a flood of one eventID costs O(n), not O(n²)); those before `localRow` are the
   * earlier ones.
   */
  readonly localRows: readonly number[];
}

/** The decision for a collision: the row (stored or local) it is identical to, or undefined. */
export type CollisionDecision =
  { readonly global: number } | { readonly local: number } | undefined;

/**
 * The in-memory columnar index of every event: one typed-array column per lookup attribute
 * (dictionary-encoded), event time, packed eventID, provenance and resources (CSR). It lives in the
 * worker; rows are append-only, so a row number is a stable event handle until Clear data.
 * Layout and the measurements behind it: docs/architecture.md.
 */
export class EventIndex {
  readonly dicts: Dictionary[];
  readonly cols: CodeColumn[];
  readonly time: GrowableArray<Float64Array>;
  readonly ids: GrowableArray<Uint32Array>;
  readonly idText: Map<number, string>;
  readonly fileId: GrowableArray<Uint32Array>;
  readonly recordIndex: GrowableArray<Uint32Array>;
  readonly flags: GrowableArray<Uint8Array>;
  readonly resOffsets: GrowableArray<Uint32Array>;
  readonly resType: CodeColumn;
  readonly resName: CodeColumn;
  readonly resTypeDict: Dictionary;
  readonly resNameDict: Dictionary;
  /** Temporary accessKeyId → the row of the event that issued it (the credential chain's links). */
  readonly issuedKeys: Map<string, number>;
  /**
   * fileId → the file's word filter (tokenBloom.ts), for free-text search. Built in the background
   * after ingest and stored on their own (cairnDb `blooms`), so not part of the stored index.
   */
  readonly blooms: Map<number, Uint32Array>;
  /** Further sources of re-delivered events: row → [fileId, recordIndex, …]. */
  readonly extraSources: Map<number, number[]>;
  /** Last fileId whose chunk is applied. */
  watermark: number;
  /**
   * Bumped by every append of rows and every rollback: a cache derived from the rows (analysis's
   * issuedKeyRows) is valid while the index and this number are the ones it was built from.
   */
  generation = 0;
  private order: Uint32Array;
  private idTable: EventIdTable | undefined;
  /** Checkpoints of groups applied but not yet stored, oldest first. */
  private journal: Journal[] = [];
  /** Changes to rows that exist already, since takeChanges (what a save must rewrite). */
  private changes: IndexChanges = NO_CHANGES;

  /** An empty index, or one adopting stored parts (their arrays become the index's own). */
  constructor(s?: IndexParts) {
    this.dicts = STRING_FIELDS.map((_, f) => new Dictionary(s?.dicts[f]));
    this.cols = STRING_FIELDS.map((_, f) => new CodeColumn(s?.cols[f]));
    this.time = new GrowableArray((n) => new Float64Array(n), s?.time);
    this.ids = new GrowableArray((n) => new Uint32Array(n), s?.ids);
    this.idText = new Map(s?.idText);
    this.fileId = new GrowableArray((n) => new Uint32Array(n), s?.fileId);
    this.recordIndex = new GrowableArray((n) => new Uint32Array(n), s?.recordIndex);
    this.flags = new GrowableArray((n) => new Uint8Array(n), s?.flags);
    this.resOffsets = new GrowableArray(
      (n) => new Uint32Array(n),
      s?.resOffsets ?? Uint32Array.of(0),
    );
    this.resType = new CodeColumn(s?.resType);
    this.resName = new CodeColumn(s?.resName);
    this.resTypeDict = new Dictionary(s?.resTypeDict);
    this.resNameDict = new Dictionary(s?.resNameDict);
    this.extraSources = new Map(s?.extraSources.map(([row, list]) => [row, list.slice()]));
    this.issuedKeys = new Map(s?.issuedKeys);
    this.blooms = new Map();
    this.watermark = s?.watermark ?? 0;
    this.order = s?.order ?? new Uint32Array(0);
  }

  /** Number of event rows. */
  get size(): number {
    return this.time.length;
  }

  /** The dictionary string of field `field` at `row`. */
  value(field: StringField, row: number): string {
    const f = STRING_FIELDS.indexOf(field);
    return this.dicts[f]?.get(this.cols[f]?.data[row] ?? 0) ?? '';
  }

  /** The eventID text of a row ('' when the record had none). */
  eventId(row: number): string {
    if (((this.flags.data[row] ?? 0) & ROW_FLAG.noEventId) !== 0) return '';
    return this.idText.get(row) ?? unpackEventId(this.ids.data, row * 4);
  }

  /** Rows sharing `eventID`. Builds the eventID table on first use. */
  rowsWithEventId(eventID: string): number[] {
    return this.table().find(eventID);
  }

  /** Slots the eventID table has visited since it was built: its work, which tests bound. */
  get eventIdProbes(): number {
    return this.idTable?.probes ?? 0;
  }

  /** Rows sorted by event time ascending (then row), covering every row. */
  sortedRows(): Uint32Array {
    if (this.order.length !== this.size) {
      const old = this.order;
      this.order = sortRowsByTime(this.time.data, this.size, old);
      // New rows usually sort last: the order before them is unchanged and need not be stored again.
      let same = 0;
      while (same < old.length && old[same] === this.order[same]) same++;
      this.note({ orderFrom: same });
    }
    return this.order;
  }

  /** The changes to existing rows since the last call (indexSegments.ts), and forgets them. */
  takeChanges(): IndexChanges {
    const taken = this.changes;
    this.changes = NO_CHANGES;
    return taken;
  }

  /** Puts back changes taken by a save that then failed: the next save must still write them. */
  restoreChanges(changes: IndexChanges): void {
    this.changes = mergeChanges(this.changes, changes);
  }

  /**
   * Finds the rows of `chunk` whose eventID is already taken, by a stored row or an earlier row of
   * the chunk. Linear in the chunk: rows are grouped by eventID first, and each group looks its
   * eventID up once. Read-only.
   */
  findCollisions(chunk: FileChunk): Collision[] {
    const table = this.table();
    const text = new Map(chunk.idText);
    const w = chunk.idWords;
    // Groups of the chunk's packed IDs: an open-addressing table of each group's first row + 1.
    const local = new Int32Array(2 ** Math.ceil(Math.log2(chunk.count * 2 + 2)));
    const mask = local.length - 1;
    const groupOf = new Int32Array(chunk.count);
    const groupOfText = new Map<string, number>();
    const members: number[][] = [];
    const stored: number[][] = [];
    const out: Collision[] = [];
    for (let row = 0; row < chunk.count; row++) {
      const t = text.get(row);
      if (t === '') continue;
      let group = t === undefined ? -1 : (groupOfText.get(t) ?? -1);
      if (t === undefined) {
        const at = row * 4;
        let s = hashWords(w, at) & mask;
        for (let v = local[s] ?? 0; v !== 0; s = (s + 1) & mask, v = local[s] ?? 0) {
          const e = (v - 1) * 4;
          if (
            w[e] === w[at] &&
            w[e + 1] === w[at + 1] &&
            w[e + 2] === w[at + 2] &&
            w[e + 3] === w[at + 3]
          ) {
            group = groupOf[v - 1] ?? -1;
            break;
          }
        }
        if (group < 0) local[s] = row + 1;
      }
      if (group < 0) {
        group = members.length;
        members.push([]);
        stored.push(t === undefined ? table.findWords(w, row * 4) : table.find(t));
        if (t !== undefined) groupOfText.set(t, group);
      }
      groupOf[row] = group;
      const rows = stored[group] ?? [];
      const localRows = members[group] ?? [];
      if (rows.length > 0 || localRows.length > 0)
        out.push({ localRow: row, group, rows, localRows });
      localRows.push(row);
    }
    return out;
  }

  /**
   * Turns collision decisions into a ChunkOutcome with stored-row numbers, as applyChunk will assign
   * them (rows are appended in order, skipping duplicates). Read-only.
   */
  planChunk(
    chunk: FileChunk,
    decisions: ReadonlyMap<number, CollisionDecision>,
    collisions: readonly Collision[],
  ): ChunkOutcome {
    const globalOf = new Int32Array(chunk.count).fill(-1);
    const duplicates: number[] = [];
    const conflicts: number[] = [];
    const firstOf = new Map(collisions.map((c) => [c.localRow, c] as const));
    let next = this.size;
    for (let i = 0; i < chunk.count; i++) {
      const d = decisions.get(i);
      if (d !== undefined) {
        const target = 'global' in d ? d.global : (globalOf[d.local] ?? -1);
        duplicates.push(i, target);
        globalOf[i] = target;
        continue;
      }
      globalOf[i] = next++;
      const c = firstOf.get(i);
      if (c === undefined) continue;
      const other = c.rows[0] ?? globalOf[c.localRows[0] ?? -1] ?? -1;
      if (other >= 0) conflicts.push(i, other);
    }
    return { duplicates: Uint32Array.from(duplicates), conflicts: Uint32Array.from(conflicts) };
  }

  /**
   * Appends a chunk's rows as planned: column by column, in bulk, since this runs for every event
   * on the ingest worker's critical path. NOTE mutates the index.
   */
  applyChunk(chunk: FileChunk, fileId: number, outcome: ChunkOutcome): void {
    const globalOf = new Uint32Array(chunk.count);
    const isDup = new Uint8Array(chunk.count);
    for (let k = 0; k < outcome.duplicates.length; k += 2) isDup[outcome.duplicates[k] ?? 0] = 1;
    const keep: number[] = [];
    for (let i = 0; i < chunk.count; i++) {
      if (isDup[i] === 0) {
        globalOf[i] = this.size + keep.length;
        keep.push(i);
      }
    }
    this.appendRows(chunk, keep, fileId);
    // After the append: a duplicate may point at a row this same chunk just added.
    for (let k = 0; k < outcome.duplicates.length; k += 2) {
      const local = outcome.duplicates[k] ?? 0;
      const target = outcome.duplicates[k + 1] ?? 0;
      globalOf[local] = target;
      this.addSource(target, fileId, chunk.recordIndex[local] ?? 0);
    }
    for (let k = 0; k < outcome.conflicts.length; k += 2) {
      this.setFlag(globalOf[outcome.conflicts[k] ?? 0] ?? 0, ROW_FLAG.conflict);
      this.setFlag(outcome.conflicts[k + 1] ?? 0, ROW_FLAG.conflict);
    }
    this.watermark = Math.max(this.watermark, fileId);
  }

  /**
   * Starts a checkpoint: changes after it can be undone. Appends are made before their files are
   * stored; if the IndexedDB transaction fails (a full quota), rollback() returns the index to what
   * is stored. Checkpoints nest: a group can be applied while the previous one is being stored.
   */
  begin(): void {
    this.journal.push({
      size: this.size,
      resCount: this.resType.length,
      watermark: this.watermark,
      flags: new Map(),
      sources: new Map(),
    });
  }

  /** Keeps the changes of the oldest open checkpoint (its files are stored). */
  commit(): void {
    this.journal.shift();
  }

  /** Undoes every change since the oldest open checkpoint. */
  rollback(): void {
    const oldest = this.journal[0];
    if (oldest === undefined) return;
    for (const j of this.journal.reverse()) {
      for (const [row, flags] of j.flags) this.flags.data[row] = flags;
      for (const [row, list] of j.sources) {
        if (list === undefined) this.extraSources.delete(row);
        else this.extraSources.set(row, list);
      }
    }
    this.journal = [];
    this.generation++;
    this.note({ sources: true });
    const n = oldest.size;
    for (const c of this.cols) c.truncate(n);
    this.time.length = n;
    this.ids.length = n * 4;
    this.fileId.length = n;
    this.recordIndex.length = n;
    this.flags.length = n;
    this.resOffsets.length = n + 1;
    this.resType.truncate(oldest.resCount);
    this.resName.truncate(oldest.resCount);
    for (const row of [...this.idText.keys()]) if (row >= n) this.idText.delete(row);
    for (const [key, row] of [...this.issuedKeys]) if (row >= n) this.issuedKeys.delete(key);
    this.watermark = oldest.watermark;
    this.order = this.order.length > n ? new Uint32Array(0) : this.order;
    this.idTable = undefined;
  }

  /** Approximate bytes of memory held by the index. */
  estimateBytes(): number {
    let bytes = this.time.data.byteLength + this.ids.data.byteLength + this.fileId.data.byteLength;
    bytes += this.recordIndex.data.byteLength + this.flags.data.byteLength + this.order.byteLength;
    bytes +=
      this.resOffsets.data.byteLength + this.resType.data.byteLength + this.resName.data.byteLength;
    for (const c of this.cols) bytes += c.data.byteLength;
    for (const d of [...this.dicts, this.resTypeDict, this.resNameDict]) bytes += d.estimateBytes();
    bytes += this.issuedKeys.size * 64;
    for (const bloom of this.blooms.values()) bytes += bloom.byteLength + 32;
    bytes += this.idText.size * 80 + this.extraSources.size * 64 + (this.idTable?.bytes ?? 0);
    return bytes;
  }

  private appendRows(chunk: FileChunk, keep: readonly number[], fileId: number): void {
    this.generation++;
    const first = this.size;
    const n = chunk.count;
    const m = keep.length;
    const codes = new Uint32Array(m);
    const src = chunk.codes;
    // Usually nothing was a duplicate: rows are then read in order, without the keep indirection.
    const all = m === n;
    const remap = new Int32Array(chunk.strings.length);
    for (let f = 0; f < STRING_FIELDS.length; f++) {
      const dict = this.dicts[f];
      const column = this.cols[f];
      if (dict === undefined || column === undefined) continue;
      remap.fill(-1);
      const base = f * n;
      let max = 0;
      for (let k = 0; k < m; k++) {
        const local = src[base + (all ? k : (keep[k] ?? 0))] ?? 0;
        let code = remap[local] ?? -1;
        if (code < 0) {
          code = dict.intern(chunk.strings[local] ?? '');
          remap[local] = code;
        }
        codes[k] = code;
        if (code > max) max = code;
      }
      column.pushAll(codes, max);
    }
    const time = new Float64Array(m);
    const recordIndex = new Uint32Array(m);
    const ids = new Uint32Array(m * 4);
    const flags = new Uint8Array(m);
    const text = new Map(chunk.idText);
    const resRemapT = new Int32Array(chunk.strings.length).fill(-1);
    const resRemapN = new Int32Array(chunk.strings.length).fill(-1);
    for (let k = 0; k < m; k++) {
      const i = keep[k] ?? 0;
      const t = chunk.eventTime[i] ?? 0;
      // NaN would break the time sort and every range search: see ROW_FLAG.invalidTime.
      if (Number.isNaN(t)) flags[k] = ROW_FLAG.invalidTime;
      else time[k] = t;
      recordIndex[k] = chunk.recordIndex[i] ?? 0;
      const idText = text.size === 0 ? undefined : text.get(i);
      if (idText === undefined) {
        // Four assignments, not a subarray: this runs for every event.
        const w = chunk.idWords;
        ids[k * 4] = w[i * 4] ?? 0;
        ids[k * 4 + 1] = w[i * 4 + 1] ?? 0;
        ids[k * 4 + 2] = w[i * 4 + 2] ?? 0;
        ids[k * 4 + 3] = w[i * 4 + 3] ?? 0;
      } else if (idText === '') flags[k] = (flags[k] ?? 0) | ROW_FLAG.noEventId;
      else this.idText.set(first + k, idText);
      for (let r = chunk.resOffsets[i] ?? 0; r < (chunk.resOffsets[i + 1] ?? 0); r++) {
        this.resType.push(
          intern(resRemapT, this.resTypeDict, chunk.strings, chunk.resTypes[r] ?? 0),
        );
        this.resName.push(
          intern(resRemapN, this.resNameDict, chunk.strings, chunk.resNames[r] ?? 0),
        );
      }
      this.resOffsets.push(this.resType.length);
    }
    if (chunk.issued !== undefined && chunk.issued.length > 0) {
      const kept = new Map(keep.map((local, k) => [local, first + k] as const));
      for (const [local, key] of chunk.issued) {
        const row = kept.get(local);
        if (row !== undefined && !this.issuedKeys.has(key)) this.issuedKeys.set(key, row);
      }
    }
    this.time.pushAll(time);
    this.recordIndex.pushAll(recordIndex);
    this.ids.pushAll(ids);
    this.flags.pushAll(flags);
    this.fileId.pushAll(new Uint32Array(m).fill(fileId));
    if (this.idTable !== undefined)
      for (let row = first; row < first + m; row++) this.idTable.add(row);
  }

  private addSource(row: number, fileId: number, recordIndex: number): void {
    const j = this.journal.at(-1);
    if (j !== undefined && row < j.size && !j.sources.has(row)) {
      j.sources.set(row, this.extraSources.get(row)?.slice());
    }
    const list = this.extraSources.get(row) ?? [];
    list.push(fileId, recordIndex);
    this.note({ sources: true });
    this.extraSources.set(row, list);
    this.setFlag(row, ROW_FLAG.multiSource);
  }

  private setFlag(row: number, flag: number): void {
    const j = this.journal.at(-1);
    if (j !== undefined && row < j.size && !j.flags.has(row))
      j.flags.set(row, this.flags.data[row] ?? 0);
    this.flags.data[row] = (this.flags.data[row] ?? 0) | flag;
    if (row < this.changes.flagsFrom) this.note({ flagsFrom: row });
  }

  private note(change: Partial<IndexChanges>): void {
    this.changes = mergeChanges(this.changes, { ...NO_CHANGES, ...change });
  }

  private table(): EventIdTable {
    if (this.idTable === undefined) {
      const table = new EventIdTable({
        idWords: () => this.ids.data,
        idText: this.idText,
        hasNoId: (row) => ((this.flags.data[row] ?? 0) & ROW_FLAG.noEventId) !== 0,
      });
      for (let row = 0; row < this.size; row++) table.add(row);
      this.idTable = table;
    }
    return this.idTable;
  }
}

function intern(
  remap: Int32Array,
  dict: Dictionary,
  strings: readonly string[],
  local: number,
): number {
  let code = remap[local] ?? -1;
  if (code < 0) {
    code = dict.intern(strings[local] ?? '');
    remap[local] = code;
  }
  return code;
}

/** What rollback() restores. */
interface Journal {
  readonly size: number;
  readonly resCount: number;
  readonly watermark: number;
  /** Old flags of stored rows that were flagged. */
  readonly flags: Map<number, number>;
  /** Old extra sources of stored rows that gained one (undefined: had none). */
  readonly sources: Map<number, number[] | undefined>;
}
