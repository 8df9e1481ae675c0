import { Provenance } from '../analysis/Provenance';
import { summarizeCase } from '../analysis/caseSummary';
import * as store from '../db/cairnDb';
import { RecordReader } from '../db/RecordReader';
import type { CaseSummary } from '../db/caseRegistry';
import { loadPendingRun, summarizeInterruptedRun } from '../db/pendingRun';
import type { InterruptedRun, PendingRun } from '../db/pendingRun';
import type { FileMeta, FileReport } from '../db/types';
import { IndexStore } from '../db/IndexStore';
import { bumpWriteCount, loadWriteCount } from '../db/writeCount';
import { FileCatalog } from '../index/FileCatalog';
import { CaseBundles } from './CaseBundles';
import { CaseNotes } from './CaseNotes';
import { CaseQueries } from './CaseQueries';
import type { CaseParts } from './CaseParts';
import { EventService } from './EventService';
import { ExportService } from './ExportService';
import { FileService } from './FileService';
import { DatasetService } from './DatasetService';
import { IntegrityService } from './IntegrityService';
import { IdentityService } from './IdentityService';
import { DetectionService } from './DetectionService';
import { RuleHits } from '../index/RuleHits';
import { ReportService } from './ReportService';
import { SearchService } from './SearchService';
import { SessionService } from './SessionService';
import { IpOriginService } from './IpOriginService';
import type { IpDataSource } from './IpOriginService';
import type { StoredRecordMatch } from './SearchService';
import { interruptedReports } from './ingest/interruptedReports';
import { replayStoredFiles } from './ingest/replayStoredFiles';
import { pathSizeKey } from './ingest/skipStoredFiles';
import type { ParseFn } from './ingest/types';
import { WordIndexer } from './ingest/WordIndexer';
import type { FileRuleHits } from '../detect/fileRuleHits';
import type { BloomFn } from './ingest/WordIndexer';

/** What a session runs elsewhere (parse workers) when it can; without them it works alone. */
export interface SessionOptions {
  /** The case's IndexedDB database (caseRegistry.ts); `cairn` when absent. */
  readonly dbName?: string;
  /** Files parsed ahead of the writer (ingestFiles). */
  readonly lookahead?: number;
  /** New events between two index saves during a run (CHECKPOINT_EVENTS; tests use fewer). */
  readonly checkpointEvents?: number;
  /** Builds word filters in the background after ingest; without it there are none. */
  readonly bloom?: BloomFn;
  /** Runs a search's record test on a stored file's bytes (ParsePool.match). */
  readonly match?: StoredRecordMatch;
  /** The bundled IP databases, fetched on first use; without it only the user's own database answers. */
  readonly ipData?: IpDataSource;
  /** Told, while opening, how many stored files are parsed again of how many (replayStoredFiles). */
  readonly onReplay?: (done: number, total: number, why: string | undefined) => void;
  /** Told when another tab deletes (or upgrades) this case's database: this one can no longer use it. */
  readonly onClosedElsewhere?: () => void;
  /**
   * Another tab held the case's writer lock (caseLock.ts) when this session opened: a run recorded
   * as pending is that tab's, still going, not an interrupted one; index pieces no manifest names may
   * be its save in progress; and this session must be opened again before it writes.
   */
  readonly writerElsewhere?: boolean;
  /**
   * Whether open() queues a save of the index after parsing stored files again (default true). The
   * engine passes false and saves under the case's writer lock itself (CaseWriter).
   */
  readonly saveRebuilt?: boolean;
}

/** The replay's reason while another tab is writing to the case (ReplayBar). */
const WRITING_ELSEWHERE =
  'Another Cairn tab is writing to this case: the files it has stored so far are read.';

/** A run that never ended (the tab closed mid-ingest), found at open, until resumed or discarded. */
export interface InterruptedState {
  readonly run: PendingRun;
  readonly summary: InterruptedRun;
  readonly reports: readonly FileReport[];
  /** pathSizeKey → SHA-256 of the files the run stored: a resume skips them unparsed. */
  readonly resumable: ReadonlyMap<string, string>;
}

/**
 * One open case, as the worker holds it: its database, the in-memory index loaded from it, the stored
 * files' catalogue, the word filters, the annotations, and the services the page calls. Everything
 * here lives exactly as long as the session: Clear data and a case switch close it and open a new
 * one (CaseManager), so nothing is ever reset field by field.
 */
