/**
 * The header's label for the dataset's time span, from two `YYYY-MM-DD HH:MM…` texts (formatTime's
 * output): `2023-07-10 11:42 → 12:37` within one day, the full dates otherwise. Shorter text keeps
 * the header on one row.
 */
export function spanLabel(first: string, last: string): string {
  const a = first.slice(0, 16);
  const b = last.slice(0, 16);
  return a.slice(0, 10) === b.slice(0, 10) ? `${a} → ${b.slice(11)}` : `${a} → ${b}`;
}
