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
 * operators), which hide text just as well; the combining grapheme joiner (U+034F), variation
 * selectors (U+FE00–FE0F) and the Hangul fillers (U+115F, U+1160, U+3164, U+FFA0), which draw
 * nothing. Code units of the BMP only: see isInvisibleAstral for the rest.
 * @see https://www.unicode.org/reports/tr31/#Default_Ignorable_Code_Point
 */
function isInvisible(c: number): boolean {
  return (
    c <= 0x1f ||
    (c >= 0x7f && c <= 0x9f) ||
    c === 0xad ||
    c === 0x34f ||
    c === 0x61c ||
    c === 0x115f ||
    c === 0x1160 ||
    c === 0x180e ||
    (c >= 0x200b && c <= 0x200f) ||
    (c >= 0x2028 && c <= 0x202e) ||
    (c >= 0x2060 && c <= 0x2064) ||
    (c >= 0x2066 && c <= 0x2069) ||
    c === 0x3164 ||
    (c >= 0xfe00 && c <= 0xfe0f) ||
    c === 0xfeff ||
    c === 0xffa0
  );
}

/**
 * True for the invisible characters outside the BMP, given as a surrogate pair: the tag characters
 * U+E0000–E007F (each mirrors an ASCII one, so a whole hidden sentence fits behind a visible word:
 * "ASCII smuggling") and the variation selectors supplement U+E0100–E01EF. All have the high
 * surrogate U+DB40.
 * @see https://www.unicode.org/charts/PDF/UE0000.pdf
 */
function isInvisibleAstral(high: number, low: number): boolean {
  return high === 0xdb40 && ((low >= 0xdc00 && low <= 0xdc7f) || (low >= 0xdd00 && low <= 0xddef));
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
    const c = s.charCodeAt(i);
    const astral = isInvisibleAstral(c, s.charCodeAt(i + 1));
    if (!astral && (!isInvisible(c) || (lines && (c === 0x0a || c === 0x09)))) {
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
    if (astral) {
      escapes += `\\u{${(s.codePointAt(i) ?? c).toString(16).toUpperCase()}}`;
      i++;
    } else escapes += escapeOf(c);
  }
  if (escapes !== '') runs.push({ text: escapes, escaped: true });
  else if (plainStart < s.length || runs.length === 0) {
    runs.push({ text: s.slice(plainStart), escaped: false });
  }
  return runs.length > maxRuns ? cutAt(runs, maxRuns) : { runs, cut: false };
}

/**
 * `text` as one plain string with every invisible or bidi character written as its escape: for
 * places that cannot hold styled runs (tooltips, `<option>` labels, aria labels, canvas text). Use
 * LogText wherever React renders text; both go through visibleText, so they escape the same set.
 */
export function visibleString(text: string): string {
  return visibleText(text)
    .runs.map((run) => run.text)
    .join('');
}

function cutAt(runs: TextRun[], maxRuns: number): VisibleText {
  return { runs: runs.slice(0, maxRuns), cut: true };
}
