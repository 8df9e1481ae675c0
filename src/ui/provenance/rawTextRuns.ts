import { visibleText } from '../detail/visibleText';
import type { TextRun } from '../detail/visibleText';

/** Runs drawn at most: past this, a hostile file of line breaks and controls would freeze the page. */
export const MAX_RAW_RUNS = 20_000;

/** The runs of a raw file view, and whether they stop short of the text. */
export interface RawRuns {
  readonly runs: readonly TextRun[];
  readonly cut: boolean;
}

/**
 * Splits a file's text for display as visibleText does (invisible and bidi characters as visible
 * escapes), except that line breaks and tabs stay themselves, so a file reads as its lines. A
 * Windows line end (`\r\n`) reads as a plain break. At most `max` runs.
 */
export function rawTextRuns(text: string, max = MAX_RAW_RUNS): RawRuns {
  const runs: TextRun[] = [];
  for (const run of visibleText(text)) {
    if (!run.escaped) {
      push(runs, run.text, false);
    } else {
      // An escaped run holds only escapes made by visibleText, so `\n` in it is always a newline.
      for (const piece of run.text.replaceAll('\\r\\n', '\\n').split(/(\\n|\\t)/)) {
        if (piece === '') continue;
        if (piece === '\\n') push(runs, '\n', false);
        else if (piece === '\\t') push(runs, '\t', false);
        else push(runs, piece, true);
      }
    }
    if (runs.length > max) return { runs: runs.slice(0, max), cut: true };
  }
  return { runs, cut: false };
}

/** Appends, merging with the previous run of the same kind. */
function push(runs: TextRun[], text: string, escaped: boolean): void {
  const last = runs[runs.length - 1];
  if (last !== undefined && last.escaped === escaped) {
    runs[runs.length - 1] = { text: last.text + text, escaped };
  } else {
    runs.push({ text, escaped });
  }
}
