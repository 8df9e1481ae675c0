import { SAVED_FIELD } from './fields';
import { parseQuery } from './parseQuery';
import type { Clause, FieldClause, ParseOutcome, Query, QueryError } from './types';

/** Looks a saved query's text up by name (case-insensitive); undefined when there is none. */
export type SavedLookup = (name: string) => string | undefined;

/** A lookup over a list of saved queries, names matched ignoring case (as the engine matches). */
export function lookupIn(
  saved: readonly { readonly name: string; readonly q: string }[],
): SavedLookup {
  return (name) => {
    const key = name.trim().toLowerCase();
    return saved.find((s) => s.name.toLowerCase() === key)?.q;
  };
}

/** How deep saved queries may nest: far past any real use, and a bound on a hostile bundle's. */
const MAX_DEPTH = 32;

class Unresolved extends Error {
  readonly error: QueryError;
  constructor(error: QueryError) {
    super(error.message);
    this.error = error;
  }
}

/**
 * Replaces each `saved:<name>` clause of `query` with the clauses of the saved query of that name,
 * recursively, so the result holds no `saved:` clause. The expanded clauses carry the span of the
 * `saved:` clause they came from, so an error points at what the user typed.
 *
 * Errors (returned, never thrown), each with the span of the offending clause: an unknown name; a
 * saved query that refers to itself directly or through others (`a → b → a`); text stored under a
 * name that does not parse; `saved:a,b` (the language has no OR of whole queries); a wildcard in the
 * name; and `-saved:<name>` when the saved query has more than one clause (NOT of an AND is not a
 * clause the language can hold).
 */
export function expandSaved(query: Query, lookup: SavedLookup): ParseOutcome {
  if (!query.clauses.some(isSaved)) return { ok: true, query };
  try {
    return { ok: true, query: { ...query, clauses: expandClauses(query.clauses, lookup, []) } };
  } catch (error) {
    if (error instanceof Unresolved) return { ok: false, error: error.error };
    throw error;
  }
}

/** Parses `text` and expands its `saved:` clauses: parseQuery then expandSaved. */
export function parseExpanded(text: string, lookup: SavedLookup): ParseOutcome {
  const parsed = parseQuery(text);
  return parsed.ok ? expandSaved(parsed.query, lookup) : parsed;
}

function isSaved(clause: Clause): clause is FieldClause {
  return clause.kind === 'field' && clause.field === SAVED_FIELD;
}

function expandClauses(
  clauses: readonly Clause[],
  lookup: SavedLookup,
  chain: readonly string[],
  span?: Clause['span'],
): Clause[] {
  return clauses.flatMap((clause) => {
    // Clauses from inside a saved query point at the `saved:` clause the user typed.
    const at = span ?? clause.span;
    if (!isSaved(clause)) return [span === undefined ? clause : { ...clause, span }];
    const fail = (message: string): never => {
      throw new Unresolved({ message, span: at });
    };
    if (clause.values.length !== 1) fail('saved: takes one name (a saved query, not a list)');
    const parts = clause.values[0]?.parts ?? [];
    if (parts.length !== 1) fail('saved: takes a whole name, without "*"');
    const name = parts[0] ?? '';
    const key = name.toLowerCase();
    const loop = chain.findIndex((n) => n.toLowerCase() === key);
    if (loop >= 0) {
      fail(`Saved query "${name}" refers to itself (${[...chain.slice(loop), name].join(' → ')})`);
    }
    if (chain.length >= MAX_DEPTH) fail(`Saved queries nest deeper than ${MAX_DEPTH}`);
    const text = lookup(name);
    if (text === undefined) fail(`No saved query named "${name}"`);
    const parsed = parseQuery(text ?? '');
    if (!parsed.ok) fail(`Saved query "${name}" does not parse: ${parsed.error.message}`);
    const inner = parsed.ok
      ? expandClauses(parsed.query.clauses, lookup, [...chain, name], at)
      : [];
    if (!clause.negated) return inner;
    const only = inner[0];
    if (inner.length !== 1 || only === undefined) {
      fail(`-saved:${name} needs a saved query of exactly one clause (it has ${inner.length})`);
    }
    return only === undefined ? [] : [{ ...only, negated: !only.negated }];
  });
}
