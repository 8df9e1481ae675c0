import type { Clause, Query, ValuePattern } from './types';

/**
 * The canonical text of a query: clauses joined by one space, values quoted only where they must be,
 * then ` | count by a, b` when it groups. `parseQuery(printQuery(q))` gives `q` back (spans aside),
 * so widgets can edit the tree and re-print.
 */
export function printQuery(query: Query): string {
  const filter = query.clauses.map(printClause).join(' ');
  const { countBy } = query;
  if (countBy === undefined || countBy.length === 0) return filter;
  const pipe = `| count by ${countBy.join(', ')}`;
  return filter === '' ? pipe : `${filter} ${pipe}`;
}

/** The canonical text of one clause, `-` first when negated. */
export function printClause(clause: Clause): string {
  const sign = clause.negated ? '-' : '';
  if (clause.kind === 'text') {
    const before = clause.anyBefore === true ? '*' : '';
    const after = clause.anyAfter === true ? '*' : '';
    return sign + before + printText(clause.text) + after;
  }
  return `${sign}${clause.field}:${clause.values.map(printValue).join(',')}`;
}

/** The canonical text of one value: literal `*`, `\` and `"` escaped, wildcards as `*`. */
export function printValue(pattern: ValuePattern): string {
  const body = pattern.parts.map((part) => escape(part, true)).join('*');
  const quote = body === '' || pattern.parts.some((part) => hasAny(part, ',"'));
  return quote ? `"${body}"` : body;
}

// In free text only a `*` at either end is a wildcard, so a literal one there is escaped. A leading
// `-` would read as negation and a `:` as a field clause; quoting keeps both literal.
function printText(text: string): string {
  let body = escape(text, false);
  if (body.endsWith('*')) body = `${body.slice(0, -1)}\\*`;
  if (body.startsWith('*')) body = `\\${body}`;
  const quote = text === '' || text.startsWith('-') || hasAny(text, ':"');
  return quote ? `"${body}"` : body;
}

// One regular expression each (not a loop per character): links are printed by the thousand.
const ESCAPED_STAR = /[\\"*]/g;
const ESCAPED = /[\\"]/g;

function escape(literal: string, star: boolean): string {
  return literal.replace(star ? ESCAPED_STAR : ESCAPED, '\\$&');
}

// Whitespace (\s, as readWord's isSpace) always needs quotes; the other characters that do depend
// on the position.
const QUOTED_IN_VALUE = /[\s,"]/;
const QUOTED_IN_TEXT = /[\s:"]/;

function hasAny(text: string, chars: ',"' | ':"'): boolean {
  return (chars === ',"' ? QUOTED_IN_VALUE : QUOTED_IN_TEXT).test(text);
}