export class CaseSession {
  /** The table's reads: searches, pages, counts, facets, histogram, autocomplete. */
  readonly search: SearchService;
  /** The situation report over a filter and time range. */
  readonly report: ReportService;
  /** One event's detail, credential chain and Insight partners. */
  readonly events: EventService;
  /** Sessions (temporary access keys): the list under a filter, one session's story. */
  readonly sessions: SessionService;
  /** Identity profiles: one identity's activity over the case, and the top identities. */
  readonly identity: IdentityService;
  /** The stored files, the sources tree, one file's content and bytes. */
  readonly files: FileService;
  /** Digest validation and the coverage map. */
  readonly integrity: IntegrityService;
  /** Exports of a search result, pulled part by part. */
  readonly exports: ExportService;
  /** Bookmarks, tags and notes on events. */
  readonly notes: CaseNotes;
  /** The query history and saved queries. */
  readonly queries: CaseQueries;
  /** Sigma rules run over the case: hits, the case's own rules, suppressions, reports. */
  readonly detections: DetectionService;
  /** Where source IPs come from: country, ASN, organisation per distinct address. */
  readonly ipOrigins: IpOriginService;
  /** Case bundles: export, and import through the normal ingest. */
  readonly bundles: CaseBundles;
  /** What the case holds (figures, the last run) and adding to it (ingest, cancel, resume). */
  readonly dataset: DatasetService;
  /** The case's IndexedDB database name. */
  readonly dbName: string | undefined;
  /** True when open() parsed stored files the stored index lacked: the index wants saving. */
  rebuilt = false;
  /** The case's write count this session's state reflects (writeCount.ts); undefined: unknown. */
  private writesSeen: number | undefined;
  /** Writes waiting for the case's writer lock (hold()): the session counts as busy meanwhile. */
  private held = 0;

  private readonly parts: CaseParts;
  private readonly words: WordIndexer | undefined;

  private constructor(
    parts: CaseParts,
    files: readonly FileMeta[],
    options: SessionOptions & {
      readonly parse: ParseFn;
      readonly interrupted?: InterruptedState;
      readonly detections: DetectionService;
    },
  ) {
    this.parts = parts;
    this.detections = options.detections;
    this.dbName = options.dbName;
    this.notes = parts.notes;
    this.queries = parts.queries;
    this.integrity = new IntegrityService(parts);
    const provenance = new Provenance({
      index: parts.index,
      files: parts.catalog,
      db: parts.db,
      reader: parts.reader,
      inflatedSha: this.integrity.inflatedSha,
    });
    const words =
      options.bloom === undefined
        ? undefined
        : new WordIndexer(parts.db, parts.index, options.bloom);
    this.words = words;
    this.ipOrigins = new IpOriginService(parts, options.ipData);
    this.search = new SearchService(parts, provenance, {
      ipOrigins: this.ipOrigins,
      ...(options.match === undefined ? {} : { match: options.match }),
      ...(words === undefined ? {} : { wordsLoaded: () => words.whenLoaded() }),
    });
    this.report = new ReportService(parts, this.search);
    this.events = new EventService(parts);
    this.sessions = new SessionService(parts, this.search);
    this.identity = new IdentityService(parts);
    this.files = new FileService(parts, provenance);
    this.exports = new ExportService(parts, this.search, this.integrity, this.ipOrigins);
    this.dataset = new DatasetService({
      parts,
      onReports: (reports) => this.integrity.addEvidence(reports),
      onRuleHits: (fileId, hits, key) => this.detections.noteParsed(fileId, hits, key),
      onRowsAdded: (from) => void this.detections.addedRows(from).catch(() => undefined),
      parse: options.parse,
      lookahead: options.lookahead ?? 12,
      ...(options.checkpointEvents === undefined
        ? {}
        : { checkpointEvents: options.checkpointEvents }),
      words: this.words,
      files,
      ...(options.interrupted === undefined ? {} : { interrupted: options.interrupted }),
    });
    this.bundles = new CaseBundles({
      db: parts.db,
      notes: parts.notes,
      queries: parts.queries,
      detections: this.detections,
      knownFiles: this.dataset.knownFiles,
      ingest: (inputs, onProgress) => this.dataset.ingest(inputs, onProgress),
    });
  }

