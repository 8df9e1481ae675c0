import { EventIndex } from '../index/EventIndex';
import { PIECE_BYTES, SEGMENT_VERSION, manifestKeys, planSegments } from '../index/indexSegments';
import type { PieceWrite, SegmentManifest } from '../index/indexSegments';
import { readSegments } from '../index/readSegments';
import type { CairnDatabase } from './cairnDb';

/** The meta-store key of the stored index's manifest. */
const MANIFEST_KEY = 'index';
/** The meta-store key of why the last save failed, kept until a save succeeds. */
const FAILURE_KEY = 'indexSaveError';
/** The meta-store key versions before 4 stored the whole index under. */
const LEGACY_SNAPSHOT_KEY = 'snapshot';
/** The most bytes of pieces written in one transaction (64 MiB): memory stays bounded. */
const TRANSACTION_BYTES = 64 << 20;

/**
 * Whether the case's index is stored, so that reopening it reads the index instead of parsing every
 * file again: `none` (nothing to store yet), `saving`, `saved`, or `failed` (with the reason).
 */
export interface IndexSaveStatus {
  readonly state: 'none' | 'saving' | 'saved' | 'failed';
  readonly error?: string;
}

/** Why the last save of the index failed, kept so that the next load can say why it is slow. */
export interface IndexSaveFailure {
  readonly kind: 'indexSaveError';
  readonly error: string;
}

/**
 * Stores a case's EventIndex in bounded pieces (indexSegments.ts) and reads it back. A failure here
 * never loses evidence: the stored files are the truth, and whatever the stored index lacks is parsed
 * again from them at the next load (replayStoredFiles). So `open` and `save` do not throw for the
 * index; they report through `status()`.
 */
export class IndexStore {
  private readonly db: CairnDatabase;
  private manifest: SegmentManifest | undefined;
  /** The highest generation any piece may have been written under. */
  private generation: number;
  private current: IndexSaveStatus;
  /** Why files stored before this session must be parsed again, when known (replayReason). */
  private why: string | undefined;
  /** True while a failure is recorded in meta (cleared by the next save that succeeds). */
  private failureStored = false;
  /** Bytes per stored column piece; tests store smaller pieces, to exercise many of them. */
  pieceBytes = PIECE_BYTES;

  private constructor(
    db: CairnDatabase,
    manifest: SegmentManifest | undefined,
    status: IndexSaveStatus,
  ) {
    this.db = db;
    this.manifest = manifest;
    this.generation = manifest?.generation ?? 0;
    this.current = status;
  }

  /**
   * Reads the stored index: the rows of every file up to its watermark. An index that cannot be
   * read (damaged, or of another layout) yields an empty index, so every stored file is parsed
   * again. Pieces no manifest names (a save cut short) are deleted, unless `sweep` is false: while
   * another tab writes to the case, they may be its save in progress.
   * @throws only what reading the manifest throws (the database itself is unusable).
   */
  static async open(
    db: CairnDatabase,
    sweep = true,
  ): Promise<{ index: EventIndex; store: IndexStore }> {
    const legacy = (await db.getKey('meta', LEGACY_SNAPSHOT_KEY)) !== undefined;
    if (legacy) await db.delete('meta', LEGACY_SNAPSHOT_KEY);
    const failure = await db.get('meta', FAILURE_KEY);
    const failed = failure !== undefined && 'kind' in failure && failure.kind === 'indexSaveError';
    const why = failed
      ? `Storing the index failed last time (${failure.error}): the stored files are read again. Nothing is lost.`
      : legacy
        ? 'An older version of Cairn stored this case: its files are read once to store the index in the new layout. Nothing is lost.'
        : undefined;
    const stored = await db.get('meta', MANIFEST_KEY);
    const manifest =
      stored !== undefined && 'parts' in stored && stored.version === SEGMENT_VERSION
        ? stored
        : undefined;
    const keys = await db.getAllKeys('segments');
    if (manifest === undefined) {
      if (sweep) await deletePieces(db, keys);
      const generation = Math.max(0, ...keys.map(generationOf));
      const store = new IndexStore(db, undefined, { state: 'none' });
      store.generation = generation;
      store.note(why, failed);
      return { index: new EventIndex(), store };
    }
    const live = new Set(manifestKeys(manifest));
    if (sweep) {
      await deletePieces(
        db,
        keys.filter((k) => !live.has(k)),
      );
    }
    try {
      const parts = await readSegments(manifest, (key) => db.get('segments', key));
      const store = new IndexStore(db, manifest, { state: 'saved' });
      store.note(why, failed);
      return { index: new EventIndex(parts), store };
    } catch (error) {
      const store = new IndexStore(db, undefined, {
        state: 'failed',
        error: `The stored index could not be read (${String(error)}); every file was read again.`,
      });
      store.generation = manifest.generation;
      store.note(why, failed);
      store.why = `The stored index could not be read (${String(error)}): the stored files are read again. Nothing is lost.`;
      return { index: new EventIndex(), store };
    }
  }

