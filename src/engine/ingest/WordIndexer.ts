import type { CairnDatabase } from '../../db/cairnDb';
import { listFiles, loadBlooms, loadFileBytes, saveBloom } from '../../db/cairnDb';
import type { EventIndex } from '../../index/EventIndex';

/** Builds a stored file's word filter from its original bytes (ParsePool.bloom or buildFileBloom). */
export type BloomFn = (bytes: Uint8Array<ArrayBuffer>) => Promise<Uint32Array | undefined>;

/** A filter with every bit set: every word "may" be in the file. */
const MATCH_ALL = new Uint32Array(1).fill(0xffffffff);

/** Files whose filters are built at once: one per parse worker on a 2-core machine. */
const PARALLEL = 2;

/**
 * Builds the per-file word filters free-text search uses to skip files, in the background after
 * ingest rather than during it: the scan costs ≈2–4 ns per byte of JSON, which would slow ingest
 * by a third, while a search that runs before a file has its filter simply reads that file.
 * Pauses while an ingest runs; filters are stored as they are built, so a reload loses none.
 */
export class WordIndexer {
  private running: Promise<void> | undefined;
  private paused = false;
  private again = false;
  private readonly db: CairnDatabase;
  private readonly index: EventIndex;
  private readonly build: BloomFn;
  /** The stored filters being read (load): no filter is built before they are in. */
  private loaded: Promise<void> = Promise.resolve();

  constructor(db: CairnDatabase, index: EventIndex, build: BloomFn) {
    this.db = db;
    this.index = index;
    this.build = build;
  }

  /**
   * Puts the stored filters into the index (at open, in the background: at 10M events they are
   * hundreds of MB, seconds to read, and a search without a file's filter reads that file).
   * Unreadable filters are built again by start().
   */
  load(): Promise<void> {
    const blooms = this.index.blooms;
    this.loaded = loadBlooms(this.db).then(
      (stored) => {
        for (const [fileId, bloom] of stored) if (!blooms.has(fileId)) blooms.set(fileId, bloom);
      },
      () => undefined,
    );
    return this.loaded;
  }

  /** Resolves once load() has put the stored filters in the index (at once before it is called). */
  whenLoaded(): Promise<void> {
    return this.loaded;
  }

  /** Builds filters for every log file that lacks one; resolves when none is left or on pause. */
  start(): Promise<void> {
    this.paused = false;
    this.again = true;
    // A failed IndexedDB read or write leaves files without filters: searches then read them.
    this.running ??= this.run()
      .catch(() => undefined)
      .finally(() => {
        this.running = undefined;
      });
    return this.running;
  }

  /** Stops after the files in progress (an ingest is starting, or data is being cleared). */
  pause(): void {
    this.paused = true;
  }

  /** Resolves when the current run ends. */
  async settled(): Promise<void> {
    await this.running;
  }

  private async run(): Promise<void> {
    await this.loaded;
    while (this.again && !this.paused) {
      this.again = false;
      const { index } = this;
      const files = (await listFiles(this.db)).filter(
        (f) => f.kind === 'log' && !index.blooms.has(f.fileId),
      );
      let next = 0;
      const worker = async () => {
        while (!this.paused && next < files.length) {
          const file = files[next++];
          if (file === undefined) break;
          const bytes = await loadFileBytes(this.db, file.fileId);
          if (bytes === undefined) continue;
          // A file that no longer inflates gets a filter that rules nothing out: searches read it.
          const bloom = (await this.build(bytes)) ?? MATCH_ALL;
          // Clear data waits for the run to settle after pausing it, so the index is still this one.
          index.blooms.set(file.fileId, bloom);
          await saveBloom(this.db, file.fileId, bloom);
        }
      };
      await Promise.all(Array.from({ length: PARALLEL }, worker));
    }
  }
}
