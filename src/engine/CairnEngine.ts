import type { CairnDatabase } from '../db/cairnDb';
import * as store from '../db/cairnDb';
import { EventIndex } from '../index/EventIndex';
import { takeSnapshot } from '../index/IndexSnapshot';
import { RecordReader } from '../db/RecordReader';
import { readEventDetail } from '../analysis/readEventDetail';
import type { RowWindow } from '../index/readRows';
import { credentialChain } from '../analysis/credentialChain';
import { insightPartners } from '../analysis/insightPartners';
import { ExportJob } from '../analysis/ExportJob';
import { FILE_FIELD } from '../querylang/fields';
import { FileCatalog } from '../index/FileCatalog';
import { Provenance } from '../analysis/Provenance';
import type { SourceFileList, SourcesTree } from '../analysis/Provenance';
import type { FileView } from '../analysis/readFileView';
import { Searcher } from '../search/Searcher';
import { ValueSuggester } from '../search/suggestValues';
import type { CoverageMap } from '../analysis/coverageMap';
import type { Suggestion } from '../search/suggestValues';
import type { CredentialChain, EventDetail, ExportColumn, ExportFormat } from '../analysis/types';
import type { DatasetInfo } from './types';
import type {
  FacetCounts,
  Histogram,
  SearchAnswer,
  SearchRequest,
  SearchStatus,
} from '../search/types';
import type { TimeOrder } from '../index/types';
import type { FileMeta, FileReport } from '../db/types';
import type { RowView } from '../index/types';
import { CoverageRunner } from './CoverageRunner';
import { ingestFiles } from './ingest/ingestFiles';
import { storageErrorMessage } from './ingest/describeStorageError';
import { pathSizeKey, skipStoredFiles } from './ingest/skipStoredFiles';
import { interruptedReports } from './ingest/interruptedReports';
import { replayStoredFiles } from './ingest/replayStoredFiles';
import {
  clearPendingRun,
  loadPendingRun,
  savePendingRun,
  summarizeInterruptedRun,
} from '../db/pendingRun';
import type { InterruptedRun, PendingRun } from '../db/pendingRun';
import { LOG_STATUS_LABEL } from '../cloudtrail/digest/logStatusLabel';
import { runValidation } from './runValidation';
import type { ValidationExtras, ValidationRun } from './runValidation';
import type { IngestProgress, InputFile, ParseFn } from './ingest/types';
import { WordIndexer } from './ingest/WordIndexer';
import { summarizeCase } from '../analysis/caseSummary';
import type { CaseSummary } from '../db/caseRegistry';
import type { BloomFn } from './ingest/WordIndexer';
import { CaseNotes } from './CaseNotes';
import { CaseBundles } from './CaseBundles';

/** What the engine runs elsewhere (parse workers) when it can; without them it works alone. */
export interface EngineOptions {
  /** The case's IndexedDB database (caseRegistry.ts); `cairn` when absent. */
  readonly dbName?: string;
  /** Files parsed ahead of the writer (ingestFiles). */
  readonly lookahead?: number;
  /** Builds word filters in the background after ingest; without it there are none. */
  readonly bloom?: BloomFn;
  /** Runs a search's record test on a stored file's bytes (ParsePool.match). */
  readonly match?: (
    bytes: Uint8Array<ArrayBuffer>,
    q: string,
    recordIndices: Uint32Array,
  ) => Promise<Uint8Array>;
  /** Told, while opening, how many stored files are parsed again of how many (replayStoredFiles). */
  readonly onReplay?: (done: number, total: number) => void;
  /** Told when another tab deletes (or upgrades) this case's database: this one can no longer use it. */
  readonly onClosedElsewhere?: () => void;
}

/**
 * The dataset as the worker holds it: the IndexedDB database plus the in-memory index loaded from it.
 * Every public method is what the UI may ask; the worker file only exposes them.
 */
