import { openDB } from 'idb';
import type { IDBPDatabase } from 'idb';
import { decodeChunkBlob } from './chunkBlob';
import { DB_NAME, DB_VERSION, upgradeCairnDb } from './schema';
import type { CairnDb } from './schema';
import type { ChunkOutcome, FileChunk } from '../index/types';
import type { FileMeta, FileReport } from './types';

/** An open Cairn database. */
export type CairnDatabase = IDBPDatabase<CairnDb>;

/**
 * Opens (creating or upgrading) a case's database: `cairn` for the first case, `cairn-case-<id>` for
 * the others (caseRegistry.ts). When another tab deletes the database or opens it at a newer version,
 * this connection closes and `onClosedElsewhere` is told: every later read or write would fail.
 * @throws when IndexedDB is unavailable.
 */
export async function openCairnDb(
  name: string = DB_NAME,
  onClosedElsewhere?: () => void,
): Promise<CairnDatabase> {
  const db: CairnDatabase = await openDB<CairnDb>(name, DB_VERSION, {
    upgrade: (d, oldVersion) => upgradeCairnDb(d, oldVersion),
    // Close rather than block the other tab: a blocked deletion would complete only when this tab
    // closes, after anything stored meanwhile.
    blocking: () => {
      db.close();
      onClosedElsewhere?.();
    },
  });
  return db;
}

/** What one stored file consists of. */
export interface FileCommit {
  readonly meta: FileMeta;
  readonly bytes: Uint8Array<ArrayBuffer>;
  /**
   * The same bytes as the dropped Blob, stored instead of `bytes` when given: putting a Blob costs
   * the writer ≈0.1 ms against ≈2.4 ms for a 430 kB array, since IndexedDB copies it outside the page
   * (docs/architecture.md).
   */
  readonly original?: Blob;
}

/**
 * Stores files (each: meta and bytes) in one transaction: all or nothing. Grouping files saves a
 * transaction round trip per file. Their index rows are not stored: the index saved after the
 * run holds them (IndexStore), and a run cut short is parsed again at the next load (replayStoredFiles), since
 * storing each file's chunk cost the ingest about 10% (docs/architecture.md).
 * @throws DOMException `QuotaExceededError` when the disk quota is full (nothing is written).
 */
export async function commitFiles(
  db: CairnDatabase,
  commits: readonly FileCommit[],
): Promise<void> {
  if (commits.length === 0) return;
  const tx = db.transaction(['files', 'fileBytes'], 'readwrite', {
    durability: 'relaxed',
  });
  const writes: Promise<unknown>[] = [];
  for (const commit of commits) {
    writes.push(tx.objectStore('files').put(commit.meta));
    writes.push(
      tx.objectStore('fileBytes').put(commit.original ?? commit.bytes, commit.meta.fileId),
    );
  }
  await Promise.all([...writes, tx.done]);
}

/** One stored file's meta. */
export function getFile(db: CairnDatabase, fileId: number): Promise<FileMeta | undefined> {
  return db.get('files', fileId);
}

/** Rewrites the meta of stored files (same fileIds) in one transaction, e.g. to mark them. */
export async function updateFileMetas(
  db: CairnDatabase,
  metas: readonly FileMeta[],
): Promise<void> {
  if (metas.length === 0) return;
  const tx = db.transaction('files', 'readwrite');
  await Promise.all([...metas.map((m) => tx.store.put(m)), tx.done]);
}

/** Every stored file's meta, by fileId. */
export function listFiles(db: CairnDatabase): Promise<FileMeta[]> {
  return db.getAll('files');
}

/** A stored file's original bytes. */
export async function loadFileBytes(
  db: CairnDatabase,
  fileId: number,
): Promise<Uint8Array<ArrayBuffer> | undefined> {
  const stored = await db.get('fileBytes', fileId);
  return stored instanceof Blob ? new Uint8Array(await stored.arrayBuffer()) : stored;
}

