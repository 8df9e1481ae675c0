import { resolveField } from './fields';
import type { Clause, FieldClause, Query, ValuePattern } from './types';

/*
 * Pure edits for filter widgets and facets. Edited and new clauses get an empty span: callers
 * re-print the query (printQuery) and re-parse it when they need positions. Values compare without
 * case, as matching does, so `alice` typed by hand and `Alice` clicked in a facet are one value.
 * Every edit keeps the query's `countBy`: the printer writes it after the clauses, so a clause
 * added to `a | count by b` lands before the `|`.
 */

const NO_SPAN = { start: 0, end: 0 } as const;

/**
 * Adds `value` as an exact match to the first clause of `field` with this polarity (OR within it),
 * or appends `field:value` (`-field:value` when negated). Unchanged if the value is already there.
 */
export function withFieldValue(
  query: Query,
  field: string,
  value: string,
  negated: boolean,
): Query {
  const name = resolveField(field).name;
  const index = query.clauses.findIndex((c) => isFieldClause(c, name, negated));
  const pattern: ValuePattern = { parts: [value] };
  const target = query.clauses[index];
  if (target?.kind !== 'field') {
    const clause: FieldClause = {
      kind: 'field',
      field: name,
      values: [pattern],
      negated,
      span: NO_SPAN,
    };
    return { ...query, clauses: [...query.clauses, clause] };
  }
  if (target.values.some((p) => isExact(p, value)))
    return { ...query, clauses: [...query.clauses] };
  const edited: FieldClause = { ...target, values: [...target.values, pattern], span: NO_SPAN };
  return { ...query, clauses: query.clauses.map((c, i) => (i === index ? edited : c)) };
}

/** Removes the exact `value` from every clause of `field` with this polarity, dropping emptied clauses. */
export function withoutFieldValue(
  query: Query,
  field: string,
  value: string,
  negated: boolean,
): Query {
  const name = resolveField(field).name;
  const clauses = query.clauses.flatMap((c): Clause[] => {
    if (!isFieldClause(c, name, negated) || !c.values.some((p) => isExact(p, value))) return [c];
    const values = c.values.filter((p) => !isExact(p, value));
    return values.length === 0 ? [] : [{ ...c, values, span: NO_SPAN }];
  });
  return { ...query, clauses };
}

/** The query without its clause at `index` (unchanged when there is none). */
export function withoutClause(query: Query, index: number): Query {
  return { ...query, clauses: query.clauses.filter((_, i) => i !== index) };
}

/**
 * The exact values (no wildcard) selected for `field` with this polarity, across its clauses, as
 * typed and without repeats. Wildcard values are left out: a facet cannot show them as ticked.
 */
export function fieldValues(query: Query, field: string, negated: boolean): string[] {
  const name = resolveField(field).name;
  const seen = new Set<string>();
  const out: string[] = [];
  for (const c of query.clauses) {
    if (!isFieldClause(c, name, negated)) continue;
    for (const { parts } of c.values) {
      const [only] = parts;
      if (parts.length !== 1 || only === undefined || seen.has(only.toLowerCase())) continue;
      seen.add(only.toLowerCase());
      out.push(only);
    }
  }
  return out;
}

/** Whether `value` is selected (exactly, ignoring case) for `field` with this polarity. */
export function hasFieldValue(
  query: Query,
  field: string,
  value: string,
  negated: boolean,
): boolean {
  const name = resolveField(field).name;
  return query.clauses.some(
    (c) => isFieldClause(c, name, negated) && c.values.some((p) => isExact(p, value)),
  );
}

function isFieldClause(c: Clause, name: string, negated: boolean): c is FieldClause {
  return c.kind === 'field' && c.field === name && c.negated === negated;
}

function isExact(pattern: ValuePattern, value: string): boolean {
  const [only] = pattern.parts;
  return pattern.parts.length === 1 && only?.toLowerCase() === value.toLowerCase();
}