export class CairnEngine {
  private index = new EventIndex();
  private nextFileId = 1;
  /** SHA-256 → path of every stored file, and how many are logs and digests. */
  private knownFiles = new Map<string, string>();
  private digestFiles = 0;
  private cancelled = false;
  /** Ingest runs asked for and not yet ended (a case switch is refused meanwhile). */
  private runs = 0;
  private busy: Promise<unknown> = Promise.resolve();
  /** A run that never ended (the tab closed mid-ingest), found at load, until resumed or discarded. */
  private interrupted:
    { run: PendingRun; summary: InterruptedRun; reports: readonly FileReport[] } | undefined;
  /** pathSizeKey → SHA-256 of the files the interrupted run stored: a resume skips them unparsed. */
  private resumable = new Map<string, string>();

  private readonly db: CairnDatabase;
  private readonly reader: RecordReader;
  private readonly searcher: Searcher;
  private readonly suggester = new ValueSuggester();
  private readonly exports = new Map<number, ExportJob>();
  private nextExportId = 1;
  private readonly parse: ParseFn;
  private readonly lookahead: number;
  private readonly onReplay: ((done: number, total: number) => void) | undefined;
  private words: WordIndexer | undefined;
  /** fileId → its status in the last validation, as a label. */
  private integrity = new Map<number, string>();
  /** SHA-256 of each stored file's uncompressed bytes, computed by the first validation. */
  private readonly inflatedSha = new Map<number, string | undefined>();
  /** Paths of the stored files by fileId, for `file:` clauses and the sources tree. */
  private catalog = new FileCatalog();
  private readonly provenance: Provenance;
  private readonly coverageRunner = new CoverageRunner();
  /** Bookmarks, tags and notes on events (annotations), and case bundles of them. */
  readonly notes: CaseNotes;
  readonly bundles: CaseBundles;

  private constructor(db: CairnDatabase, parse: ParseFn, options: EngineOptions) {
    this.db = db;
    this.reader = new RecordReader(db);
    const { match } = options;
    this.searcher = new Searcher(
      () => this.index,
      this.reader,
      match === undefined
        ? undefined
        : async (fileId, q, recordIndices) => {
            // Bytes of a file still being stored are shared with its commit: send a copy.
            const held = this.reader.held(fileId);
            const bytes = held?.slice() ?? (await store.loadFileBytes(this.db, fileId));
            if (bytes === undefined) return new Uint8Array(recordIndices.length).fill(2);
            return match(bytes, q, recordIndices);
          },
      () => this.catalog,
      () => this.notes.current,
    );
    this.notes = new CaseNotes(db, () => this.index);
    this.bundles = new CaseBundles({
      db,
      notes: this.notes,
      knownFiles: () => this.knownFiles,
      ingest: (inputs, onProgress) => this.ingest(inputs, onProgress),
    });
    this.provenance = new Provenance({
      index: () => this.index,
      files: () => this.catalog,
      db,
      reader: this.reader,
      inflatedSha: this.inflatedSha,
    });
    this.parse = parse;
    this.lookahead = options.lookahead ?? 12;
    this.onReplay = options.onReplay;
  }

  /**
   * Opens the database and loads the index: the snapshot, then the files stored after it, parsed
   * again (replayStoredFiles: a crash between a file's commit and the next snapshot loses nothing).
   */
  static async open(parse: ParseFn, options: EngineOptions = {}): Promise<CairnEngine> {
    const db = await store.openCairnDb(options.dbName, options.onClosedElsewhere);
    const engine = new CairnEngine(db, parse, options);
    await engine.load();
    const { bloom } = options;
    if (bloom !== undefined) {
      engine.words = new WordIndexer(db, () => engine.index, bloom);
      await engine.words.load();
      void engine.words.start();
    }
    return engine;
  }

