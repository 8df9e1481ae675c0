/** Where the JSON values of a text that holds several of them lie. */
export interface JsonValueSpans {
  /** [start, end) character offsets of each balanced `{…}` or `[…]` value, in order. */
  readonly spans: readonly (readonly [number, number])[];
  /** True when every gap between two values holds a line break (JSON lines), false when some are back to back. */
  readonly lineSeparated: boolean;
  /** Lines at the top level that do not start a JSON object or array (skipped). */
  readonly strayLines: number;
  /** Offset where a value starts but the text ends inside it (a truncated tail), or -1. */
  readonly truncatedAt: number;
}

const OPEN_BRACE = 0x7b;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACE = 0x7d;
const CLOSE_BRACKET = 0x5d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const NEWLINE = 0x0a;

/**
 * Finds the top-level JSON values of a text with no separator between them (concatenated JSON, as
 * Firehose writes EventBridge events and CloudWatch Logs payloads) or one per line (JSON lines), in
 * one pass that tracks nesting and strings, without parsing. Values are not validated: the caller
 * parses each span. Only objects and arrays are values here; any other top-level text is skipped
 * to the end of its line and counted as a stray line.
 * (docs/reference/cloudtrail-format.md §4.6: Firehose writes records with no delimiter).
 * @see https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/SubscriptionFilters.html
 */
export function scanJsonValues(text: string): JsonValueSpans {
  const spans: [number, number][] = [];
  let lineSeparated = true;
  let strayLines = 0;
  let i = 0;
  const n = text.length;
  while (i < n) {
    let newline = false;
    while (i < n && isSpace(text.charCodeAt(i))) {
      if (text.charCodeAt(i) === NEWLINE) newline = true;
      i++;
    }
    if (i >= n) break;
    const c = text.charCodeAt(i);
    if (c !== OPEN_BRACE && c !== OPEN_BRACKET) {
      strayLines++;
      const eol = text.indexOf('\n', i);
      i = eol < 0 ? n : eol + 1;
      continue;
    }
    if (spans.length > 0 && !newline) lineSeparated = false;
    const end = valueEnd(text, i);
    if (end < 0) return { spans, lineSeparated, strayLines, truncatedAt: i };
    spans.push([i, end]);
    i = end;
  }
  return { spans, lineSeparated, strayLines, truncatedAt: -1 };
}

/** The offset just past the value opening at `start`, or -1 when the text ends inside it. */
function valueEnd(text: string, start: number): number {
  let depth = 0;
  const n = text.length;
  for (let i = start; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      i = stringEnd(text, i + 1);
      if (i < 0) return -1;
    } else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      depth++;
    } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
      depth--;
      if (depth === 0) return i + 1;
    }
  }
  return -1;
}

/** The offset of the quote closing a string whose content starts at `from`, or -1. */
function stringEnd(text: string, from: number): number {
  let at = from;
  for (;;) {
    const q = text.indexOf('"', at);
    if (q < 0) return -1;
    // The quote is escaped when an odd number of backslashes precede it.
    let b = q - 1;
    while (b >= from && text.charCodeAt(b) === BACKSLASH) b--;
    if ((q - 1 - b) % 2 === 0) return q;
    at = q + 1;
  }
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === NEWLINE || c === 0x0d || c === 0x09;
}
