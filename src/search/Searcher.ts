import { withoutCountBy } from '../querylang/countBy';
import { FILE_FIELD, resolveField } from '../querylang/fields';
import { expandSaved } from '../querylang/expandSaved';
import { parseQuery } from '../querylang/parseQuery';
import type { SavedLookup } from '../querylang/expandSaved';
import { printQuery } from '../querylang/printQuery';
import type { ParseOutcome, Query } from '../querylang/types';
import type { AnnotationIndex } from '../index/AnnotationIndex';
import type { IpOriginTable } from '../iporigin/IpOriginTable';
import type { RuleHits } from '../index/RuleHits';
import { compileFilter } from './compileFilter';
import type { CompiledFilter } from './compileFilter';
import { countFacets } from './countFacets';
import { SeenBefore } from './firstSeen';
import type { SeenBeforeOf } from './firstSeen';
import type { EventIndex } from '../index/EventIndex';
import type { FileCatalog } from '../index/FileCatalog';
import { histogramOf } from './histogramOf';
import { hitRowMark } from './hitRowMark';
import { readRows } from '../index/readRows';
import type { RowWindow } from '../index/readRows';
import type { RecordReader } from '../db/RecordReader';
import { lowerBound, selectRows } from './selectRows';
import { sortRowsBy } from './sortRowsBy';
import type { EventTarget, FacetCounts, Histogram, SearchRequest, SearchStatus } from './types';
import type { RowView, SortColumn } from '../index/types';
import { searchKey } from './types';

/**
 * Runs the record part of query `q` on records `recordIndices` of stored file `fileId` elsewhere
 * (a parse worker); a verdict per index, 1 matches and 2 does not.
 */
export type RecordMatcher = (
  fileId: number,
  q: string,
  recordIndices: Uint32Array,
) => Promise<Uint8Array>;

/** What a Searcher reads: the case's index and stored records, and optionally the rest. */
export interface SearcherDeps {
  readonly index: EventIndex;
  readonly reader: RecordReader;
  readonly matcher?: RecordMatcher;
  readonly files?: FileCatalog;
  readonly annotations?: AnnotationIndex;
  /** The detection hits, for `rule:`, `level:` and `attack:` clauses; without it no event has one. */
  readonly hits?: RuleHits;
  /**
   * Resolves once the stored word filters are in the index (read in the background at open): a
   * scan that filters files by words waits for them rather than read files they would rule out.
   */
  readonly wordsLoaded?: () => Promise<void>;
  /** The case's saved queries by name, for `saved:` clauses; without it every such name is unknown. */
  readonly saved?: SavedLookup;
  /**
   * Where source IPs come from, for `sourceIPAddress.country:`… clauses: the table once loaded, and
   * a version that changes whenever the table is replaced (another database); without it every
   * address is `unknown`.
   */
  readonly ipOrigins?: IpOriginsSource;
}

/** The origin table as the Searcher reads it (engine/IpOriginService). */
export interface IpOriginsSource {
  current(): IpOriginTable | undefined;
  readonly version: number;
}

/**
 * Files searched at once: two per parse worker on two cores, so each worker has the next file in
 * hand while the ingest worker reads another from IndexedDB.
 */
const LANES = 4;

/** Progress callbacks are throttled to this interval (ms) while stored records are scanned. */
const PROGRESS_MS = 150;

interface Result {
  readonly key: string;
  rows: Uint32Array;
  complete: boolean;
  /** index.size when computed: a grown index makes the result stale. */
  readonly size: number;
  /** With a `file:` clause, the file catalog's version when computed (a changed one makes it stale); else -1. */
  readonly filesVersion: number;
  /**
   * With an annotation clause (`tag:`…) or a detection clause (`rule:`…), the sum of the annotations'
   * and the hits' versions when computed (both only grow); else -1.
   */
  readonly annotationsVersion: number;
  filesScanned: number;
  /** Files ruled out by their word filter without being read. */
  filesSkipped: number;
  readonly filesToScan: number;
  /** performance.now() when the search started, and its duration once complete (ms). */
  readonly startedAt: number;
  elapsedMs: number | undefined;
}

