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

/** Runs a file view draws at most: past this, a hostile file of line breaks and controls would freeze the page. */
export const MAX_FILE_RUNS = 20_000;

/** How to show a text: as one line (a value), or as lines (a file). */
export interface VisibleTextOptions {
  /**
   * Keep line breaks and tabs as themselves, so a file reads as its lines; a Windows line end
   * (`\r\n`) reads as a plain break. Otherwise they are escaped like any control character.
   */
  readonly lines?: boolean;
  /** Runs returned at most (no limit by default); `cut` says whether the text went on. */
  readonly maxRuns?: number;
}

/** The runs of a text, and whether they stop short of its end (see VisibleTextOptions.maxRuns). */
export interface VisibleText {
  readonly runs: readonly TextRun[];
  readonly cut: boolean;
}

/**
 * Splits `text` into runs so that invisible and bidi control characters can be rendered as visible
 * escapes (`\u202E`, `\n`) in their own styled element while everything else stays plain text.
 * Adjacent escapes share one run, to keep the DOM small for hostile strings. The runs are text for
 * React children only: never HTML.
 * @see https://trojansource.codes/
 */
export function visibleText(text: string, options: VisibleTextOptions = {}): VisibleText {
  const { lines = false, maxRuns = Infinity } = options;
  const s = lines ? text.replaceAll('\r\n', '\n') : text;
  const runs: TextRun[] = [];
  let plainStart = 0;
  let escapes = '';
  for (let i = 0; i < s.length; i++) {
    // Every listed character is in the BMP, so UTF-16 code units suffice (surrogates never match).
    const c = s.charCodeAt(i);
    if (!isInvisible(c) || (lines && (c === 0x0a || c === 0x09))) {
      if (escapes !== '') {
        if (runs.push({ text: escapes, escaped: true }) > maxRuns) return cutAt(runs, maxRuns);
        escapes = '';
        plainStart = i;
      }
      continue;
    }
    if (escapes === '' && i > plainStart) {
      if (runs.push({ text: s.slice(plainStart, i), escaped: false }) > maxRuns) {
        return cutAt(runs, maxRuns);
      }
    }
    escapes += escapeOf(c);
  }
  if (escapes !== '') runs.push({ text: escapes, escaped: true });
  else if (plainStart < s.length || runs.length === 0) {
    runs.push({ text: s.slice(plainStart), escaped: false });
  }
  return runs.length > maxRuns ? cutAt(runs, maxRuns) : { runs, cut: false };
}

function cutAt(runs: TextRun[], maxRuns: number): VisibleText {
  return { runs: runs.slice(0, maxRuns), cut: true };
}
