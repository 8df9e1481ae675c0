import { elementScroll, observeElementOffset, useVirtualizer } from '@tanstack/react-virtual';
import type { RefObject } from 'react';

/**
 * Browsers cap an element's height near 33.5M px (Chromium), which at 28 px a row is ≈1.2M rows. Past
 * this height the scroll range is compressed: the virtualizer works in full-size coordinates, the
 * scrollbar in scaled ones, so 10M rows still scroll end to end.
 */
const MAX_SCROLL_PX = 15_000_000;

/** A fixed-row-height virtualizer that keeps working past the browser's maximum element height. */
export function useScaledVirtualizer(options: {
  readonly count: number;
  readonly rowHeight: number;
  readonly scrollRef: RefObject<HTMLDivElement | null>;
}) {
  const { count, rowHeight, scrollRef } = options;
  const ratio = Math.max(1, (count * rowHeight) / MAX_SCROLL_PX);
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 12,
    observeElementOffset: (instance, cb) =>
      observeElementOffset(instance, (offset, isScrolling) => cb(offset * ratio, isScrolling)),
    scrollToFn: (offset, opts, instance) => elementScroll(offset / ratio, opts, instance),
  });
  const scrollTop = scrollRef.current?.scrollTop ?? 0;
  const virtualTop = virtualizer.scrollOffset ?? 0;
  return {
    virtualizer,
    /** Height of the scrolled content, in px (compressed when needed). */
    totalHeight: virtualizer.getTotalSize() / ratio,
    /** Where to draw a row that starts at `start` in full-size coordinates. */
    rowTop: (start: number) => scrollTop + (start - virtualTop),
  };
}
