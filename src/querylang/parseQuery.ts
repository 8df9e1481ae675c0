import { fieldNameProblem } from './fieldName';
import { resolveField } from './fields';
import { parseCountBy } from './parseCountBy';
import { isSpace, readWord } from './readWord';
import type { Clause, ParseOutcome, QueryError, ValuePattern } from './types';

type ClauseResult =
  | { readonly ok: true; readonly clause: Clause }
  | { readonly ok: false; readonly error: QueryError };

/**
 * Parses query text (grammar in docs/query-language.md) into clauses that must all hold, and the
 * trailing `| count by …` when there is one (parseCountBy). Never
 * throws: a syntax error comes back with the offending character range, so the box can underline it.
 * Whitespace-only text is the empty query.
 */
export function parseQuery(text: string): ParseOutcome {
  const clauses: Clause[] = [];
  let pos = skipSpace(text, 0);
  while (pos < text.length) {
    // A `|` where a clause would start opens the trailing `| count by …`, which runs to the end.
    if (text.charAt(pos) === '|') {
      const countBy = parseCountBy(text, pos);
      return countBy.ok ? { ok: true, query: { clauses, countBy: countBy.fields } } : countBy;
    }
    const result = parseClause(text, pos);
    if (!result.ok) return result;
    clauses.push(result.clause);
    pos = skipSpace(text, result.clause.span.end);
  }
  return { ok: true, query: { clauses } };
}

function skipSpace(text: string, from: number): number {
  let pos = from;
  while (pos < text.length && isSpace(text.charAt(pos))) pos += 1;
  return pos;
}

function fail(message: string, start: number, end: number): ClauseResult {
  return { ok: false, error: { message, span: { start, end } } };
}

// `start` is at a non-space character. A term that opens with a quote is always free text, so
// `"a:b"` searches for the phrase; otherwise an unquoted `:` makes it a field clause.
function parseClause(text: string, start: number): ClauseResult {
  const negated = text.charAt(start) === '-';
  const termStart = negated ? start + 1 : start;
  if (negated && (termStart === text.length || isSpace(text.charAt(termStart)))) {
    return fail('Expected a word or field:value after "-"', start, termStart);
  }
  const quoted = text.charAt(termStart) === '"';
  const word = readWord(text, termStart, quoted ? undefined : ':');
  if (!word.ok) return word;
  if (word.stopped) return parseFieldClause(text, start, termStart, word.end, negated);
  // Free text matches whole words; a `*` at either end lets that end fall inside a word. A `*`
  // elsewhere is searched for as typed.
  const { parts } = word;
  const anyBefore = parts.length > 1 && parts[0] === '';
  const anyAfter = parts.length > 1 && parts[parts.length - 1] === '';
  const phrase = parts.slice(anyBefore ? 1 : 0, anyAfter ? -1 : undefined).join('*');
  if (phrase === '') {
    return fail(
      parts.length > 1 ? 'Nothing to search for around "*"' : 'Nothing between the quotes',
      termStart,
      word.end,
    );
  }
  const span = { start, end: word.end };
  return {
    ok: true,
    clause: {
      kind: 'text',
      text: phrase,
      negated,
      span,
      ...(anyBefore ? { anyBefore: true } : {}),
      ...(anyAfter ? { anyAfter: true } : {}),
    },
  };
}

function parseFieldClause(
  text: string,
  start: number,
  termStart: number,
  colon: number,
  negated: boolean,
): ClauseResult {
  const typed = text.slice(termStart, colon);
  if (typed === '') return fail('Field name expected before ":"', colon, colon + 1);
  const problem = fieldNameProblem(typed);
  if (problem !== undefined) return fail(problem, termStart, colon);
  const values: ValuePattern[] = [];
  let pos = colon + 1;
  for (;;) {
    const word = readWord(text, pos, ',');
    if (!word.ok) return word;
    if (word.empty) {
      return values.length === 0
        ? fail(`Missing value after "${typed}:"`, termStart, colon + 1)
        : fail('Missing value after ","', pos - 1, pos);
    }
    values.push({ parts: word.parts });
    if (!word.stopped) {
      const field = resolveField(typed).name;
      const span = { start, end: word.end };
      return { ok: true, clause: { kind: 'field', field, values, negated, span } };
    }
    pos = word.end + 1;
  }
}
