import type { CSSProperties } from 'react';

/** Columns shrink to this share of their size before the table scrolls sideways. */
const MIN_SHARE = 0.6;

/**
 * A column's flex style: columns share the width in proportion to their sizes, so the table fills any
 * screen, and never shrink below 60 % of their size (then the table scrolls sideways).
 */
export function columnStyle(size: number, fixed = false): CSSProperties {
  return fixed ? { flex: `0 0 ${size}px` } : { flex: `${size} 1 0px`, minWidth: minWidth(size) };
}

/** The narrowest the table may get: the sum of the columns' minimum widths, in px. */
export function minTableWidth(columns: readonly { size: number; fixed: boolean }[]): number {
  return columns.reduce((w, c) => w + (c.fixed ? c.size : minWidth(c.size)), 0);
}

function minWidth(size: number): number {
  return Math.round(size * MIN_SHARE);
}

/** Columns that never shrink: a truncated time is useless. */
export const FIXED_COLUMNS: ReadonlySet<string> = new Set(['eventTime']);
