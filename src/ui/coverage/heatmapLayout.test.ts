import { describe, expect, it } from 'vitest';
import { heatmapLayout, hitCell, scrollToCell, visibleCells } from './heatmapLayout';

describe('heatmapLayout', () => {
  it('shares the width between columns, within bounds', () => {
    expect(heatmapLayout(300 + 5 * 100, 5, 1).cellWidth).toBe(40);
    expect(heatmapLayout(300 + 720 * 10, 720, 3).cellWidth).toBe(10);
    const wide = heatmapLayout(1200, 1440, 340);
    expect(wide.cellWidth).toBe(8);
    expect([wide.contentWidth, wide.contentHeight]).toEqual([300 + 1440 * 8, 40 + 340 * 20]);
  });

  it('finds the cell under a point, scrolled, and nothing over the labels or the axis', () => {
    const l = heatmapLayout(1200, 1440, 340);
    expect(hitCell(l, 300 + 8 * 3 + 1, 40 + 20 * 2 + 1, 0, 0)).toEqual({ row: 2, column: 3 });
    expect(hitCell(l, 301, 41, 80, 200)).toEqual({ row: 10, column: 10 });
    expect(hitCell(l, 299, 100, 0, 0)).toBeUndefined();
    expect(hitCell(l, 400, 39, 0, 0)).toBeUndefined();
    expect(hitCell(l, 300 + 8 * 1440, 41, 0, 0)).toBeUndefined();
  });

  it('draws only what is visible, and scrolls a cell into view by the least', () => {
    const l = heatmapLayout(1200, 1440, 340);
    expect(visibleCells(l, 80, 200, 1200, 600)).toEqual({
      firstColumn: 10,
      lastColumn: 122,
      firstRow: 10,
      lastRow: 37,
    });
    expect(scrollToCell(l, { row: 0, column: 200 }, 0, 0, 1200, 600)).toEqual({
      left: 201 * 8 - 900,
      top: 0,
    });
    expect(scrollToCell(l, { row: 5, column: 5 }, 800, 400, 1200, 600)).toEqual({
      left: 40,
      top: 100,
    });
    expect(scrollToCell(l, { row: 12, column: 20 }, 80, 200, 1200, 600)).toEqual({
      left: 80,
      top: 200,
    });
  });
});
