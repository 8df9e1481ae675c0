/** A run of text: plain, or escapes standing for invisible or direction-changing characters. */
export interface TextRun {
  readonly text: string;
  readonly escaped: boolean;
}

/** Short forms responders read at a glance; everything else becomes `\uXXXX`. */
const SHORT_ESCAPES: ReadonlyMap<number, string> = new Map([
  [0x09, '\\t'],
  [0x0a, '\\n'],
  [0x0d, '\\r'],
]);

/**
 * True for characters an attacker can use to hide text or make it read in another order
 * (Trojan Source): C0/C1 controls, zero-width characters and marks, bidi embeddings, overrides and
 * isolates, the BOM, plus the other invisible format characters next to them (soft hyphen, Arabic
 * letter mark, Mongolian vowel separator, line/paragraph separators, word joiner and invisible
 * operators), which hide text just as well.
 */
function isInvisible(c: number): boolean {
  return (
    c <= 0x1f ||
    (c >= 0x7f && c <= 0x9f) ||
    c === 0xad ||
    c === 0x61c ||
    c === 0x180e ||
    (c >= 0x200b && c <= 0x200f) ||
    (c >= 0x2028 && c <= 0x202e) ||
    (c >= 0x2060 && c <= 0x2064) ||
    (c >= 0x2066 && c <= 0x2069) ||
    c === 0xfeff
  );
}

function escapeOf(c: number): string {
  return SHORT_ESCAPES.get(c) ?? `\\u${c.toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * Splits `s` into runs so that invisible and bidi control characters can be rendered as visible
 * escapes (`\u202E`, `\n`) in their own styled element while everything else stays plain text.
 * Adjacent escapes share one run, to keep the DOM small for hostile strings. The runs are text for
 * React children only: never HTML.
 * @see https://trojansource.codes/
 */
export function visibleText(s: string): TextRun[] {
  const runs: TextRun[] = [];
  let plainStart = 0;
  let escapes = '';
  for (let i = 0; i < s.length; i++) {
    // Every listed character is in the BMP, so UTF-16 code units suffice (surrogates never match).
    const c = s.charCodeAt(i);
    if (!isInvisible(c)) {
      if (escapes !== '') {
        runs.push({ text: escapes, escaped: true });
        escapes = '';
        plainStart = i;
      }
      continue;
    }
    if (escapes === '' && i > plainStart) {
      runs.push({ text: s.slice(plainStart, i), escaped: false });
    }
    escapes += escapeOf(c);
  }
  if (escapes !== '') runs.push({ text: escapes, escaped: true });
  else if (plainStart < s.length || runs.length === 0) {
    runs.push({ text: s.slice(plainStart), escaped: false });
  }
  return runs;
}
