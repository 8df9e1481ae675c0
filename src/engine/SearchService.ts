import { loadFileBytes } from '../db/cairnDb';
import { markDetections } from '../detect/markDetections';
import type { RowWindow } from '../index/readRows';
import type { RowView, SortColumn, TimeOrder } from '../index/types';
import { FILE_FIELD, resolveField } from '../querylang/fields';
import { parseQuery } from '../querylang/parseQuery';
import { countBy } from '../search/countBy';
import { countByCsv } from '../search/countByCsv';
import type { CountByResult, CountOrder } from '../search/countByTypes';
import { facetValues } from '../search/facetValues';
import { plainCountBy } from '../search/plainCountBy';
import { countOriginFacets } from '../search/countOriginFacets';
import { Searcher } from '../search/Searcher';
import { ValueSuggester } from '../search/suggestValues';
import type { SuggestAnswer, Suggestion } from '../search/suggestValues';
import type {
  EventTarget,
  FacetCounts,
  FacetList,
  Histogram,
  SearchAnswer,
  SearchRequest,
  SearchStatus,
} from '../search/types';
import type { Provenance } from '../analysis/Provenance';
import type { CaseParts } from './CaseParts';
import type { IpOriginService } from './IpOriginService';

/**
 * Tests a search's candidate records in a stored file's bytes, elsewhere (ParsePool.match): one byte per
 * record index, 1 when it matches, 0 when not, 2 when it could not be read.
 */
export type StoredRecordMatch = (
  bytes: Uint8Array<ArrayBuffer>,
  q: string,
  recordIndices: Uint32Array,
) => Promise<Uint8Array>;

/**
 * The table's reads of one case: searches (query text and time range), their pages, counts, facets,
 * histogram, and autocomplete. Searcher does the work; this adds the annotation marks on rows and the
 * suggestions of paths and annotation fields.
 */
export class SearchService {
  private readonly parts: CaseParts;
  private readonly searcher: Searcher;
  private readonly provenance: Provenance;
  private readonly suggester = new ValueSuggester();
  /** Counts started: a count whose turn has passed stops reading records. */
  private countTurn = 0;
  private readonly ipOrigins: IpOriginService | undefined;

  /** Without `match`, a record scan reads and tests stored files in this worker. */
  constructor(
    parts: CaseParts,
    provenance: Provenance,
    options: {
      readonly match?: StoredRecordMatch;
      readonly wordsLoaded?: () => Promise<void>;
      readonly ipOrigins?: IpOriginService;
    } = {},
  ) {
    const { match, wordsLoaded, ipOrigins } = options;
    this.ipOrigins = ipOrigins;
    this.parts = parts;
    this.provenance = provenance;
    const { db, reader } = parts;
    this.searcher = new Searcher({
      index: parts.index,
      reader,
      files: parts.catalog,
      annotations: parts.notes.current,
      hits: parts.hits,
      saved: (name) => parts.queries.lookup(name),
      ...(ipOrigins === undefined ? {} : { ipOrigins }),
      ...(wordsLoaded === undefined ? {} : { wordsLoaded }),
      ...(match === undefined
        ? {}
        : {
            matcher: async (fileId, q, recordIndices) => {
              // Bytes of a file still being stored are shared with its commit: send a copy.
              const held = reader.held(fileId);
              const bytes = held?.slice() ?? (await loadFileBytes(db, fileId));
              if (bytes === undefined) return new Uint8Array(recordIndices.length).fill(2);
              return match(bytes, q, recordIndices);
            },
          }),
    });
  }

  /**
   * Runs a search; see Searcher.search. With `firstPage`, each status (final and progress) carries
   * that window of the result's rows, so the table can show them at once.
   */
  async run(
    request: SearchRequest,
    onProgress?: (s: SearchAnswer) => void,
    firstPage?: RowWindow,
  ): Promise<SearchAnswer> {
    const withRows = (s: SearchStatus): SearchAnswer =>
      firstPage === undefined || s.error !== undefined
        ? s
        : { ...s, firstRows: this.rows(request, firstPage) };
    await this.originsFor(request.q);
    const status = await this.searcher.search(
      request,
      onProgress === undefined ? undefined : (s) => onProgress(withRows(s)),
    );
    return withRows(status);
  }

  /**
   * Loads the IP databases first when `q` asks where IPs come from, so the filter is compiled with
   * them. A failure to load leaves every address `unknown` rather than failing the search.
   */
  private async originsFor(q: string): Promise<void> {
    // A saved query may hold such a clause too; loading the data for nothing costs only time.
    if (this.ipOrigins !== undefined && /\.(country|asn|org)\s*:|\bsaved\s*:/i.test(q)) {
      await this.ipOrigins.ready().catch(() => undefined);
    }
  }

  /**
   * A window of the rows matching `request`, in the window's order (time or a column), with their
   * marks (bookmark, tags, detection).
   */
  rows(request: SearchRequest, window: RowWindow): RowView[] {
    return markDetections(
      this.parts.notes.mark(this.searcher.rows(request, window)),
      this.parts.hits,
    );
  }

  /** Row and table position of an event in the result of `request` (URL `event` restore). */
  locate(request: SearchRequest, target: EventTarget, order: TimeOrder, by?: SortColumn) {
    return this.searcher.locate(request, target, order, by);
  }

  /** Count of an index-only query, for pivots; undefined when it needs stored records. */
  count(request: SearchRequest): number | undefined {
    return this.searcher.count(request);
  }

