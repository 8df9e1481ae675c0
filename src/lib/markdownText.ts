/**
 * Untrusted text as inert Markdown inline text: line breaks flattened to spaces, and every Markdown
 * and HTML punctuation mark backslash-escaped, so log text can neither start a heading, link, image,
 * table cell or raw HTML, nor break out of the line it sits on.
 * @see https://spec.commonmark.org/0.31.2/#backslash-escapes
 */
export function markdownText(text: string): string {
  return text.replace(/[\r\n]+/g, ' ').replace(/[\\`*_{}[\]()<>#+\-.!|~&"'=:]/g, (c) => `\\${c}`);
}
