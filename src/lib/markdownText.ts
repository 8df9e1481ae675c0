const BIDI = /[\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

/**
 * Untrusted text as inert Markdown inline text: line breaks flattened to spaces, and every Markdown
 * and HTML punctuation mark backslash-escaped, so log text can neither start a heading, link, image,
 * table cell or raw HTML, nor break out of the line it sits on. Bidirectional controls are
 * written as their code points (`U+202E`).
 * @see https://spec.commonmark.org/0.31.2/#backslash-escapes
 */
export function markdownText(text: string): string {
  return (
    text
      .replace(/[\r\n]+/g, ' ')
      // Direction overrides would reorder what a reader sees (`gnp.exe` shown as `exe.png`).
      .replace(BIDI, (c) => `U+${c.charCodeAt(0).toString(16).toUpperCase()}`)
      .replace(/[\\`*_{}[\]()<>#+\-.!|~&"'=:]/g, (c) => `\\${c}`)
  );
}