  /**
   * Opens the case's database and loads its index: the stored index (IndexStore), then the files
   * stored after it, parsed again (replayStoredFiles: a crash between a file's commit and the next
   * save loses nothing, and neither does a save that failed). Queues a save when files were parsed
   * again, and starts building missing word filters, both in the background.
   * @throws what opening the database or reading it throws (the case then cannot be opened).
   */
  static async open(parse: ParseFn, options: SessionOptions = {}): Promise<CaseSession> {
    const db = await store.openCairnDb(options.dbName, options.onClosedElsewhere);
    const elsewhere = options.writerElsewhere === true;
    // Read first: whatever another tab writes from now on, this session then counts as stale.
    const writes = elsewhere ? undefined : await loadWriteCount(db);
    const reader = new RecordReader(db);
    const { index, store: indexStore } = await IndexStore.open(db, !elsewhere);
    const files = await store.listFiles(db);
    const watermark = index.watermark;
    const parsedHits: [number, FileRuleHits, string][] = [];
    await replayStoredFiles({
      onRuleHits: (fileId, hits, key) => parsedHits.push([fileId, hits, key]),
      db,
      index,
      reader,
      parse,
      files,
      lookahead: options.lookahead ?? 12,
      ...(options.onReplay === undefined
        ? {}
        : {
            onProgress: (done: number, total: number) =>
              options.onReplay?.(
                done,
                total,
                indexStore.replayReason() ?? (elsewhere ? WRITING_ELSEWHERE : undefined),
              ),
          }),
    });
    index.sortedRows();
    const parts: CaseParts = {
      db,
      index,
      indexStore,
      reader,
      catalog: new FileCatalog(files),
      notes: await CaseNotes.load(db, index, files),
      queries: await CaseQueries.load(db),
      hits: new RuleHits(),
    };
    const detections = await DetectionService.load(parts);
    for (const [fileId, hits, key] of parsedHits) detections.noteParsed(fileId, hits, key);
    // A run another tab is doing now is not interrupted: never offer to resume or discard it.
    const run = elsewhere ? undefined : await loadPendingRun(db);
    const session = new CaseSession(parts, files, {
      ...options,
      parse,
      detections,
      ...(run === undefined ? {} : { interrupted: interruptedState(run, files) }),
    });
    void detections.start().catch(() => undefined);
    session.writesSeen = writes;
    session.rebuilt = index.watermark > watermark;
    // Another tab's index save may be under way: only the writer saves (after its reload).
    if (session.rebuilt && !elsewhere && options.saveRebuilt !== false) {
      void session.dataset.saveIndex();
    }
    const { words } = session;
    if (words !== undefined) void words.load().then(() => words.start());
    return session;
  }

  /** The case's figures for the case list (reads every stored file's meta). */
  async caseSummary(): Promise<CaseSummary> {
    return summarizeCase(this.parts.index, await store.listFiles(this.parts.db));
  }

  /** True from the moment an ingest is asked for until its run ends (queued runs included). */
  isIngesting(): boolean {
    return this.held > 0 || this.dataset.isIngesting();
  }

  /**
   * Marks a write as waiting for the case's writer lock: the session counts as ingesting (a case
   * switch is refused) until the returned function is called.
   */
  hold(): () => void {
    this.held++;
    let released = false;
    return () => {
      if (!released) this.held--;
      released = true;
    };
  }

  /**
   * True when no tab has written to the case since this session read it (writeCount.ts); false when
   * unknown (opened while another tab wrote). Call it holding the writer lock for an answer that
   * stays true.
   */
  async isCurrent(): Promise<boolean> {
    return (
      this.writesSeen !== undefined && (await loadWriteCount(this.parts.db)) === this.writesSeen
    );
  }

  /** Records that this session is about to write to the case (holding its writer lock). */
  async markWrite(): Promise<void> {
    this.writesSeen = await bumpWriteCount(this.parts.db);
  }

  /** Resolves when queued work (a run, an index save) is done; word filters may still be built. */
  async settled(): Promise<void> {
    await this.dataset.settled();
    await this.detections.settled();
  }

  /** Resolves when every stored log file has its word filter (tests, the bench). */
  async wordsIndexed(): Promise<void> {
    await this.dataset.settled();
    await this.words?.start();
  }

  /**
   * Waits for queued work (a run, its index save, word filters in progress), then closes the database:
   * the session is unusable after. Used before the user switches to or deletes a case.
   */
  async shutdown(): Promise<void> {
    await this.quiesce();
    this.parts.db.close();
  }

  /**
   * Deletes everything the case stored, after its queued work, and closes the database: Clear data.
   * The case's next session opens empty.
   */
  async wipe(): Promise<void> {
    await this.quiesce();
    await store.clearAll(this.parts.db);
    this.parts.db.close();
  }

  /** Closes the database connection at once (tests; a page unload closes it anyway). */
  close(): void {
    this.parts.db.close();
  }

  private async quiesce(): Promise<void> {
    this.words?.pause();
    await this.dataset.settled();
    await this.detections.settled();
    // A finished run restarts word indexing once its queue settles: pause it again, after that.
    this.words?.pause();
    await this.words?.settled();
  }
}

/** The interrupted run found at open, with what a resume needs. */
function interruptedState(run: PendingRun, files: readonly FileMeta[]): InterruptedState {
  const resumable = new Map<string, string>();
  for (const f of files) {
    if (f.fileId >= run.firstFileId) resumable.set(pathSizeKey(f.path, f.size), f.sha256);
  }
  return {
    run,
    summary: summarizeInterruptedRun(run, files),
    reports: interruptedReports(run, files),
    resumable,
  };
}
