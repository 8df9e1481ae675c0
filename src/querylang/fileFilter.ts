import { FILE_FIELD } from './fields';
import { printClause } from './printQuery';
import type { Clause, FieldClause, Query, ValuePattern } from './types';

/*
 * Pure edits for the sources tree and the file view: they own the query's one `file:` clause (the
 * tree selects a single node), leaving every other clause as typed.
 */

const NO_SPAN = { start: 0, end: 0 } as const;

/** The `file:` clause selecting `patterns` (OR). */
export function fileClause(patterns: readonly ValuePattern[]): FieldClause {
  return { kind: 'field', field: FILE_FIELD, values: patterns, negated: false, span: NO_SPAN };
}

/** The text of the clause selecting exactly the file at `path` (quoted or escaped as needed). */
export function exactFileClause(path: string): string {
  return printClause(fileClause([{ parts: [path] }]));
}

/**
 * The query with its positive `file:` clauses replaced by one selecting `patterns`, or removed when
 * `patterns` is undefined or empty. Negated `file:` clauses (exclusions typed by hand) stay.
 */
export function withFileFilter(query: Query, patterns: readonly ValuePattern[] | undefined): Query {
  const kept = query.clauses.filter((c) => !isFileClause(c));
  return {
    ...query,
    clauses:
      patterns === undefined || patterns.length === 0 ? kept : [...kept, fileClause(patterns)],
  };
}

/** The values of the query's positive `file:` clause, when it has exactly one. */
export function selectedFilePatterns(query: Query): readonly ValuePattern[] | undefined {
  const found = query.clauses.filter(isFileClause);
  return found.length === 1 ? found[0]?.values : undefined;
}

/** Whether two value lists are the same patterns (case ignored, as matching does), in any order. */
export function samePatterns(a: readonly ValuePattern[], b: readonly ValuePattern[]): boolean {
  const key = (p: ValuePattern) => JSON.stringify(p.parts.map((part) => part.toLowerCase()));
  const left = a.map(key).sort();
  const right = b.map(key).sort();
  return left.length === right.length && left.every((k, i) => k === right[i]);
}

function isFileClause(c: Clause): c is FieldClause {
  return c.kind === 'field' && c.field === FILE_FIELD && !c.negated;
}
