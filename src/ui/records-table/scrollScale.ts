/**
 * Browsers cap an element's height (Chromium ≈33.5M px, Firefox ≈17.9M px): at 28 px a row, a
 * scroll area past ≈600k rows must be compressed. The table's content height is capped here; the
 * scroll position maps linearly onto the full virtual height, so the scrollbar still spans every
 * row (at 10M rows one pixel of scrollbar is ≈28 rows; the keyboard still moves row by row).
 */
export const MAX_SCROLL_PX = 10_000_000;

/** The physical height and the factor from physical scrollTop to virtual offset (1: no compression). */
export function scrollScale(
  virtualHeight: number,
  viewport: number,
): { height: number; scale: number } {
  if (virtualHeight <= MAX_SCROLL_PX) return { height: virtualHeight, scale: 1 };
  const room = Math.max(1, MAX_SCROLL_PX - viewport);
  return { height: MAX_SCROLL_PX, scale: Math.max(1, (virtualHeight - viewport) / room) };
}
