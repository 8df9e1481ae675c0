import { TIMESTAMPED_LINE } from './readTimestampedLines';

/**
 * True when the first bytes of a file (a few KB are enough) start a text that may hold CloudTrail
 * events without being JSON: CloudWatch Logs export lines (`<ISO timestamp> <message>`) or a CSV
 * header (a printable first line with a comma, tab or semicolon). Lets a reader skip a binary file
 * or a note without reading it whole.
 */
export function sniffEventText(head: Uint8Array): boolean {
  const text = new TextDecoder().decode(head).trimStart();
  const eol = text.indexOf('\n');
  const line = eol < 0 ? text : text.slice(0, eol);
  if (TIMESTAMPED_LINE.test(line)) return true;
  // Control characters other than tab and carriage return, or bytes that are not UTF-8 (decoded as
  // U+FFFD), mean binary data, not a CSV header.
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0d) || c === 0x7f || c === 0xfffd) return false;
  }
  return /[,;\t]/.test(line);
}
