import type { CSSProperties } from 'react';

/**
 * A column's flex style: exactly `width` px (layoutWidths decides it), except the `fill` column,
 * the last, which also takes whatever width is left so the rows reach the table's edge.
 */
export function cellStyle(width: number, fill: boolean): CSSProperties {
  return { flex: `${fill ? 1 : 0} 0 ${width}px`, width };
}

/** Width of the leading compare-checkbox column and of the marks column after it, px. */
export const CHECK_WIDTH = 28;
export const MARKS_WIDTH = 22;
/** Horizontal padding of a cell, both sides together, px (EventTable.css). */
export const CELL_PADDING = 12;