  /** Ingests files; calls serialise, so a second drop waits for the first. */
  ingest(
    inputs: readonly InputFile[],
    onProgress?: (p: IngestProgress) => void,
  ): Promise<FileReport[]> {
    this.words?.pause();
    this.runs++;
    const run = this.busy.then(async () => {
      this.cancelled = false;
      // Kept until the run ends: found at the next load, it means the tab died mid-run.
      const files = inputs.map((i) => ({ path: i.path, size: i.file.size }));
      await savePendingRun(this.db, {
        kind: 'pendingRun',
        startedAt: Date.now(),
        firstFileId: this.interrupted?.run.firstFileId ?? this.nextFileId,
        files,
      }).catch(async (error: unknown) => {
        const bytes = files.reduce((n, f) => n + f.size, 0);
        throw new Error(await storageErrorMessage(error, { files: files.length, bytes }));
      });
      const parse =
        this.resumable.size === 0 ? this.parse : skipStoredFiles(this.parse, this.resumable);
      const outcome = await ingestFiles({
        inputs,
        db: this.db,
        index: this.index,
        reader: this.reader,
        parse,
        knownFiles: this.knownFiles,
        firstFileId: this.nextFileId,
        lookahead: this.lookahead,
        ...(onProgress === undefined ? {} : { onProgress }),
        isCancelled: () => this.cancelled,
        onStaged: (meta) => {
          this.catalog.add(meta);
          this.notes.addFile(meta);
        },
      });
      this.catalog.trim(outcome.nextFileId);
      await clearPendingRun(this.db);
      this.interrupted = undefined;
      this.resumable = new Map();
      const changed = outcome.nextFileId > this.nextFileId;
      this.nextFileId = outcome.nextFileId;
      this.digestFiles += outcome.reports.filter((r) => r.status === 'digest').length;
      return { reports: outcome.reports, changed };
    });
    // Every file is committed when the run resolves, so it reports done then; the snapshot (the index
    // the next load reads) is written after, before any later run or word indexing. A reload in
    // between parses the run's stored files again (replayStoredFiles): correct, only slower.
    const ended = () => {
      this.runs--;
    };
    void run.then(ended, ended);
    const snapshot = run.then(async ({ changed }) => {
      if (changed) await store.saveSnapshot(this.db, takeSnapshot(this.index));
    });
    this.busy = snapshot.catch(() => undefined);
    void this.busy.then(() => this.words?.start());
    return run.then(({ reports }) => reports);
  }

  /** The last run, if the page closed before it ended: what it had stored, of how much. */
  interruptedRun(): InterruptedRun | undefined {
    return this.interrupted?.summary;
  }

  /** Forgets the rest of an interrupted run; the files it stored stay. */
  discardInterruptedRun(): Promise<void> {
    return this.after(async () => {
      await clearPendingRun(this.db);
      this.interrupted = undefined;
      this.resumable = new Map();
    });
  }

  /** Stops the running ingest after the file being committed; committed files stay. */
  cancel(): void {
    this.cancelled = true;
  }

  /** Dataset figures; answers during an ingest too, from what is committed so far. */
  dataset(): DatasetInfo {
    {
      const sorted = this.index.sortedRows();
      const first = sorted[0];
      const last = sorted[sorted.length - 1];
      return {
        eventCount: this.index.size,
        logFiles: this.knownFiles.size - this.digestFiles,
        digestFiles: this.digestFiles,
        minTime: first === undefined ? undefined : this.index.time.data[first],
        maxTime: last === undefined ? undefined : this.index.time.data[last],
        indexBytes: this.index.estimateBytes(),
        // Counted from the index, not the indexer's queue: true from the moment a file is stored.
        wordsPending:
          this.words === undefined
            ? 0
            : Math.max(0, this.knownFiles.size - this.digestFiles - this.index.blooms.size),
      };
    }
  }

  /**
   * Runs a search (query text + time range); see Searcher.search. With `firstPage`, each status
   * (final and progress) carries that window of the result's rows, so the table can show them at once.
   */
  async search(
    request: SearchRequest,
    onProgress?: (s: SearchAnswer) => void,
    firstPage?: RowWindow,
  ): Promise<SearchAnswer> {
    const withRows = (s: SearchStatus): SearchAnswer =>
      firstPage === undefined || s.error !== undefined
        ? s
        : { ...s, firstRows: this.notes.mark(this.searcher.rows(request, firstPage)) };
    const status = await this.searcher.search(
      request,
      onProgress === undefined ? undefined : (s) => onProgress(withRows(s)),
    );
    return withRows(status);
  }