/** A stored file's original bytes as a Blob, without reading them into the page. */
export async function loadFileBlob(db: CairnDatabase, fileId: number): Promise<Blob | undefined> {
  const stored = await db.get('fileBytes', fileId);
  return stored instanceof Blob || stored === undefined ? stored : new Blob([stored]);
}

/**
 * The chunks older versions stored with files committed after `watermark` (none for files stored
 * since), by fileId.
 * @throws Error when a stored chunk is damaged (decodeChunkBlob).
 */
export async function loadChunksAfter(
  db: CairnDatabase,
  watermark: number,
): Promise<Map<number, { chunk: FileChunk; outcome: ChunkOutcome }>> {
  const range = IDBKeyRange.lowerBound(watermark, true);
  const [keys, values] = await Promise.all([
    db.getAllKeys('chunks', range),
    db.getAll('chunks', range),
  ]);
  const chunks = await Promise.all(
    values.map(async ({ chunk, outcome }) => ({
      chunk: chunk instanceof Blob ? await decodeChunkBlob(chunk) : chunk,
      outcome,
    })),
  );
  return new Map(chunks.map((c, i) => [keys[i] ?? 0, c]));
}

/** Saves the last ingest run's per-file report, so it survives a reload. */
export async function saveLastRun(
  db: CairnDatabase,
  reports: readonly FileReport[],
): Promise<void> {
  await db.put('meta', reports, 'lastRun');
}

/** The last ingest run's per-file report. */
export async function loadLastRun(db: CairnDatabase): Promise<readonly FileReport[]> {
  const value = await db.get('meta', 'lastRun');
  return value !== undefined && !('version' in value) && !('kind' in value) ? value : [];
}

/** Stores a log file's word filter. */
export async function saveBloom(
  db: CairnDatabase,
  fileId: number,
  bloom: Uint32Array,
): Promise<void> {
  await db.put('blooms', bloom, fileId);
}

/**
 * Every stored word filter, by fileId, read `batch` files at a time: a 10M-event case has thousands
 * of filters, hundreds of MB, too much for one `getAll` answer.
 */
export async function loadBlooms(
  db: CairnDatabase,
  batch = 512,
): Promise<Map<number, Uint32Array>> {
  const out = new Map<number, Uint32Array>();
  let after: number | undefined;
  for (;;) {
    const range = after === undefined ? undefined : IDBKeyRange.lowerBound(after, true);
    const tx = db.transaction('blooms');
    const [keys, values] = await Promise.all([
      tx.store.getAllKeys(range, batch),
      tx.store.getAll(range, batch),
      tx.done,
    ]);
    keys.forEach((k, i) => out.set(k, values[i] ?? new Uint32Array(0)));
    if (keys.length < batch) return out;
    after = keys[keys.length - 1];
  }
}

/**
 * Deletes every stored file, chunk, word filter, annotation and index piece. The write count
 * (writeCount.ts) stays: another tab that read the case before must see that it changed.
 */
export async function clearAll(db: CairnDatabase): Promise<void> {
  const stores = [
    'files',
    'fileBytes',
    'chunks',
    'blooms',
    'annotations',
    'meta',
    'segments',
  ] as const;
  const tx = db.transaction(stores, 'readwrite');
  await Promise.all([
    tx.objectStore('segments').clear(),
    tx.objectStore('annotations').clear(),
    tx.objectStore('blooms').clear(),
    tx.objectStore('files').clear(),
    tx.objectStore('fileBytes').clear(),
    tx.objectStore('chunks').clear(),
    tx
      .objectStore('meta')
      .get(WRITES_KEY)
      .then(async (writes) => {
        await tx.objectStore('meta').clear();
        if (writes !== undefined) await tx.objectStore('meta').put(writes, WRITES_KEY);
      }),
    tx.done,
  ]);
}

/** The meta-store key of the write count (writeCount.ts), which clearAll keeps. */
const WRITES_KEY = 'writes';
