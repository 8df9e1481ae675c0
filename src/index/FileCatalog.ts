import type { FileKind } from '../cloudtrail/types';

/** A stored file as the file filter and the sources tree need it. */
export interface CatalogFile {
  readonly fileId: number;
  /** Path as dropped (db/types.ts, FileMeta.path). */
  readonly path: string;
  readonly kind: FileKind;
}

/** Match tables kept per catalog version: a query re-run or paged re-uses its table. */
const CACHED_TABLES = 8;

/**
 * The stored files' paths by fileId, kept in the ingest worker beside the event index so that a
 * `file:` clause resolves to fileIds without reading IndexedDB. Filled from the `files` store at load
 * and as an ingest stages each file; `version` changes with every change, so results computed from an
 * older catalog can be told stale.
 */
export class FileCatalog {
  private readonly files = new Map<number, CatalogFile>();
  private readonly tables = new Map<string, Uint8Array>();
  private maxFileId = 0;
  private changes = 0;

  constructor(metas: readonly CatalogFile[] = []) {
    for (const m of metas) this.add(m);
  }

  /** Changes so far: equal versions mean the same files. */
  get version(): number {
    return this.changes;
  }

  /** Number of files. */
  get size(): number {
    return this.files.size;
  }

  /** Adds (or replaces) a file. */
  add(meta: CatalogFile): void {
    this.files.set(meta.fileId, { fileId: meta.fileId, path: meta.path, kind: meta.kind });
    this.maxFileId = Math.max(this.maxFileId, meta.fileId);
    this.changed();
  }

  /** Forgets files with an id ≥ `nextFileId` (staged by an ingest whose store then failed). */
  trim(nextFileId: number): void {
    let removed = false;
    for (const id of this.files.keys()) {
      if (id >= nextFileId) removed = this.files.delete(id) || removed;
    }
    if (removed) this.changed();
  }

  get(fileId: number): CatalogFile | undefined {
    return this.files.get(fileId);
  }

  /** Every file, in the order they were added (fileId order at load). */
  list(): IterableIterator<CatalogFile> {
    return this.files.values();
  }

  /**
   * A 0/1 table indexed by fileId: 1 for files whose path `match` accepts. `key` names the test (the
   * clause's values) so that the same query re-run needs no pass over the paths (≈1 µs per file).
   */
  matchTable(key: string, match: (path: string) => boolean): Uint8Array {
    const hit = this.tables.get(key);
    if (hit !== undefined) return hit;
    const table = new Uint8Array(this.maxFileId + 1);
    for (const f of this.files.values()) table[f.fileId] = match(f.path) ? 1 : 0;
    if (this.tables.size >= CACHED_TABLES) {
      const oldest = this.tables.keys().next();
      if (oldest.done !== true) this.tables.delete(oldest.value);
    }
    this.tables.set(key, table);
    return table;
  }

  private changed(): void {
    this.changes++;
    this.tables.clear();
  }
}
