import { useVirtualizer } from '@tanstack/react-virtual';
import type { RefObject } from 'react';

/**
 * A fixed-row-height virtualizer over the table's scroll element, with a scrollToRow that accounts for
 * the sticky header. Browsers cap an element's height near 33.5M px (Chromium), about 1.2M rows of
 * 28 px; compressing the scroll range past that is left for the 10M-event work (issue 3).
 */
export function useScaledVirtualizer(options: {
  readonly count: number;
  readonly rowHeight: number;
  readonly scrollRef: RefObject<HTMLDivElement | null>;
}) {
  const { count, rowHeight, scrollRef } = options;
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 12,
  });
  /** Scrolls just enough to show row `index` below the sticky header. */
  const scrollToRow = (index: number, headerHeight: number) => {
    const el = scrollRef.current;
    if (el === null) return;
    const view = el.clientHeight - headerHeight;
    const rowStart = index * rowHeight;
    if (rowStart < el.scrollTop) el.scrollTop = rowStart;
    else if (rowStart + rowHeight > el.scrollTop + view) el.scrollTop = rowStart + rowHeight - view;
  };
  return {
    virtualizer,
    scrollToRow,
    /** Height of the scrolled content, in px. */
    totalHeight: virtualizer.getTotalSize(),
    /** Where to draw a row that starts at `start`. */
    rowTop: (start: number) => start,
  };
}
