import { resolveField } from './fields';
import { parseQuery } from './parseQuery';
import { printClause, printQuery } from './printQuery';
import type { Clause, FieldClause, Query } from './types';

const NO_SPAN = { start: 0, end: 0 } as const;

/** `query` without its `| count by`: the filter alone, which decides the matching events. */
export function withoutCountBy(query: Query): Query {
  return { clauses: query.clauses };
}

/** `query` grouped by `fields` (canonical names through resolveField), or ungrouped when empty. */
export function withCountBy(query: Query, fields: readonly string[]): Query {
  const names = fields.map((f) => resolveField(f).name);
  return names.length === 0 ? withoutCountBy(query) : { clauses: query.clauses, countBy: names };
}

/**
 * The clause selecting exactly the events a count groups under `value` of `field`: `field:value`
 * (exact; printQuery quotes and escapes it), or `-field:*` for '' ("(none)": no non-empty value),
 * the same events a facet's "(none)" finds.
 */
export function groupClause(field: string, value: string): FieldClause {
  const name = resolveField(field).name;
  return value === ''
    ? { kind: 'field', field: name, values: [{ parts: ['', ''] }], negated: true, span: NO_SPAN }
    : { kind: 'field', field: name, values: [{ parts: [value] }], negated: false, span: NO_SPAN };
}

/**
 * The query text behind one row of a count: the filter of `query` without its `| count by`, AND a
 * clause per grouped value (`fields[i]` = `values[i]`, see groupClause). Always AND-ed, never OR-ed
 * into a clause already there, so `userName:a,b | count by userName` gives `userName:a,b userName:a`
 * and the row's count is what the link finds. A clause already present as is is not repeated.
 */
export function countRowQuery(
  query: Query,
  fields: readonly string[],
  values: readonly string[],
): string {
  const have = new Set(query.clauses.map(printClause));
  const added: Clause[] = [];
  fields.forEach((field, i) => {
    const clause = groupClause(field, values[i] ?? '');
    const text = printClause(clause);
    if (!have.has(text)) added.push(clause);
    have.add(text);
  });
  return printQuery({ clauses: [...query.clauses, ...added] });
}

/**
 * Query text with one more clause (its text, as a pivot writes it) AND-ed in before a trailing
 * `| count by`, so the count stays the last thing. Text that does not parse gets the clause at the
 * end, as typed, for the box to flag.
 */
export function withClauseText(text: string, clause: string): string {
  const trimmed = text.trim();
  const parsed = parseQuery(trimmed);
  const added = parseQuery(clause);
  if (!parsed.ok || parsed.query.countBy === undefined || !added.ok) {
    return trimmed === '' ? clause : `${trimmed} ${clause}`;
  }
  const { clauses, countBy } = parsed.query;
  return printQuery({ clauses: [...clauses, ...added.query.clauses], countBy });
}
