import { hasFieldValue, withFieldValue, withoutFieldValue } from './editQuery';
import { resolveField } from './fields';
import type { Clause, FieldClause, Query } from './types';

const NO_SPAN = { start: 0, end: 0 } as const;

/** A facet click: include or exclude one value of an indexed field ('' = "(none)", no value). */
export interface FacetPick {
  readonly field: string;
  readonly value: string;
  readonly exclude: boolean;
}

/**
 * The query a facet click asks for: the value's clause added, or taken away when it is already
 * there (picking the opposite polarity first drops it from the other side). Values of one field are
 * OR-ed into its clause of exact values, but never into a wildcard one. '' ("(none)") means the
 * event has no non-empty value of the field, so it toggles `-field:*` (include) or `field:*`
 * (exclude), the same events countFacets counts under ''.
 */
export function togglePick(query: Query, { field, value, exclude }: FacetPick): Query {
  if (value === '') return toggleNone(query, field, exclude);
  const state = hasFieldValue(query, field, value, exclude);
  if (state) return withoutFieldValue(query, field, value, exclude);
  const cleared = withoutFieldValue(query, field, value, !exclude);
  // OR-ing a value into `field:Get*` (or the `field:*` an excluded "(none)" writes) would widen the
  // result to the pattern's events instead of narrowing to the value's: AND a clause of its own.
  const name = resolveField(field).name;
  const widens = cleared.clauses.some(
    (c) => c.kind === 'field' && c.field === name && !c.negated && !exclude && !allExact(c),
  );
  if (!widens) return withFieldValue(cleared, field, value, exclude);
  const clause: FieldClause = {
    kind: 'field',
    field: name,
    values: [{ parts: [value] }],
    negated: false,
    span: NO_SPAN,
  };
  return { ...cleared, clauses: [...cleared.clauses, clause] };
}

function allExact(c: FieldClause): boolean {
  return c.values.every((v) => v.parts.length === 1);
}

/** Whether a facet value ('' = "(none)") is picked in `query`: included, excluded, or neither. */
export function pickState(
  query: Query,
  field: string,
  value: string,
): 'include' | 'exclude' | undefined {
  if (value === '') return noneState(query, field);
  if (hasFieldValue(query, field, value, false)) return 'include';
  if (hasFieldValue(query, field, value, true)) return 'exclude';
  return undefined;
}

function isAny(c: Clause, field: string): boolean {
  return (
    c.kind === 'field' &&
    c.field === field &&
    c.values.length === 1 &&
    c.values[0]?.parts.length === 2 &&
    c.values[0].parts.every((p) => p === '')
  );
}

function toggleNone(query: Query, field: string, exclude: boolean): Query {
  const rest = query.clauses.filter((c) => !isAny(c, field));
  const had = query.clauses.some(
    (c) => isAny(c, field) && c.kind === 'field' && c.negated === !exclude,
  );
  if (had) return { ...query, clauses: rest };
  const clause: Clause = {
    kind: 'field',
    field,
    values: [{ parts: ['', ''] }],
    negated: !exclude,
    span: NO_SPAN,
  };
  return { ...query, clauses: [...rest, clause] };
}

function noneState(query: Query, field: string): 'include' | 'exclude' | undefined {
  for (const c of query.clauses) {
    if (c.kind === 'field' && isAny(c, field)) return c.negated ? 'include' : 'exclude';
  }
  return undefined;
}
