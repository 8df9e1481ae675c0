/** A run of text: plain, or an escape standing for an invisible or direction-changing character. */
export interface TextRun {
  readonly text: string;
  readonly escaped: boolean;
}

// C0/C1 controls, zero-width characters and marks, bidi embeddings/overrides/isolates, and the BOM:
// characters an attacker can use to hide text or make it read backwards (Trojan Source).
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;

/**
 * Splits `s` into runs so invisible and bidi control characters can be shown as visible `\uXXXX`
 * escapes, while everything else stays text. Log strings are attacker-controlled.
 * @see https://trojansource.codes/
 */
export function visibleText(s: string): TextRun[] {
  const runs: TextRun[] = [];
  let last = 0;
  for (const m of s.matchAll(INVISIBLE)) {
    const at = m.index;
    if (at > last) runs.push({ text: s.slice(last, at), escaped: false });
    const code = m[0].charCodeAt(0).toString(16).padStart(4, '0');
    runs.push({ text: `\\u${code}`, escaped: true });
    last = at + m[0].length;
  }
  if (last < s.length || runs.length === 0) runs.push({ text: s.slice(last), escaped: false });
  return runs;
}
