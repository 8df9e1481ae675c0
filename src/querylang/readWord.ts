import type { QueryError } from './types';

const SPACE = /\s/;

/** Whether `ch` separates clauses. One definition for the parser and the printer. */
export function isSpace(ch: string): boolean {
  return SPACE.test(ch);
}

/** A word read by {@link readWord}, or why it could not be read. */
export type WordResult =
  | {
      readonly ok: true;
      /** The literal pieces between unescaped `*`, unescaped and unquoted; at least one. */
      readonly parts: readonly string[];
      /** Offset just past the word: whitespace, the stop character, or the end of the text. */
      readonly end: number;
      /** Whether the word ended at the stop character (as opposed to whitespace or the end). */
      readonly stopped: boolean;
      /** Whether nothing at all was typed, not even `""`. */
      readonly empty: boolean;
    }
  | { readonly ok: false; readonly error: QueryError };

/**
 * Reads one word of query text from `start`: runs of plain characters and "double-quoted" stretches,
 * glued together as a shell does, up to unquoted whitespace or the unquoted `stop` character.
 * A backslash makes the next character literal, inside quotes too; a trailing backslash is itself.
 * An unescaped `*` splits the word into parts (a wildcard), quoted or not.
 */
export function readWord(text: string, start: number, stop: string | undefined): WordResult {
  const parts: string[] = [];
  let current = '';
  let openQuote: number | undefined;
  let pos = start;
  while (pos < text.length) {
    const ch = text.charAt(pos);
    if (openQuote === undefined && (ch === stop || isSpace(ch))) break;
    if (ch === '\\' && pos + 1 < text.length) {
      current += text.charAt(pos + 1);
      pos += 2;
    } else {
      if (ch === '"') openQuote = openQuote === undefined ? pos : undefined;
      else if (ch === '*') {
        parts.push(current);
        current = '';
      } else current += ch;
      pos += 1;
    }
  }
  if (openQuote !== undefined) {
    return {
      ok: false,
      error: { message: 'Unterminated quote', span: { start: openQuote, end: text.length } },
    };
  }
  parts.push(current);
  const stopped = pos < text.length && text.charAt(pos) === stop;
  return { ok: true, parts, end: pos, stopped, empty: pos === start };
}
