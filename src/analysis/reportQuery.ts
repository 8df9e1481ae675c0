import { printQuery } from '../querylang/printQuery';
import type { Clause, FieldClause, Query } from '../querylang/types';

const NO_SPAN = { start: 0, end: 0 } as const;

/**
 * The clause that selects the events whose indexed `field` is exactly `value` (case ignored, as the
 * query language matches), or, for '' (no value), `-field:*`: the events countCodes counts under
 * that code.
 */
export function valueClause(field: string, value: string): FieldClause {
  return value === ''
    ? anyClause(field, true)
    : { kind: 'field', field, values: [{ parts: [value] }], negated: false, span: NO_SPAN };
}

/** `field:*` (any non-empty value), or `-field:*` when `negated` (none). */
export function anyClause(field: string, negated: boolean): FieldClause {
  return { kind: 'field', field, values: [{ parts: ['', ''] }], negated, span: NO_SPAN };
}

/** `field:p1,p2…` with glob patterns written as in a query (`*AccessDenied*`). */
export function patternClause(field: string, patterns: readonly string[]): FieldClause {
  const values = patterns.map((p) => ({ parts: p.split('*') }));
  return { kind: 'field', field, values, negated: false, span: NO_SPAN };
}

/**
 * The text of `base` AND `clauses`: the clauses are appended, never merged into a clause of the
 * same field (merging ORs values, which would widen the base instead of narrowing it).
 */
export function andQuery(base: Query, ...clauses: readonly Clause[]): string {
  return printQuery({ clauses: [...base.clauses, ...clauses] });
}