/**
 * Answers the table's searches and keeps the latest result: the matching rows in time order. Clauses
 * on indexed fields are a scan of typed arrays; free text and other JSON paths then read the stored
 * files of the candidate rows, newest first, so the first screen fills early and progress streams.
 * A newer search stops an older one's scan.
 */
export class Searcher {
  private current: Result | undefined;
  /** The last column sort, kept while its result rows are the current ones (paging re-reads it). */
  private sorted:
    { readonly rows: Uint32Array; readonly by: SortColumn; readonly out: Uint32Array } | undefined;
  private generation = 0;
  private readonly seen = new SeenBefore();
  private readonly index: EventIndex;
  private readonly reader: RecordReader;
  private readonly matcher: RecordMatcher | undefined;
  private readonly files: FileCatalog | undefined;
  private readonly annotations: AnnotationIndex | undefined;
  private readonly hits: RuleHits | undefined;
  private readonly ipOrigins: IpOriginsSource | undefined;
  private hitMarkFor: { readonly key: string; readonly mark: Uint8Array | undefined } | undefined;

  /**
   * Without `matcher`, records are read and tested here, one file at a time. `files` resolves
   * `file:` clauses (without it they match nothing); `annotations` answers `tag:`, `bookmarked:`,
   * `note:` and `is:` (without it no event is annotated). The index, catalog and annotations grow in
   * place; a result is stale once any of them changed (see isFresh).
   */
  private readonly wordsLoaded: (() => Promise<void>) | undefined;
  private readonly saved: SavedLookup;

  constructor(deps: SearcherDeps) {
    this.index = deps.index;
    this.reader = deps.reader;
    this.matcher = deps.matcher;
    this.files = deps.files;
    this.annotations = deps.annotations;
    this.hits = deps.hits;
    this.ipOrigins = deps.ipOrigins;
    this.wordsLoaded = deps.wordsLoaded;
    this.saved = deps.saved ?? (() => undefined);
  }

  /**
   * Runs `request` to completion (or until a newer search starts) and returns its status.
   * `onProgress` receives partial statuses during a record scan. Never throws on bad query text:
   * the status carries the syntax error and the previous result stays.
   */
  async search(
    request: SearchRequest,
    onProgress?: (status: SearchStatus) => void,
  ): Promise<SearchStatus> {
    const { key, parsed, text } = this.parse(request);
    if (!parsed.ok) {
      const { message, span } = parsed.error;
      const base = this.current === undefined ? this.emptyStatus(key) : this.status(this.current);
      return { ...base, key, error: { message, start: span.start, end: span.end } };
    }
    const existing = this.current;
    if (existing?.key === key && this.isFresh(existing) && existing.complete) {
      return this.status(existing);
    }
    const generation = ++this.generation;
    const startedAt = performance.now();
    const index = this.index;
    const filter = this.compile(parsed.query);
    const candidates = selectRows(index, filter.rowTests, request);
    const test = filter.recordTest;
    if (test === undefined) {
      this.current = {
        key,
        rows: candidates,
        complete: true,
        size: index.size,
        filesVersion: this.filesVersionFor(parsed.query),
        annotationsVersion: this.annotationsVersionFor(parsed.query),
        filesScanned: 0,
        filesSkipped: 0,
        filesToScan: 0,
        startedAt,
        elapsedMs: performance.now() - startedAt,
      };
      return this.status(this.current);
    }
    const byFile = groupByFile(index, candidates);
    const fileTest = filter.fileTest;
    if (fileTest !== undefined) await this.wordsLoaded?.();
    const result: Result = {
      key,
      rows: new Uint32Array(0),
      complete: false,
      size: index.size,
      filesVersion: this.filesVersionFor(parsed.query),
      annotationsVersion: this.annotationsVersionFor(parsed.query),
      filesScanned: 0,
      filesSkipped: 0,
      filesToScan: byFile.size,
      startedAt,
      elapsedMs: undefined,
    };
    this.current = result;
    const verdict = new Uint8Array(candidates.length);
    let lastReport = performance.now();
    // A partial result costs a pass over every candidate (10M at 10M events): report at most as
    // often as keeps that pass under 5 % of the scan.
    let reportEvery = PROGRESS_MS;
    const files = [...byFile];
    let next = 0;
    const lane = async () => {
      while (next < files.length && generation === this.generation) {
        const [fileId, positions] = files[next++] ?? [0, []];
        const bloom = fileTest === undefined ? undefined : index.blooms.get(fileId);
        if (bloom !== undefined && fileTest?.(bloom) === false) {
          // The file's word filter proves no record in it matches: skip reading it.
          for (const p of positions) verdict[p] = 2;
          result.filesSkipped++;
        } else {
          const recordIndices = Uint32Array.from(
            positions,
            (p) => index.recordIndex.data[candidates[p] ?? 0] ?? 0,
          );
          const verdicts = await this.matchFile(fileId, text, recordIndices, test);
          positions.forEach((p, k) => (verdict[p] = verdicts[k] ?? 2));
        }
        result.filesScanned++;
        if (onProgress !== undefined && performance.now() - lastReport > reportEvery) {
          const t = performance.now();
          result.rows = keepMatches(candidates, verdict);
          reportEvery = Math.max(PROGRESS_MS, 20 * (performance.now() - t));
          lastReport = performance.now();
          onProgress(this.status(result));
        }
      }
    };
    await Promise.all(Array.from({ length: LANES }, lane));
    if (generation !== this.generation) return this.status(result);
    result.rows = keepMatches(candidates, verdict);
    result.complete = generation === this.generation;
    result.elapsedMs = performance.now() - startedAt;
    return this.status(result);
  }

