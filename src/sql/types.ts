import type { Query } from '../querylang/types';

/** The engines Cairn prints a view for. */
export type SqlDialect = 'duckdb' | 'athena' | 'lake';

/** Every dialect, in the order the SQL dialog shows them. */
export const SQL_DIALECTS: readonly SqlDialect[] = ['athena', 'lake', 'duckdb'];

/**
 * What is printed: the parsed query (never its text; `saved:` already expanded), the time range in
 * ms since epoch (`from` inclusive, `to` exclusive, either open) and the table's sort.
 */
export interface SqlView {
  readonly query: Query;
  readonly from?: number;
  readonly to?: number;
  /** A query field name (fields.ts) and direction; absent: eventTime ascending. */
  readonly sort?: { readonly field: string; readonly desc: boolean };
}

/**
 * Where the events are, per dialect: the Athena table (`cloudtrail_logs`), the CloudTrail Lake
 * event data store ID, and the files DuckDB reads (a glob such as `AWSLogs/**\/*.json.gz`).
 */
export interface SqlSources {
  readonly athena: string;
  readonly lake: string;
  readonly duckdb: string;
}

/** A SQL condition, or why a clause has none in this dialect (printed as a comment, matched by all). */
export type Condition = { readonly sql: string } | { readonly unsupported: string };
