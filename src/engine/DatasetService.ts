import type { FileRuleHits } from '../detect/fileRuleHits';
import * as store from '../db/cairnDb';
import { clearPendingRun, savePendingRun } from '../db/pendingRun';
import type { InterruptedRun } from '../db/pendingRun';
import type { FileMeta, FileReport } from '../db/types';
import type { CaseParts } from './CaseParts';
import type { InterruptedState } from './CaseSession';
import type { DatasetInfo } from './types';
import { storageErrorMessage } from './ingest/describeStorageError';
import { ingestFiles } from './ingest/ingestFiles';
import { skipStoredFiles } from './ingest/skipStoredFiles';
import type { IngestProgress, InputFile, ParseFn } from './ingest/types';
import type { WordIndexer } from './ingest/WordIndexer';
import { timeBounds } from '../index/timeBounds';

/** What the dataset service is built from when its session opens. */
export interface DatasetDeps {
  readonly parts: CaseParts;
  readonly parse: ParseFn;
  /** Files parsed ahead of the writer (ingestFiles). */
  readonly lookahead: number;
  /** New events between two index saves during a run (ingestFiles' CHECKPOINT_EVENTS by default). */
  readonly checkpointEvents?: number;
  readonly words: WordIndexer | undefined;
  /** The files stored when the session opened, in fileId order. */
  readonly files: readonly FileMeta[];
  readonly interrupted?: InterruptedState;
  /** Called with each run's reports before it resolves (IntegrityService keeps key lists found). */
  readonly onReports?: (reports: readonly FileReport[]) => Promise<unknown>;
  /** Called with the detection hits parse workers found in each stored file (ingestFiles). */
  readonly onRuleHits?: (fileId: number, hits: FileRuleHits, rulesKey: string) => void;
  /** Called after each run that may have added rows, with the index's size before it. */
  readonly onRowsAdded?: (from: number) => void;
}

/**
 * What a case holds (its figures, the last run's reports) and adding to it: ingest runs, one at a
 * time, each followed by a save of the index (IndexStore); cancel; and resuming or discarding a run the page
 * closed during.
 */
export class DatasetService {
  /** SHA-256 → path of every stored file: re-dropped files are recognised before anything is written. */
  readonly knownFiles: Map<string, string>;
  private digests: number;
  private nextFileId: number;
  private interrupted: InterruptedState | undefined;
  private cancelled = false;
  /** Ingest runs asked for and not yet ended (a case switch is refused meanwhile). */
  private runs = 0;
  /** Index saves queued and not yet ended, counting each run's from when it is asked for. */
  private saving = 0;
  /** The queue: each run, and the index save after it, starts when the previous one has ended. */
  private busy: Promise<unknown> = Promise.resolve();
  private readonly deps: DatasetDeps;

  constructor(deps: DatasetDeps) {
    this.deps = deps;
    this.knownFiles = new Map(deps.files.map((f) => [f.sha256, f.path]));
    this.digests = deps.files.filter((f) => f.kind === 'digest').length;
    this.nextFileId = (deps.files.at(-1)?.fileId ?? 0) + 1;
    this.interrupted = deps.interrupted;
  }

  /** Stored digest files. */
  get digestFiles(): number {
    return this.digests;
  }

  /** Dataset figures; answers during an ingest too, from what is committed so far. */
  info(): DatasetInfo {
    const { index } = this.deps.parts;
    const bounds = timeBounds(index);
    const logFiles = this.knownFiles.size - this.digests;
    return {
      eventCount: index.size,
      logFiles,
      digestFiles: this.digests,
      minTime: bounds?.min,
      maxTime: bounds?.max,
      indexBytes: index.estimateBytes(),
      // Counted from the index, not the indexer's queue: true from the moment a file is stored.
      wordsPending: this.deps.words === undefined ? 0 : Math.max(0, logFiles - index.blooms.size),
      ...this.indexSaved(),
    };
  }

