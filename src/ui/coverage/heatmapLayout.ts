/** Width of the row labels (account, name, Region), px. */
export const LABEL_WIDTH = 300;
/** Height of the time axis, px. */
export const HEADER_HEIGHT = 40;
/** Height of a row, px: room for a tampering glyph. */
export const CELL_HEIGHT = 20;
const MIN_CELL = 8;
const MAX_CELL = 40;

/** The heat map's geometry in CSS px: labels left, the time axis on top, cells from there. */
export interface HeatmapLayout {
  readonly labelWidth: number;
  readonly headerHeight: number;
  readonly cellWidth: number;
  readonly cellHeight: number;
  readonly columns: number;
  readonly rows: number;
  /** The size of everything, scrolled through. */
  readonly contentWidth: number;
  readonly contentHeight: number;
}

/** A cell's position. */
export interface CellPos {
  readonly row: number;
  readonly column: number;
}

/**
 * Lays a map out for a view `viewWidth` px wide: columns share the width, at least MIN_CELL px
 * (then the map scrolls sideways) and at most MAX_CELL px.
 */
export function heatmapLayout(viewWidth: number, columns: number, rows: number): HeatmapLayout {
  const fit = Math.floor((viewWidth - LABEL_WIDTH) / Math.max(1, columns));
  const cellWidth = Math.min(MAX_CELL, Math.max(MIN_CELL, fit));
  return {
    labelWidth: LABEL_WIDTH,
    headerHeight: HEADER_HEIGHT,
    cellWidth,
    cellHeight: CELL_HEIGHT,
    columns,
    rows,
    contentWidth: LABEL_WIDTH + columns * cellWidth,
    contentHeight: HEADER_HEIGHT + rows * CELL_HEIGHT,
  };
}

/** The cell under a point of the view (px from its top left, with the view's scroll offsets). */
export function hitCell(
  layout: HeatmapLayout,
  x: number,
  y: number,
  scrollLeft: number,
  scrollTop: number,
): CellPos | undefined {
  if (x < layout.labelWidth || y < layout.headerHeight) return undefined;
  const column = Math.floor((x - layout.labelWidth + scrollLeft) / layout.cellWidth);
  const row = Math.floor((y - layout.headerHeight + scrollTop) / layout.cellHeight);
  return column >= 0 && column < layout.columns && row >= 0 && row < layout.rows
    ? { row, column }
    : undefined;
}

/** The columns and rows at least partly in a view of `width` × `height` px, scrolled so. */
export function visibleCells(
  layout: HeatmapLayout,
  scrollLeft: number,
  scrollTop: number,
  width: number,
  height: number,
): { firstColumn: number; lastColumn: number; firstRow: number; lastRow: number } {
  const { cellWidth, cellHeight, labelWidth, headerHeight } = layout;
  return {
    firstColumn: Math.max(0, Math.floor(scrollLeft / cellWidth)),
    lastColumn: Math.min(
      layout.columns - 1,
      Math.ceil((scrollLeft + width - labelWidth) / cellWidth) - 1,
    ),
    firstRow: Math.max(0, Math.floor(scrollTop / cellHeight)),
    lastRow: Math.min(
      layout.rows - 1,
      Math.ceil((scrollTop + height - headerHeight) / cellHeight) - 1,
    ),
  };
}

/**
 * The scroll offsets that bring a cell fully into a view of `width` × `height` px, moving as
 * little as possible.
 */
export function scrollToCell(
  layout: HeatmapLayout,
  cell: CellPos,
  scrollLeft: number,
  scrollTop: number,
  width: number,
  height: number,
): { left: number; top: number } {
  const x = cell.column * layout.cellWidth;
  const y = cell.row * layout.cellHeight;
  const w = width - layout.labelWidth;
  const h = height - layout.headerHeight;
  const left =
    x < scrollLeft
      ? x
      : x + layout.cellWidth > scrollLeft + w
        ? x + layout.cellWidth - w
        : scrollLeft;
  const top =
    y < scrollTop
      ? y
      : y + layout.cellHeight > scrollTop + h
        ? y + layout.cellHeight - h
        : scrollTop;
  return { left: Math.max(0, left), top: Math.max(0, top) };
}