  /**
   * Why the files the stored index lacks must be parsed again, when this store knows (a save that
   * failed, an index that could not be read); undefined when they are an ingest's the page closed
   * during.
   */
  replayReason(): string | undefined {
    return this.why;
  }

  private note(why: string | undefined, failureStored: boolean): void {
    this.why = why;
    this.failureStored = failureStored;
  }

  /** Whether the index is stored, and why not when it is not. */
  status(): IndexSaveStatus {
    return this.current;
  }

  /**
   * Stores what changed in `index` since the last save: new pieces in transactions of at most
   * TRANSACTION_BYTES, then the manifest, then deletes the pieces it replaced. Cut short (a crash,
   * a full quota, a value the browser cannot clone), the previous manifest and its pieces stay whole.
   * The index must not change until it resolves.
   * @returns true when stored; false when not (status() says why; the changes stay to write).
   */
  async save(index: EventIndex): Promise<boolean> {
    index.sortedRows(); // sorting notes where the order moved: before the changes are taken
    const changes = index.takeChanges();
    this.current = { state: 'saving' };
    try {
      const plan = planSegments(
        index,
        this.manifest,
        changes,
        this.generation + 1,
        this.pieceBytes,
      );
      this.generation = plan.manifest.generation;
      await writePieces(this.db, plan.writes);
      await this.db.put('meta', plan.manifest, MANIFEST_KEY);
      this.manifest = plan.manifest;
      this.current = { state: 'saved' };
      if (this.failureStored) {
        this.failureStored = false;
        await this.db.delete('meta', FAILURE_KEY).catch(() => undefined);
      }
      // Left for the next open's sweep if this fails: no manifest names them.
      await deletePieces(this.db, plan.obsolete).catch(() => undefined);
      return true;
    } catch (error) {
      index.restoreChanges(changes);
      this.current = { state: 'failed', error: String(error) };
      // Small, so usually storable even when the index was not: the next load says why it is slow.
      const failure: IndexSaveFailure = { kind: 'indexSaveError', error: String(error) };
      await this.db.put('meta', failure, FAILURE_KEY).then(
        () => (this.failureStored = true),
        () => undefined,
      );
      return false;
    }
  }
}

async function writePieces(db: CairnDatabase, writes: readonly PieceWrite[]): Promise<void> {
  let at = 0;
  while (at < writes.length) {
    const tx = db.transaction('segments', 'readwrite', { durability: 'relaxed' });
    const puts: Promise<unknown>[] = [];
    let bytes = 0;
    try {
      while (at < writes.length && (bytes === 0 || bytes < TRANSACTION_BYTES)) {
        const write = writes[at++];
        if (write === undefined) break;
        bytes += write.bytes;
        // put() throws at once when the value cannot be cloned (DataCloneError).
        puts.push(tx.store.put(write.make(), write.key));
      }
    } catch (error) {
      tx.abort();
      await Promise.allSettled([...puts, tx.done]);
      throw error;
    }
    await Promise.all([...puts, tx.done]);
  }
}

async function deletePieces(db: CairnDatabase, keys: readonly string[]): Promise<void> {
  if (keys.length === 0) return;
  const tx = db.transaction('segments', 'readwrite');
  await Promise.all([...keys.map((k) => tx.store.delete(k)), tx.done]);
}

/** The generation a piece key was written under (`<generation>/<part>/<piece>`; 0 if unreadable). */
function generationOf(key: string): number {
  const n = Number.parseInt(key, 10);
  return Number.isFinite(n) ? n : 0;
}
