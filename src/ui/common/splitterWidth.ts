/** The widths a splitter may give its area, in CSS px. */
export interface WidthBounds {
  readonly min: number;
  readonly max: number;
}

/**
 * Which edge of the resized area the splitter sits on: `end` is its right edge (the left sidebar
 * grows as the splitter moves right), `start` its left edge (the right-hand pane grows as it moves left).
 */
export type SplitterEdge = 'start' | 'end';

/** Pixels an arrow key moves the splitter; with Shift, a larger step. */
export const KEY_STEP = 16;
export const KEY_STEP_LARGE = 64;

/** `width` kept within the bounds, rounded to whole px. When min > max (a tiny window) min wins. */
export function clampWidth(width: number, bounds: WidthBounds): number {
  return Math.round(Math.max(bounds.min, Math.min(bounds.max, width)));
}

/** The area's width after the splitter moved `dx` px to the right from where a drag started. */
export function dragWidth(
  startWidth: number,
  dx: number,
  edge: SplitterEdge,
  bounds: WidthBounds,
): number {
  return clampWidth(edge === 'end' ? startWidth + dx : startWidth - dx, bounds);
}

/**
 * The area's width after a key press on the splitter, or undefined for a key it ignores. Arrows move
 * the splitter itself (so ← widens a pane on the right and narrows a sidebar on the left), as the
 * separator pattern of WAI-ARIA APG does: https://www.w3.org/WAI/ARIA/apg/patterns/windowsplitter/
 * Home and End give the smallest and the largest width.
 */
export function keyWidth(
  key: string,
  shift: boolean,
  width: number,
  edge: SplitterEdge,
  bounds: WidthBounds,
): number | undefined {
  const step = shift ? KEY_STEP_LARGE : KEY_STEP;
  if (key === 'ArrowLeft') return dragWidth(width, -step, edge, bounds);
  if (key === 'ArrowRight') return dragWidth(width, step, edge, bounds);
  if (key === 'Home') return clampWidth(bounds.min, bounds);
  if (key === 'End') return clampWidth(bounds.max, bounds);
  return undefined;
}
