/**
 * The query language's syntax tree. A query is an AND of clauses; a field clause is an OR of value
 * patterns; any clause can be negated. The grammar is documented in docs/query-language.md.
 */

/** Character offsets into the query text, `start` inclusive, `end` exclusive. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/**
 * One value as typed after `field:`. `parts` are the literal pieces between `*` wildcards, unescaped:
 * `prod-*` → ['prod-', ''], `*` → ['', ''], `a\*b` → ['a*b']. One part means an exact match.
 */
export interface ValuePattern {
  readonly parts: readonly string[];
}

/** `field:v1,v2` (OR), or `-field:v1,v2` when negated (neither). */
export interface FieldClause {
  readonly kind: 'field';
  /** The canonical field name (aliases resolved, see fields.ts), or a dotted JSON path. */
  readonly field: string;
  readonly values: readonly ValuePattern[];
  readonly negated: boolean;
  readonly span: Span;
}

/**
 * A bare word or quoted phrase, searched case-insensitively in every key and value of the record as
 * whole words: the text must not continue a letter or digit run on either side (`admin` finds
 * `role/admin`, not `Administrator`). A leading or trailing `*` lifts that edge (`admin*`).
 */
export interface TextClause {
  readonly kind: 'text';
  readonly text: string;
  readonly negated: boolean;
  readonly span: Span;
  /** Typed with a leading `*`: the match may start inside a word. */
  readonly anyBefore?: true;
  /** Typed with a trailing `*`: the match may end inside a word. */
  readonly anyAfter?: true;
}

export type Clause = FieldClause | TextClause;

/**
 * A parsed query: every clause must hold. The empty query matches every event. `countBy`, from a
 * trailing `| count by a[, b]`, asks for the matching events grouped by one or two fields (canonical
 * names, see fields.ts); it never changes which events match.
 */
export interface Query {
  readonly clauses: readonly Clause[];
  readonly countBy?: readonly string[];
}

/** A syntax error: what is wrong and where. Never thrown. */
export interface QueryError {
  readonly message: string;
  readonly span: Span;
}

/** The outcome of parsing query text. */
export type ParseOutcome =
  { readonly ok: true; readonly query: Query } | { readonly ok: false; readonly error: QueryError };