  /**
   * A window of the result of `request`, in time order or sorted by `window.by` (see sortRowsBy),
   * or [] when another search holds the result.
   */
  rows(request: SearchRequest, window: RowWindow): RowView[] {
    const result = this.resultFor(request);
    if (result === undefined) return [];
    return readRows(this.index, this.sortedBy(result.rows, window.by), window);
  }

  /** `rows` (time order) sorted by `by`, computed once per result and column; as is without `by`. */
  private sortedBy(rows: Uint32Array, by: SortColumn | undefined): Uint32Array {
    if (by === undefined) return rows;
    const last = this.sorted;
    if (last?.rows === rows && last.by === by) return last.out;
    const out = sortRowsBy(this.index, rows, by);
    this.sorted = { rows, by, out };
    return out;
  }

  /** The rows of the result of `request` in time order (ascending), or undefined. */
  resultRows(request: SearchRequest): Uint32Array | undefined {
    return this.resultFor(request)?.rows;
  }

  /**
   * Facets of the result of `request` (top `limit` values per field), values first seen in its time
   * range marked (firstSeen.rowsBefore).
   */
  facets(request: SearchRequest, limit = 10): FacetCounts | undefined {
    const started = performance.now();
    const result = this.resultFor(request);
    if (result === undefined) return undefined;
    const facets = countFacets(this.index, result.rows, limit, this.seenBefore(request.from));
    return { facets, elapsedMs: performance.now() - started };
  }

  /** The codes of each field the events before `from` carry (first-seen marks), kept per range start. */
  seenBefore(from: number | undefined): SeenBeforeOf {
    return this.seen.of(this.index, from);
  }

  /** The histogram of the result of `request` over [from, to) ms. */
  histogram(request: SearchRequest, from: number, to: number): Histogram | undefined {
    const started = performance.now();
    const result = this.resultFor(request);
    if (result === undefined) return undefined;
    const histogram = histogramOf(this.index, result.rows, from, to, 120, this.hitMark());
    return histogram === undefined
      ? undefined
      : { ...histogram, elapsedMs: performance.now() - started };
  }

  /**
   * Events matching `request` when the index answers it alone (pivot counts), without replacing the
   * current result; undefined when the query needs stored records or does not parse.
   */
  count(request: SearchRequest): number | undefined {
    const { parsed } = this.parse(request);
    if (!parsed.ok) return undefined;
    const index = this.index;
    const filter = this.compile(parsed.query);
    if (filter.recordTest !== undefined) return undefined;
    return selectRows(index, filter.rowTests, request).length;
  }