  /** A window of the rows matching `request`, in the given time order. */
  rows(request: SearchRequest, window: RowWindow): RowView[] {
    return this.notes.mark(this.searcher.rows(request, window));
  }

  /** Row and table position of an event in the result of `request` (URL `event` restore). */
  locate(request: SearchRequest, eventID: string, order: TimeOrder) {
    return this.searcher.locate(request, eventID, order);
  }

  /**
   * Starts exporting the result of `request` (in table order for CSV, file by file for JSON); parts
   * are then pulled with exportNext. Undefined when the search has no result yet.
   */
  startExport(
    request: SearchRequest,
    order: TimeOrder,
    format: ExportFormat,
    columns: readonly ExportColumn[],
  ): { readonly id: number; readonly total: number } | undefined {
    const rows = this.searcher.resultRows(request);
    if (rows === undefined) return undefined;
    const ordered = order === 'desc' ? rows.slice().reverse() : rows;
    const job = new ExportJob({
      index: this.index,
      reader: this.reader,
      rows: ordered,
      format,
      columns,
      integrityOf: (fileId) => this.integrity.get(fileId) ?? '',
    });
    const id = this.nextExportId++;
    this.exports.set(id, job);
    return { id, total: job.total };
  }

  /** The next part of export `id`, or undefined when it is complete (the job is then dropped). */
  async exportNext(id: number): Promise<string | undefined> {
    const part = await this.exports.get(id)?.next();
    if (part === undefined) this.exports.delete(id);
    return part;
  }

  /** Count of an index-only query, for pivots; undefined when it needs stored records. */
  count(request: SearchRequest): number | undefined {
    return this.searcher.count(request);
  }

  facets(request: SearchRequest, limit?: number): FacetCounts | undefined {
    return this.searcher.facets(request, limit);
  }

  histogram(request: SearchRequest, from: number, to: number): Histogram | undefined {
    return this.searcher.histogram(request, from, to);
  }

  /** Autocomplete for an indexed field: values containing `text`, with counts. */
  suggest(field: string, text: string, limit?: number): Suggestion[] {
    if (field.toLowerCase() === FILE_FIELD) return this.provenance.suggestPaths(text, limit);
    const annotation = this.notes.suggest(field, text, limit);
    if (annotation !== undefined) return annotation;
    return this.suggester.suggest(this.index, field, text, limit);
  }

  detail(row: number): Promise<EventDetail | undefined> {
    return readEventDetail({ index: this.index, reader: this.reader, db: this.db, row });
  }

  /** The credential chain behind `row` (see credentialChain). */
  credentialChain(row: number): Promise<CredentialChain | undefined> {
    if (row < 0 || row >= this.index.size) return Promise.resolve(undefined);
    return credentialChain(this.index, this.reader, row);
  }

  /** The other records of the Insight `row` belongs to: its Start or End (see insightPartners). */
  insightPartners(row: number): Promise<RowView[]> {
    return insightPartners(this.index, this.reader, row);
  }

  /**
   * Validates the stored log files against the stored digests (see runValidation), and remembers
   * each file's status for exports.
   */
  async validate(extras: ValidationExtras): Promise<ValidationRun> {
    const run = await runValidation(this.db, extras, this.inflatedSha);
    this.integrity = new Map(
      run.logs.flatMap((l) =>
        l.fileId === undefined ? [] : [[l.fileId, LOG_STATUS_LABEL[l.status]]],
      ),
    );
    return run;
  }

  /** The evidence coverage map of the dataset, with `extras` for its validation (CoverageRunner). */
  coverage(extras: ValidationExtras): Promise<CoverageMap> {
    return this.coverageRunner.run({
      db: this.db,
      index: this.index,
      extras,
      validate: (e) => this.validate(e),
    });
  }

  files(): Promise<FileMeta[]> {
    return store.listFiles(this.db);
  }

  /** The sources tree: account → Region → delivery day, other files by folder (see Provenance). */
  sourcesTree(): SourcesTree {
    return this.provenance.tree();
  }

  /** The files under one leaf of the sources tree (a day or a folder). */
  sourceFiles(nodeId: string, limit?: number): SourceFileList {
    return this.provenance.leafFiles(nodeId, limit);
  }

