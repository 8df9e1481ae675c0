import type { Annotation } from './Annotation';
import { isBlank } from './Annotation';
import type { EventIndex } from './EventIndex';
import { ROW_FLAG } from './types';

const FILE_KEY = /^file:([0-9a-f]{64})#(\d+)$/;

/**
 * The key an event's annotation is stored under: its eventID when it has one (stable across
 * re-ingests, re-deliveries and cases), otherwise `file:<SHA-256 of its stored file>#<record index>`
 * (the same bytes always decode to the same records, docs/architecture.md). Two different records
 * claiming one eventID (a conflict) share its annotation.
 */
export function annotationKey(eventID: string, sha256: string, recordIndex: number): string {
  return eventID !== '' ? eventID : `file:${sha256}#${recordIndex}`;
}

/** One tag in use and how many annotated events carry it. */
export interface TagCount {
  readonly tag: string;
  readonly count: number;
}

/**
 * The annotations in the ingest worker's memory, beside the event index, so searches (`tag:`,
 * `bookmarked:`) and table rows read them without IndexedDB. `version` changes with every change,
 * so a search result computed before is known stale. The row map is rebuilt when the index grows
 * or an annotation changes: an eventID key resolves through the index's eventID table; file keys
 * need one pass over the rows without an eventID, made only when such keys exist.
 */
export class AnnotationIndex {
  private readonly byKey = new Map<string, Annotation>();
  private readonly fileIdBySha = new Map<string, number>();
  private readonly shaByFileId = new Map<number, string>();
  private changes = 0;
  private cache: { size: number; version: number; rows: Map<number, Annotation> } | undefined;

  constructor(annotations: readonly Annotation[] = []) {
    for (const a of annotations) this.byKey.set(a.key, a);
  }

  /** Changes so far: equal versions mean the same annotations. */
  get version(): number {
    return this.changes;
  }

  /** Makes a stored file's events resolvable by file key. */
  addFile(fileId: number, sha256: string): void {
    this.fileIdBySha.set(sha256, fileId);
    this.shaByFileId.set(fileId, sha256);
    if (this.cache !== undefined) this.cache = undefined;
  }

  /** The key of `row`'s annotation (see annotationKey). */
  keyOf(index: EventIndex, row: number): string {
    const fileId = index.fileId.data[row] ?? 0;
    const recordIndex = index.recordIndex.data[row] ?? 0;
    return annotationKey(index.eventId(row), this.shaByFileId.get(fileId) ?? '', recordIndex);
  }

  /** Number of annotated events. */
  get size(): number {
    return this.byKey.size;
  }

  get(key: string): Annotation | undefined {
    return this.byKey.get(key);
  }

  /** Every annotation, in no particular order. */
  all(): Annotation[] {
    return [...this.byKey.values()];
  }

  /** Replaces (or, when it marks nothing, removes) the annotation under `a.key`. */
  set(a: Annotation): void {
    if (isBlank(a)) this.byKey.delete(a.key);
    else this.byKey.set(a.key, a);
    this.changes++;
  }

  /** The tags in use, most used first, then alphabetically. */
  tags(): TagCount[] {
    const counts = new Map<string, TagCount>();
    for (const a of this.byKey.values()) {
      for (const tag of a.tags) {
        const lower = tag.toLowerCase();
        counts.set(lower, {
          tag: counts.get(lower)?.tag ?? tag,
          count: (counts.get(lower)?.count ?? 0) + 1,
        });
      }
    }
    return [...counts.values()].sort((a, b) =>
      b.count !== a.count ? b.count - a.count : a.tag.localeCompare(b.tag),
    );
  }

  /** Row → its annotation, for the rows of `index` that have one. */
  rows(index: EventIndex): ReadonlyMap<number, Annotation> {
    const c = this.cache;
    if (c !== undefined && c.size === index.size && c.version === this.changes) return c.rows;
    const rows = new Map<number, Annotation>();
    const byPosition = new Map<string, Annotation>();
    for (const a of this.byKey.values()) {
      const m = FILE_KEY.exec(a.key);
      const fileId = m === null ? undefined : this.fileIdBySha.get(m[1] ?? '');
      if (m !== null) {
        if (fileId !== undefined) byPosition.set(`${fileId}#${m[2] ?? ''}`, a);
      } else {
        for (const row of index.rowsWithEventId(a.key)) rows.set(row, a);
      }
    }
    if (byPosition.size > 0) {
      const flags = index.flags.data;
      for (let row = 0; row < index.size; row++) {
        if (((flags[row] ?? 0) & ROW_FLAG.noEventId) === 0) continue;
        const a = byPosition.get(
          `${index.fileId.data[row] ?? 0}#${index.recordIndex.data[row] ?? 0}`,
        );
        if (a !== undefined) rows.set(row, a);
      }
    }
    this.cache = { size: index.size, version: this.changes, rows };
    return rows;
  }
}
