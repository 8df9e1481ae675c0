import type { DBSchema, IDBPDatabase } from 'idb';
import type { Piece, SegmentManifest } from '../index/indexSegments';
import type { IndexSaveFailure } from './IndexStore';
import type { PendingRun } from './pendingRun';
import type { QueryLists } from './savedQueries';
import type { CaseDetections } from './caseDetections';
import type { StoredHits } from './detectionHits';
import type { ValidationInputs } from './validationInputs';
import type { WriteCount } from './writeCount';
import type { StoredIpDatabase } from './ipDatabase';
import type { Annotation } from '../index/Annotation';
import type { ChunkOutcome, FileChunk } from '../index/types';
import type { FileMeta, FileReport } from './types';

/** The first case's IndexedDB database; other cases are `cairn-case-<id>` (caseRegistry.ts). */
export const DB_NAME = 'cairn';
/** Bump with a migration in `upgrade` whenever a store or value shape changes. */
export const DB_VERSION = 4;

/**
 * A file's index rows with how they were resolved, as versions before the replay by parse stored
 * them with each file. Never written now; still read at load (loadChunksAfter).
 */
export interface StoredChunk {
  /** A Blob (chunkBlob.ts), or an object in the oldest databases. */
  readonly chunk: FileChunk | Blob;
  readonly outcome: ChunkOutcome;
}

/**
 * The stores. A file's meta and original bytes are written in one transaction, so a crash or a full
 * quota never leaves half a file. The stored index (`segments`, named by the `index` manifest in
 * `meta`) holds the rows of every file up to its watermark; files stored after it are parsed again
 * at load (replayStoredFiles).
 */
export interface CairnDb extends DBSchema {
  files: { key: number; value: FileMeta; indexes: { 'by-sha256': string } };
  /**
   * The file's original bytes exactly as dropped (gzip stays gzip): the dropped Blob itself, or bytes
   * in databases written before Blobs were stored (read both through loadFileBytes).
   */
  fileBytes: { key: number; value: Blob | Uint8Array<ArrayBuffer> };
  /** By fileId: the chunks older versions stored (StoredChunk). Read, cleared, never written. */
  chunks: { key: number; value: StoredChunk };
  /** Each log file's word filter (tokenBloom.ts), built after ingest; version 2. */
  blooms: { key: number; value: Uint32Array };
  /** Bookmarks, tags and notes by event key (annotations.ts); version 3. */
  annotations: { key: string; value: Annotation };
  /** The index in bounded pieces (indexSegments.ts), by `<generation>/<part>/<piece>`; version 4. */
  segments: { key: string; value: Piece };
  /**
   * `index`: the manifest of the stored index; `indexSaveError`: why the last save failed;
   * `lastRun`; `pendingRun`; `validationInputs`: the case's public keys and saved signatures;
   * `queries`: the case's query history and saved queries (savedQueries.ts);
   * `detections`: the case's own Sigma rule files and the hits marked benign (caseDetections.ts);
   * `detectionHits`: the hits as last computed, so a reopened case runs its rules over new rows only;
   * `writes`: how many times a tab took the case's writer lock; `ipDatabase`: the user's own
   * `.mmdb` (ipDatabase.ts), absent in older databases. Versions before 4 stored
   * the whole index as one value under `snapshot`, which failed to clone at 10M events: it is
   * deleted at load, and its files are parsed again once.
   */
  meta: {
    key: string;
    value:
      | SegmentManifest
      | readonly FileReport[]
      | PendingRun
      | IndexSaveFailure
      | ValidationInputs
      | QueryLists
      | CaseDetections
      | StoredHits
      | WriteCount
      | StoredIpDatabase;
  };
}

/** Creates the stores a database at `oldVersion` lacks (0: a new database). */
export function upgradeCairnDb(db: IDBPDatabase<CairnDb>, oldVersion: number): void {
  if (oldVersion < 1) {
    const files = db.createObjectStore('files', { keyPath: 'fileId' });
    files.createIndex('by-sha256', 'sha256');
    db.createObjectStore('fileBytes');
    db.createObjectStore('chunks');
    db.createObjectStore('meta');
  }
  if (oldVersion < 2) db.createObjectStore('blooms');
  if (oldVersion < 3) db.createObjectStore('annotations');
  if (oldVersion < 4) db.createObjectStore('segments');
}