  /**
   * Where the event `target` names sits in the result of `request`: its row and its position in the
   * given order (time, or sorted by `by`). Undefined when it is not in the result (or another
   * search holds it). Of several rows sharing the eventID (a conflict), the hinted row when it is one
   * of them, else the first.
   */
  locate(
    request: SearchRequest,
    target: EventTarget,
    order: 'asc' | 'desc',
    by?: SortColumn,
  ): { readonly row: number; readonly position: number } | undefined {
    const result = this.resultFor(request);
    if (result === undefined) return undefined;
    const index = this.index;
    const time = index.time.data;
    const { eventID, row: hint } = target;
    // The row is this case's handle; a link from elsewhere names another event there, so the
    // eventID decides. Events without an eventID are found by their row alone.
    const byRow = hint !== undefined && hint < index.size && index.eventId(hint) === eventID;
    const candidates = byRow ? [hint] : eventID === '' ? [] : index.rowsWithEventId(eventID);
    if (by !== undefined) {
      const sorted = this.sortedBy(result.rows, by);
      for (const row of candidates) {
        const p = sorted.indexOf(row);
        if (p >= 0) return { row, position: order === 'asc' ? p : sorted.length - 1 - p };
      }
      return undefined;
    }
    for (const row of candidates) {
      // Result rows are time-ordered: binary search to the row's time, then step to the row.
      let p = lowerBound(result.rows, time, time[row] ?? 0);
      while (
        p < result.rows.length &&
        result.rows[p] !== row &&
        time[result.rows[p] ?? 0] === time[row]
      )
        p++;
      if (result.rows[p] === row) {
        return { row, position: order === 'asc' ? p : result.rows.length - 1 - p };
      }
    }
    return undefined;
  }

  /** Verdicts (1 match, 2 not) for records of one file: in a parse worker when there is a matcher. */
  private async matchFile(
    fileId: number,
    q: string,
    recordIndices: Uint32Array,
    test: (record: unknown) => boolean,
  ): Promise<Uint8Array> {
    const none = () => new Uint8Array(recordIndices.length).fill(2);
    if (this.matcher !== undefined) return this.matcher(fileId, q, recordIndices).catch(none);
    const records = await this.reader.records(fileId).catch(() => []);
    return Uint8Array.from(recordIndices, (i) => (test(records[i]) ? 1 : 2));
  }

  /**
   * The rows matching `request` in time order, without replacing the current result: that result
   * when it answers `request` and is complete, else computed when the index answers it alone;
   * undefined when it needs a record scan (or does not parse). For counts under a filter.
   */
  rowsUnder(request: SearchRequest): Uint32Array | undefined {
    const { key, parsed } = this.parse(request);
    if (!parsed.ok) return undefined;
    const current = this.current;
    if (current?.key === key && this.isFresh(current) && current.complete) return current.rows;
    const filter = this.compile(parsed.query);
    if (filter.recordTest !== undefined) return undefined;
    return selectRows(this.index, filter.rowTests, request);
  }

  /**
   * `request`'s query with its `saved:` clauses expanded (the text a parse worker is given), and the
   * key its result is kept under: the expanded text's, so a saved query changed since gives a new
   * result rather than a stale one.
   */
  private parse(request: SearchRequest): { key: string; parsed: ParseOutcome; text: string } {
    const raw = parseQuery(request.q);
    const parsed = raw.ok ? expandSaved(raw.query, this.saved) : raw;
    // expandSaved gives the same query back when it holds no `saved:` clause.
    if (!raw.ok || !parsed.ok || (parsed.query === raw.query && raw.query.countBy === undefined)) {
      return { key: searchKey(request), parsed, text: request.q };
    }
    // `| count by` groups the result without changing it: `q | count by f` shares the result (and
    // the record scan) of `q` as typed, the text up to the end of its last clause.
    const query = withoutCountBy(parsed.query);
    const last = raw.query.clauses[raw.query.clauses.length - 1];
    const text =
      parsed.query === raw.query ? request.q.slice(0, last?.span.end ?? 0) : printQuery(query);
    return { key: searchKey({ ...request, q: text }), parsed: { ok: true, query }, text };
  }