  /**
   * Ingests files and resolves with one report per input once every file is committed; calls
   * serialise, so a second drop waits for the first. The index (what the next load reads) is saved
   * after, before any later run or word indexing; a reload in between, or a save that fails, means
   * the run's stored files are parsed again at the next load (replayStoredFiles): correct, slower.
   * @throws Error with a readable reason when the run cannot even be recorded (a full quota).
   */
  ingest(
    inputs: readonly InputFile[],
    onProgress?: (p: IngestProgress) => void,
  ): Promise<FileReport[]> {
    const { parts, words } = this.deps;
    words?.pause();
    this.runs++;
    let sizeBefore = parts.index.size;
    const run = this.busy.then(async () => {
      this.cancelled = false;
      sizeBefore = parts.index.size;
      // Kept until the run ends: found at the next load, it means the tab died mid-run.
      const files = inputs.map((i) => ({ path: i.path, size: i.file.size }));
      await savePendingRun(parts.db, {
        kind: 'pendingRun',
        startedAt: Date.now(),
        firstFileId: this.interrupted?.run.firstFileId ?? this.nextFileId,
        files,
      }).catch(async (error: unknown) => {
        const bytes = files.reduce((n, f) => n + f.size, 0);
        throw new Error(await storageErrorMessage(error, { files: files.length, bytes }));
      });
      const resumable = this.interrupted?.resumable;
      const outcome = await ingestFiles({
        inputs,
        db: parts.db,
        index: parts.index,
        reader: parts.reader,
        parse:
          resumable === undefined || resumable.size === 0
            ? this.deps.parse
            : skipStoredFiles(this.deps.parse, resumable),
        knownFiles: this.knownFiles,
        firstFileId: this.nextFileId,
        lookahead: this.deps.lookahead,
        ...(this.deps.checkpointEvents === undefined
          ? {}
          : { checkpointEvents: this.deps.checkpointEvents }),
        ...(onProgress === undefined ? {} : { onProgress }),
        isCancelled: () => this.cancelled,
        ...(this.deps.onRuleHits === undefined ? {} : { onRuleHits: this.deps.onRuleHits }),
        onStaged: (meta) => {
          parts.catalog.add(meta);
          parts.notes.addFile(meta);
        },
        // A failed save is reported by info(); the run goes on, its files are the truth.
        onCheckpoint: async () => {
          await parts.indexStore.save(parts.index);
        },
      });
      parts.catalog.trim(outcome.nextFileId);
      await clearPendingRun(parts.db);
      this.interrupted = undefined;
      const changed = outcome.nextFileId > this.nextFileId;
      this.nextFileId = outcome.nextFileId;
      this.digests += outcome.reports.filter((r) => r.status === 'digest').length;
      // Keys and signatures found are extras: failing to keep them loses no evidence.
      await this.deps.onReports?.(outcome.reports).catch(() => undefined);
      return { reports: outcome.reports, changed };
    });
    const ended = () => {
      this.runs--;
      if (parts.index.size > sizeBefore) this.deps.onRowsAdded?.(sizeBefore);
    };
    void run.then(ended, ended);
    this.saving++;
    this.busy = run
      .then(
        async ({ changed }) => {
          if (changed) await parts.indexStore.save(parts.index);
        },
        () => undefined,
      )
      .finally(() => this.saving--);
    void this.busy.then(() => words?.start());
    return run.then(({ reports }) => reports);
  }

  /**
   * Queues a save of the index (after a load that parsed files the stored index lacked). Never
   * rejects: a failed save is reported by info().
   */
  saveIndex(): Promise<void> {
    const { index, indexStore } = this.deps.parts;
    this.saving++;
    const save = this.busy
      .then(() => indexStore.save(index))
      .then(() => undefined)
      .finally(() => this.saving--);
    this.busy = save;
    return save;
  }

  private indexSaved(): Pick<DatasetInfo, 'indexSaved' | 'indexSaveError'> {
    const { state, error } = this.deps.parts.indexStore.status();
    if (this.saving > 0 || state === 'saving') return { indexSaved: 'pending' };
    return state === 'failed'
      ? { indexSaved: 'failed', indexSaveError: error ?? '' }
      : { indexSaved: state };
  }

  /** Stops the running ingest after the file being committed; committed files stay. */
  cancel(): void {
    this.cancelled = true;
  }

  /** The last run's reports; for a run the page closed during, rebuilt from what it stored. */
  lastRun(): Promise<readonly FileReport[]> {
    if (this.interrupted !== undefined) return Promise.resolve(this.interrupted.reports);
    return store.loadLastRun(this.deps.parts.db);
  }

  /** The last run, if the page closed before it ended: what it had stored, of how much. */
  interruptedRun(): InterruptedRun | undefined {
    return this.interrupted?.summary;
  }

  /** Forgets the rest of an interrupted run; the files it stored stay. */
  discardInterruptedRun(): Promise<void> {
    const discard = this.busy.then(async () => {
      await clearPendingRun(this.deps.parts.db);
      this.interrupted = undefined;
    });
    this.busy = discard.catch(() => undefined);
    return discard;
  }

  /** True from the moment an ingest is asked for until its run ends (queued runs included). */
  isIngesting(): boolean {
    return this.runs > 0;
  }

  /** Resolves when queued work (a run, an index save) is done. */
  async settled(): Promise<void> {
    await this.busy;
  }
}
