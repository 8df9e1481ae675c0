/** What stands for the cut middle of a value. */
export const CUT = '…';

/** Characters kept at each end of a huge value before fitting: more than any column shows. */
const END_CHARS = 600;

/** A value cut in its middle: the start and end kept, `CUT` between them when anything was cut. */
export interface MiddleCut {
  readonly head: string;
  readonly tail: string;
  readonly cut: boolean;
}

/**
 * `text` cut in the middle to fit `width` (px) as `measure` (px of a string) says, keeping as many
 * characters as fit, a little more of the end than the start: the end of an ARN or a path names
 * the thing (`arn:aws:secretsmanager:…:secret:prod-db-XYZ`). Never splits a surrogate pair. When
 * not even `…` fits, everything is cut. `measure` must grow with the string (binary search).
 */
export function middleCut(text: string, width: number, measure: (s: string) => number): MiddleCut {
  if (text.length <= END_CHARS * 2 && measure(text) <= width) {
    return { head: text, tail: '', cut: false };
  }
  // A 1 MB value: only its ends can ever be shown.
  const source =
    text.length <= END_CHARS * 2
      ? text
      : `${text.slice(0, safeEnd(text, END_CHARS))}${text.slice(safeStart(text, text.length - END_CHARS))}`;
  const split = (kept: number): MiddleCut => {
    const head = source.slice(0, safeEnd(source, Math.floor(kept / 2)));
    const tail = source.slice(safeStart(source, source.length - Math.ceil(kept / 2)));
    return { head, tail, cut: true };
  };
  const fits = (kept: number) => {
    const c = split(kept);
    return measure(`${c.head}${CUT}${c.tail}`) <= width;
  };
  let lo = 0;
  let hi = Math.min(source.length - 1, text.length - 1);
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (fits(mid)) lo = mid;
    else hi = mid - 1;
  }
  return split(lo);
}

/** `end`, or one less when it would end inside a surrogate pair. */
function safeEnd(s: string, end: number): number {
  const c = s.charCodeAt(end - 1);
  return c >= 0xd800 && c <= 0xdbff ? end - 1 : end;
}

/** `start`, or one more when it would start inside a surrogate pair. */
function safeStart(s: string, start: number): number {
  const c = s.charCodeAt(start);
  return c >= 0xdc00 && c <= 0xdfff ? start + 1 : start;
}
