import type { TextClause } from '../querylang/types';
import type { Condition, SqlDialect } from './types';
import type { CidrTest } from './valueCondition';

/** A condition on one string value, given the SQL expression of that value. */
export type ValueTest = (value: string) => string;

/**
 * What one engine needs printed differently: where each field's value is, how "any of these values"
 * is written, the range test, time, and the statement around the WHERE clause. printSql does the
 * rest, the same for every engine.
 */
export interface Dialect {
  readonly name: SqlDialect;
  /** A single-valued field's string expression ('' when absent), by canonical name (fields.ts). */
  column(field: string): string | undefined;
  /** Some value at a dotted JSON path passes `test` (lists met along it are searched). */
  anyAtPath(path: readonly string[], test: ValueTest): Condition;
  /** Some resource name or type (the console's Resource name / type) passes `test`. */
  anyResource(kind: 'resourceName' | 'resourceType', test: ValueTest): Condition;
  /** Some file the event was delivered in (its path or S3 key) passes `test`. */
  anyFile(test: ValueTest): Condition;
  /** Free text, as whole words, somewhere in the record. */
  text(clause: TextClause): Condition;
  readonly cidr: CidrTest;
  /** The event time as a comparable expression, and a literal of `ms` (ms since epoch) beside it. */
  readonly time: string;
  timeLiteral(ms: number): string;
  /**
   * The `WITH …` that reads `source` into a relation named `events`, one row per event as Cairn
   * counts them (identical re-deliveries folded), and conditions the rows of `events` must also meet.
   */
  prelude(
    source: string,
    range: { readonly from?: number | undefined; readonly to?: number | undefined },
  ): { readonly with: string; readonly where: readonly string[] };
  /** The SELECT list of one row per event. */
  readonly eventColumns: string;
}
