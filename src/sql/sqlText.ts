/**
 * A SQL string literal: single quotes, a quote doubled. Log values and typed values are
 * attacker-controlled, so every literal goes through here; nothing else is pasted into SQL text.
 * @see https://trino.io/docs/current/language/types.html#varchar
 */
export function sqlString(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

/**
 * A LIKE pattern matching `parts` joined by any run of characters (the query language's `*`),
 * with `%`, `_` and the escape character `\` made literal; use with `ESCAPE '\'`.
 * @see https://trino.io/docs/current/functions/comparison.html#like
 */
export function likePattern(parts: readonly string[]): string {
  return parts.map((p) => p.replace(/[\\%_]/g, (c) => `\\${c}`)).join('%');
}

/** A `-- ` comment line for free text (a newline in it would end the comment early). */
export function sqlComment(text: string): string {
  return `-- ${text.replace(/[\r\n\u2028\u2029]+/g, ' ')}`;
}

/** A double-quoted identifier, a quote doubled. */
export function sqlIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
