import { resolveField } from './fields';
import { fieldNameProblem } from './fieldName';
import { isSpace } from './readWord';
import type { QueryError } from './types';

/** The outcome of reading a `| count by …` clause: canonical field names, or a syntax error. */
export type CountByOutcome =
  | { readonly ok: true; readonly fields: readonly string[] }
  | { readonly ok: false; readonly error: QueryError };

/** Fields a count may group by at most: one level, or a first field and a second under it. */
export const MAX_COUNT_BY_FIELDS = 2;

/** The field kinds no event carries a value of in its record or the index, so none can group. */
const NOT_GROUPABLE = new Set(['file', 'saved', 'annotation', 'detection']);

/**
 * Reads the trailing clause `| count by <field>[, <field>]` from `start` (at the `|`) to the end of
 * `text`. Words `count` and `by` ignore case; field names are resolved as in a field clause
 * (aliases, indexed names ignoring case; anything else is a JSON path). Errors carry the span of
 * what is wrong: a missing or unknown word after `|`, a missing `by` or field, a third field, a
 * field that cannot group (`file:`, `saved:`, annotation and detection fields), or text after it.
 */
export function parseCountBy(text: string, start: number): CountByOutcome {
  const fail = (message: string, from: number, to: number): CountByOutcome => ({
    ok: false,
    error: { message, span: { start: from, end: Math.max(to, from + 1) } },
  });
  let pos = skip(text, start + 1);
  const verb = readName(text, pos);
  if (verb.end === pos) return fail('Expected "count by <field>" after "|"', start, start + 1);
  if (verb.name.toLowerCase() !== 'count') {
    return fail(`Unknown "| ${verb.name}": the only one is "| count by <field>"`, pos, verb.end);
  }
  pos = skip(text, verb.end);
  const by = readName(text, pos);
  if (by.name.toLowerCase() !== 'by') {
    return by.end === pos
      ? fail('Expected "by <field>" after "count"', pos - 1, pos)
      : fail(`Expected "by" after "count", not "${by.name}"`, pos, by.end);
  }
  const fields: string[] = [];
  pos = skip(text, by.end);
  for (;;) {
    const field = readName(text, pos);
    if (field.end === pos) {
      return fields.length === 0
        ? fail('Expected a field after "count by"', by.end - 2, by.end)
        : fail('Missing field after ","', pos - 1, pos);
    }
    const problem = fieldNameProblem(field.name);
    if (problem !== undefined) return fail(problem, pos, field.end);
    const resolved = resolveField(field.name);
    if (NOT_GROUPABLE.has(resolved.source.kind)) {
      return fail(
        `Cannot count by ${resolved.name}: it is not a field of the event`,
        pos,
        field.end,
      );
    }
    if (fields.length === MAX_COUNT_BY_FIELDS) {
      return fail(`count by takes at most ${MAX_COUNT_BY_FIELDS} fields`, pos, field.end);
    }
    fields.push(resolved.name);
    pos = skip(text, field.end);
    if (pos >= text.length) return { ok: true, fields };
    if (text.charAt(pos) !== ',') {
      return fail('Nothing may follow "count by": put filters before "|"', pos, text.length);
    }
    pos = skip(text, pos + 1);
  }
}

function skip(text: string, from: number): number {
  let pos = from;
  while (pos < text.length && isSpace(text.charAt(pos))) pos += 1;
  return pos;
}

// A field name runs to a space or a comma; fieldNameProblem then says what is wrong with it.
function readName(text: string, from: number): { readonly name: string; readonly end: number } {
  let end = from;
  while (end < text.length && !isSpace(text.charAt(end)) && text.charAt(end) !== ',') end += 1;
  return { name: text.slice(from, end), end };
}
