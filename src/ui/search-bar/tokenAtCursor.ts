/** The whitespace-delimited token around the caret, for autocomplete. Offsets index the query text. */
export interface CursorToken {
  readonly start: number;
  readonly end: number;
  /** Field before the first ':' (without a leading '-'), or undefined for a bare word. */
  readonly field: string | undefined;
  /** Where the value being typed starts (after ':' or the last ','). */
  readonly valueStart: number;
  /** The value typed so far, without quotes. */
  readonly value: string;
}

/**
 * Finds the token the caret is in. Quotes are honoured roughly (enough to keep a quoted phrase as
 * one token); the parser, not this, decides what the text means.
 */
export function tokenAtCursor(text: string, caret: number): CursorToken {
  let start = 0;
  let inQuote = false;
  for (let i = 0; i < caret; i++) {
    const c = text[i];
    if (c === '\\') i++;
    else if (c === '"') inQuote = !inQuote;
    else if (!inQuote && (c === ' ' || c === '\t' || c === '\n')) start = i + 1;
  }
  let end = caret;
  while (end < text.length && !/\s/.test(text[end] ?? '')) end++;
  const token = text.slice(start, caret);
  const colon = token.indexOf(':');
  if (colon < 0) {
    return { start, end, field: undefined, valueStart: start, value: token.replace(/^-/, '') };
  }
  const field = token.slice(0, colon).replace(/^-/, '');
  const comma = token.lastIndexOf(',');
  const valueStart = start + Math.max(colon, comma) + 1;
  return { start, end, field, valueStart, value: text.slice(valueStart, caret).replace(/^"/, '') };
}

/** `value` as the query language needs it written: quoted and escaped when it has special characters. */
export function quoteValue(value: string): string {
  if (value !== '' && !/[\s",*\\]/.test(value)) return value;
  return `"${value.replace(/[\\"*]/g, (c) => `\\${c}`)}"`;
}