  /** The top `limit` values of every indexed field under `request`; undefined before it ran. */
  facets(request: SearchRequest, limit?: number): FacetCounts | undefined {
    return this.searcher.facets(request, limit);
  }

  /**
   * The source IPs' countries, ASNs and organisations under `request` (countOriginFacets), loading
   * the IP databases first if needed; undefined before the search ran.
   * @throws Error when the IP databases cannot be loaded.
   */
  async originFacets(request: SearchRequest, limit = 8): Promise<FacetCounts | undefined> {
    if (this.ipOrigins === undefined) return undefined;
    const table = await this.ipOrigins.ready();
    const started = performance.now();
    const rows = this.searcher.resultRows(request);
    if (rows === undefined) return undefined;
    const facets = countOriginFacets(this.parts.index, rows, table, limit);
    return { facets, elapsedMs: performance.now() - started };
  }

  /**
   * Every value of indexed `field` in the result of `request` containing `text` (case-insensitive),
   * with counts, most frequent first, at most `limit`; values first seen in its time range marked.
   * Undefined before the search ran, or for a field without listed values (search/facetValues).
   */
  facetValues(
    request: SearchRequest,
    field: string,
    text: string,
    limit = 500,
  ): FacetList | undefined {
    const started = performance.now();
    const rows = this.searcher.resultRows(request);
    if (rows === undefined) return undefined;
    const index = this.parts.index;
    const seen = this.searcher.seenBefore(request.from);
    const list = facetValues(index, rows, field, text, limit, seen);
    return list === undefined ? undefined : { ...list, elapsedMs: performance.now() - started };
  }

  /** The result's event counts per time bin over [from, to), ms since epoch. */
  histogram(request: SearchRequest, from: number, to: number): Histogram | undefined {
    return this.searcher.histogram(request, from, to);
  }

  /** Autocomplete for a field: values containing `text`, with counts. */
  suggest(field: string, text: string, limit?: number): Suggestion[] {
    if (field.toLowerCase() === FILE_FIELD) return this.provenance.suggestPaths(text, limit);
    const annotation = this.parts.notes.suggest(field, text, limit);
    if (annotation !== undefined) return annotation;
    return this.suggester.suggest(this.parts.index, field, text, limit);
  }

  /**
   * Autocomplete for a field with counts under a filter: among the events matching `under` (the
   * rest of the query and the time range) when the index can count them so (indexed fields, and a
   * filter the index answers alone or whose complete result is held); else over the whole case,
   * and `under` in the answer is undefined to say so.
   */
  suggestUnder(under: SearchRequest, field: string, text: string, limit?: number): SuggestAnswer {
    const whole = (): SuggestAnswer => ({
      values: this.suggest(field, text, limit),
      under: undefined,
    });
    const { source } = resolveField(field);
    if (
      source.kind !== 'column' &&
      source.kind !== 'resourceType' &&
      source.kind !== 'resourceName'
    )
      return whole();
    const rows = this.searcher.rowsUnder(under);
    if (rows === undefined) return whole();
    const values = this.suggester.suggestIn(this.parts.index, field, text, rows, limit);
    return { values, under: rows.length };
  }

  /**
   * The result of `request` grouped by its `| count by` fields (search/countBy): undefined when
   * its text has no such clause or does not parse, or before its search ran. A JSON path reads the
   * stored records back, with partial answers through `onProgress`; a newer count stops an older
   * one's read (it answers undefined). `elapsedMs` is the worker's time.
   */
  async countBy(
    request: SearchRequest,
    order: CountOrder,
    onProgress?: (partial: CountByResult) => void,
  ): Promise<CountByResult | undefined> {
    const parsed = parseQuery(request.q);
    const fields = parsed.ok ? parsed.query.countBy : undefined;
    const rows = this.searcher.resultRows(request);
    if (fields === undefined || rows === undefined) return undefined;
    const turn = ++this.countTurn;
    const { index, reader } = this.parts;
    return countBy(
      index,
      (fileId) => reader.records(fileId),
      rows,
      fields,
      order,
      onProgress,
      () => turn !== this.countTurn,
    );
  }

  /**
   * Every group of the count of `request` (no cut) as CSV (search/countByCsv), in `order`;
   * undefined as countBy is.
   */
  async countByCsv(request: SearchRequest, order: CountOrder): Promise<string | undefined> {
    const result = await this.countBy(request, { ...order, limit: Number.MAX_SAFE_INTEGER });
    return result === undefined ? undefined : countByCsv(result);
  }

  /**
   * The bench's reference for countBy: the same rows' records read back and grouped the plain way
   * (search/plainCountBy); undefined as countBy is.
   */
  async plainCountBy(
    request: SearchRequest,
  ): Promise<{ groups: number; records: number; ms: number } | undefined> {
    const parsed = parseQuery(request.q);
    const fields = parsed.ok ? parsed.query.countBy : undefined;
    const rows = this.searcher.resultRows(request);
    if (fields === undefined || rows === undefined) return undefined;
    const { index, reader } = this.parts;
    return plainCountBy(index, (fileId) => reader.records(fileId), rows, fields);
  }

  /**
   * The rows of `request` in time order when the index answers it alone or its complete result is
   * held (Searcher.rowsUnder); undefined while a record scan has not finished it.
   */
  rowsUnder(request: SearchRequest): Uint32Array | undefined {
    return this.searcher.rowsUnder(request);
  }

  /** The rows of the last result of `request` (exports read them); undefined before it ran. */
  resultRows(request: SearchRequest): Uint32Array | undefined {
    return this.searcher.resultRows(request);
  }
}
