import type { RowView, SortColumn, TimeOrder } from '../index/types';

/**
 * One value of a field and its events under a filter. `value` '' means the field is absent.
 * `firstSeen`: the value occurs in the time range and in no event before its start.
 */
export interface FacetValue {
  readonly value: string;
  readonly count: number;
  readonly firstSeen?: true;
  /** Shown beside the value where it needs one (an ASN's organisation). */
  readonly label?: string;
}

/** The top values of one indexed field under a filter. */
export interface Facet {
  /** Canonical query field name (querylang/fields.ts). */
  readonly field: string;
  /** Distinct values under the filter. */
  readonly distinct: number;
  readonly values: readonly FacetValue[];
}

/** Every value of one field under a filter that contains a text, most frequent first (capped). */
export interface FacetList extends Facet {
  /** Of the `distinct` values, those containing the text; `values` holds the first of them. */
  readonly matching: number;
  /** Worker time to compute it, ms. */
  readonly elapsedMs?: number;
}

/** What the table shows: query text, time range (ms since epoch, `to` exclusive) and sort. */
export interface SearchRequest {
  readonly q: string;
  readonly from?: number;
  readonly to?: number;
}

/**
 * The table's order: by event time without `by`, else by that column's text (sortRowsBy), ties by
 * time. `dir` 'desc' is newest first, or Z to A (newest first among equals).
 */
export interface TableOrder {
  readonly dir: TimeOrder;
  readonly by?: SortColumn;
}

/** Where a search stands. `complete` is false while stored records are still being scanned. */
export interface SearchStatus {
  /** The request this answers, as a key (see searchKey). */
  readonly key: string;
  readonly matchCount: number;
  readonly complete: boolean;
  /** Files read so far and to read, when the query needs stored records (free text, JSON paths). */
  readonly filesScanned: number;
  readonly filesToScan: number;
  /** Of the files scanned, those ruled out by their word filter without being read. */
  readonly filesSkipped: number;
  /** Worker time spent on the search so far, ms (a diagnostic, and what the bench reads). */
  readonly elapsedMs: number;
  /** Times of the first and last matching events, ms since epoch; absent when none match. */
  readonly minTime?: number;
  readonly maxTime?: number;
  /** The syntax error, when the text does not parse; the previous result stays. */
  readonly error?: { readonly message: string; readonly start: number; readonly end: number };
}

/** A search status with, when asked for, the first page of its rows (saves the table a round trip). */
export type SearchAnswer = SearchStatus & { readonly firstRows?: readonly RowView[] };

/** Event counts per time bin, split by outcome. `start` and `step` are ms; arrays have one entry per bin. */
export interface Histogram {
  readonly start: number;
  readonly step: number;
  readonly ok: Uint32Array;
  readonly errors: Uint32Array;
  /** Events per bin with an active detection hit (any rule, benign hits left out); absent when none. */
  readonly hits?: Uint32Array;
  /** Worker time to compute it, ms. */
  readonly elapsedMs?: number;
}

/** Facets of a search result, and the worker time they took (ms). */
export interface FacetCounts {
  readonly facets: readonly Facet[];
  readonly elapsedMs: number;
}

/**
 * An event to find in a result: its eventID ('' when the record has none) and, when known, its row in
 * this case's index (which picks one of several records sharing an eventID).
 */
export interface EventTarget {
  readonly eventID: string;
  readonly row?: number;
}

/** A stable key for a search request. */
export function searchKey(r: SearchRequest): string {
  return JSON.stringify([r.q.trim(), r.from ?? null, r.to ?? null]);
}

export type { CountByResult, CountGroup, CountOrder, CountParent, CountSort } from './countByTypes';
export { COUNT_ROW_LIMIT, COUNT_SORTS } from './countByTypes';
