import { describe, expect, it } from 'vitest';
import { MAX_SCROLL_PX, scrollScale } from './scrollScale';

describe('scrollScale', () => {
  it('leaves tables that fit alone', () => {
    expect(scrollScale(28 * 1_000, 800)).toEqual({ height: 28_000, scale: 1 });
  });

  it('compresses 10M rows so the last physical scroll position shows the last rows', () => {
    const virtual = 28 * 10_000_000;
    const { height, scale } = scrollScale(virtual, 800);
    expect(height).toBe(MAX_SCROLL_PX);
    const maxScrollTop = height - 800;
    // At the end of the physical range the virtual offset is the end of the virtual range.
    expect(maxScrollTop * scale).toBeCloseTo(virtual - 800, 0);
    expect(scale).toBeGreaterThan(27);
  });
});
