import { isWordCode } from '../index/tokenBloom';
import type { TextClause } from '../querylang/types';

/** A word character as search/recordValues' textMatcher has it: ASCII letters, digits, non-ASCII. */
const WORD = '[A-Za-z0-9\\x{80}-\\x{10FFFF}]';

/**
 * A case-insensitive regular expression (RE2 and Java syntax alike) for free text `clause` as whole
 * words: not continuing a run of word characters on a side that has no `*`, as textMatcher and the
 * word filters decide.
 */
export function wordPattern(clause: TextClause): string {
  const needle = clause.text;
  const body = needle.replace(/[\\.+*?()|[\]{}^$#&~-]/g, '\\$&');
  const start = clause.anyBefore !== true && isWordCode(needle.toLowerCase().charCodeAt(0));
  const end =
    clause.anyAfter !== true && isWordCode(needle.toLowerCase().charCodeAt(needle.length - 1));
  return `(?i)${start ? `(?:^|[^${WORD.slice(1, -1)}])` : ''}${body}${end ? `(?:$|[^${WORD.slice(1, -1)}])` : ''}`;
}