  /** One stored file's provenance and the start of its decompressed content (see readFileView). */
  fileView(fileId: number, limit?: number): Promise<FileView | undefined> {
    return this.provenance.fileView(fileId, limit);
  }

  /** The exact bytes stored for a file, as dropped. */
  fileBytes(fileId: number): Promise<Uint8Array<ArrayBuffer> | undefined> {
    return this.provenance.fileBytes(fileId);
  }

  /** The newest stored file with exactly this path. */
  findFile(path: string): number | undefined {
    return this.provenance.findFile(path);
  }

  /** The last run's reports; for a run the page closed during, rebuilt from what it stored. */
  lastRun(): Promise<readonly FileReport[]> {
    if (this.interrupted !== undefined) return Promise.resolve(this.interrupted.reports);
    return store.loadLastRun(this.db);
  }

  /** Deletes everything stored and empties the index. */
  clear(): Promise<void> {
    this.words?.pause();
    return this.after(async () => {
      await this.words?.settled();
      await store.clearAll(this.db);
      this.interrupted = undefined;
      this.resumable = new Map();
      this.reader.clear();
      this.searcher.reset();
      this.inflatedSha.clear();
      this.catalog = new FileCatalog();
      this.notes.clear();
      this.provenance.reset();
      this.integrity = new Map();
      this.index = new EventIndex();
      this.nextFileId = 1;
      this.knownFiles = new Map();
      this.digestFiles = 0;
    });
  }

  /** Resolves when queued work (a run, a snapshot write) is done. */
  async settled(): Promise<void> {
    await this.busy;
  }

  /** Resolves when every stored log file has its word filter (tests, the bench). */
  async wordsIndexed(): Promise<void> {
    await this.busy;
    await this.words?.start();
  }

  /** True from the moment an ingest is asked for until its run ends (queued runs included). */
  isIngesting(): boolean {
    return this.runs > 0;
  }

  /** The case's figures for the case list (reads every stored file's meta). */
  async caseSummary(): Promise<CaseSummary> {
    return summarizeCase(this.index, await store.listFiles(this.db));
  }

  /**
   * Waits for queued work (a run, its snapshot, word filters in progress), then closes the database:
   * the engine is unusable after. Used before the user switches to or deletes a case.
   */
  async shutdown(): Promise<void> {
    this.words?.pause();
    await this.busy;
    // A finished run restarts word indexing once busy settles: pause it again, after that.
    this.words?.pause();
    await this.words?.settled();
    this.db.close();
  }

  /** Closes the database connection (tests; a page unload closes it anyway). */
  close(): void {
    this.db.close();
  }

  private after<T>(work: () => Promise<T>): Promise<T> {
    const run = this.busy.then(work);
    this.busy = run.catch(() => undefined);
    return run;
  }

  private async load(): Promise<void> {
    const snapshot = await store.loadSnapshot(this.db);
    const index = new EventIndex(snapshot);
    const files = await store.listFiles(this.db);
    const watermark = index.watermark;
    await replayStoredFiles({
      db: this.db,
      index,
      reader: this.reader,
      parse: this.parse,
      files,
      lookahead: this.lookahead,
      ...(this.onReplay === undefined ? {} : { onProgress: this.onReplay }),
    });
    index.sortedRows();
    if (index.watermark > watermark) await store.saveSnapshot(this.db, takeSnapshot(index));
    this.index = index;
    this.knownFiles = new Map(files.map((f) => [f.sha256, f.path]));
    this.catalog = new FileCatalog(files);
    await this.notes.load(files);
    this.digestFiles = files.filter((f) => f.kind === 'digest').length;
    this.nextFileId = (files.at(-1)?.fileId ?? 0) + 1;
    const run = await loadPendingRun(this.db);
    if (run !== undefined) {
      this.interrupted = {
        run,
        summary: summarizeInterruptedRun(run, files),
        reports: interruptedReports(run, files),
      };
      for (const f of files) {
        if (f.fileId >= run.firstFileId) this.resumable.set(pathSizeKey(f.path, f.size), f.sha256);
      }
    }
  }
}
