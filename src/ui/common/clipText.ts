/**
 * The first `max` UTF-16 code units of `s` (all of it when shorter), never ending inside a surrogate
 * pair, so a cut emoji does not become a replacement character.
 */
export function clipText(s: string, max: number): string {
  if (s.length <= max) return s;
  const end = Math.max(0, max);
  const last = s.charCodeAt(end - 1);
  return s.slice(0, last >= 0xd800 && last <= 0xdbff ? end - 1 : end);
}
