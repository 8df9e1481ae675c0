/** What a count can be sorted by: events, the grouped value (A to Z), first or last seen. */
export const COUNT_SORTS = ['count', 'key', 'first', 'last'] as const;
export type CountSort = (typeof COUNT_SORTS)[number];

/** How a count is ordered and cut: `dir` 'desc' is most events, Z to A, or newest first. */
export interface CountOrder {
  readonly sort: CountSort;
  readonly dir: 'asc' | 'desc';
  /** Rows sent at most (groups, plus pairs under them for two fields); default COUNT_ROW_LIMIT. */
  readonly limit?: number;
}

/** Rows a count sends to the page at most: a table one can read, and a bounded message. */
export const COUNT_ROW_LIMIT = 1000;

/**
 * One group of a count: the events whose field holds `keys[0]` (and, in a pair, whose second field
 * holds `keys[1]`). '' is "(none)": the event has no non-empty value of the field. Values that only
 * differ in case (and, in sourceIPAddress, spellings of one address) are one group, as a query
 * clause matches them; `keys` shows the first spelling met.
 */
export interface CountGroup {
  readonly keys: readonly string[];
  /** Events in the group: what the row's link finds. */
  readonly events: number;
  /**
   * Distinct non-empty values of CountByResult.distinctField among the group's events (one field),
   * or of the second field (the group heading pairs); undefined on a pair row.
   */
  readonly distinct?: number;
  /** Times of the first and last events of the group, ms since epoch. */
  readonly firstSeen: number;
  readonly lastSeen: number;
}

/** A group of the first field with, for two fields, its pairs (the first `pairs.length` of `pairCount`). */
export interface CountParent extends CountGroup {
  readonly pairs?: readonly CountGroup[];
  readonly pairCount?: number;
}

/**
 * A search result grouped by one or two fields. `groups` are sorted and cut (CountOrder); `total`
 * says how many groups there are, `totalPairs` how many (first, second) pairs.
 */
export interface CountByResult {
  /** The grouped fields, canonical names. */
  readonly fields: readonly string[];
  /** The field whose distinct values each group counts (one field), or the second field. */
  readonly distinctField: string;
  readonly groups: readonly CountParent[];
  readonly total: number;
  readonly totalPairs?: number;
  /** Events grouped: the search's match count. */
  readonly events: number;
  /** Events whose stored record could not be read back (a JSON path); in no group. */
  readonly unreadable: number;
  /** Stored files read back, and to read, for a JSON path; 0 and 0 for indexed fields. */
  readonly filesRead: number;
  readonly filesToRead: number;
  /** False while records are still being read (a progress report). */
  readonly complete: boolean;
  /** Worker time, ms (performance.now()). */
  readonly elapsedMs: number;
}