  private resultFor(request: SearchRequest): Result | undefined {
    const { key, parsed } = this.parse(request);
    const current = this.current;
    if (current?.key === key && (this.isFresh(current) || !current.complete)) {
      return current;
    }
    // A query the index answers alone is recomputed on the spot (≈10 ms per million rows).
    if (!parsed.ok) return undefined;
    const index = this.index;
    const filter = this.compile(parsed.query);
    if (filter.recordTest !== undefined) return undefined;
    const startedAt = performance.now();
    const rows = selectRows(index, filter.rowTests, request);
    this.current = {
      key,
      rows,
      complete: true,
      size: index.size,
      filesVersion: this.filesVersionFor(parsed.query),
      annotationsVersion: this.annotationsVersionFor(parsed.query),
      filesScanned: 0,
      filesSkipped: 0,
      filesToScan: 0,
      startedAt,
      elapsedMs: performance.now() - startedAt,
    };
    return this.current;
  }

  /** Whether `r` still holds: the index has not grown, nor the files a `file:` clause named. */
  /** The query compiled against the current index, its files and its annotations. */
  private compile(query: Query): CompiledFilter {
    const index = this.index;
    return compileFilter(
      index,
      query,
      this.files,
      () => this.annotations?.rows(index) ?? new Map(),
      this.hits,
      this.ipOrigins?.current(),
    );
  }

  private isFresh(r: Result): boolean {
    return (
      r.size === this.index.size &&
      (r.filesVersion < 0 || r.filesVersion === (this.files?.version ?? 0)) &&
      (r.annotationsVersion < 0 || r.annotationsVersion === this.marksVersion())
    );
  }

  /** Rows with an active detection hit (hitRowMark), kept while the hits and the index stand. */
  private hitMark(): Uint8Array | undefined {
    const hits = this.hits;
    if (hits === undefined) return undefined;
    const key = `${hits.version} ${this.index.size}`;
    if (this.hitMarkFor?.key !== key)
      this.hitMarkFor = { key, mark: hitRowMark(hits, this.index.size) };
    return this.hitMarkFor.mark;
  }

  private marksVersion(): number {
    return (
      (this.annotations?.version ?? 0) + (this.hits?.version ?? 0) + (this.ipOrigins?.version ?? 0)
    );
  }

  private annotationsVersionFor(query: Query): number {
    const named = query.clauses.some((c) => {
      if (c.kind !== 'field') return false;
      const kind = resolveField(c.field).source.kind;
      return kind === 'annotation' || kind === 'detection' || kind === 'ipOrigin';
    });
    return named ? this.marksVersion() : -1;
  }

  private filesVersionFor(query: Query): number {
    const named = query.clauses.some((c) => c.kind === 'field' && c.field === FILE_FIELD);
    return named ? (this.files?.version ?? 0) : -1;
  }

  private status(r: Result): SearchStatus {
    const time = this.index.time.data;
    const first = r.rows[0];
    const last = r.rows[r.rows.length - 1];
    return {
      key: r.key,
      matchCount: r.rows.length,
      ...(first === undefined || last === undefined
        ? {}
        : { minTime: time[first] ?? 0, maxTime: time[last] ?? 0 }),
      complete: r.complete,
      filesScanned: r.filesScanned,
      filesSkipped: r.filesSkipped,
      filesToScan: r.filesToScan,
      elapsedMs: r.elapsedMs ?? performance.now() - r.startedAt,
    };
  }

  private emptyStatus(key: string): SearchStatus {
    return {
      key,
      matchCount: 0,
      complete: true,
      filesScanned: 0,
      filesSkipped: 0,
      filesToScan: 0,
      elapsedMs: 0,
    };
  }
}

/** Positions of `candidates` grouped by the file that holds each row, newest rows' files first. */
function groupByFile(index: EventIndex, candidates: Uint32Array): Map<number, number[]> {
  const byFile = new Map<number, number[]>();
  for (let p = candidates.length - 1; p >= 0; p--) {
    const fileId = index.fileId.data[candidates[p] ?? 0] ?? 0;
    let list = byFile.get(fileId);
    if (list === undefined) {
      list = [];
      byFile.set(fileId, list);
    }
    list.push(p);
  }
  return byFile;
}

function keepMatches(candidates: Uint32Array, verdict: Uint8Array): Uint32Array {
  const out = new Uint32Array(candidates.length);
  let n = 0;
  for (let p = 0; p < candidates.length; p++) if (verdict[p] === 1) out[n++] = candidates[p] ?? 0;
  return out.subarray(0, n);
}
