import { useVirtualizer } from '@tanstack/react-virtual';
import type { RefObject } from 'react';
import { useEffect, useRef, useState } from 'react';
import { scrollScale } from './scrollScale';

/**
 * A fixed-row-height virtualizer over the table's scroll element that holds any number of rows: past
 * the browsers' element-height cap the scroll range is compressed (scrollScale) and react-virtual is
 * fed the virtual offset, so 10M rows scroll end to end. Rows are drawn at physical positions
 * (rowTop), and scrollToRow accounts for the sticky header.
 */
export function useScaledVirtualizer(options: {
  readonly count: number;
  readonly rowHeight: number;
  readonly scrollRef: RefObject<HTMLDivElement | null>;
}) {
  const { count, rowHeight, scrollRef } = options;
  const [viewport, setViewport] = useState(800);
  const { height, scale } = scrollScale(count * rowHeight, viewport);
  // The offset observer is set up once per scroll element; it reads the current scale from here.
  const scaleRef = useRef(scale);
  // Kept by the scroll listener: reading scrollTop while rows render forced a layout per render
  // (the largest share of the time from Enter to the first screen of rows).
  const scrollTopRef = useRef(0);
  useEffect(() => {
    scaleRef.current = scale;
  }, [scale]);
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 12,
    // Report the virtual offset, not scrollTop: the range of rows follows the compressed scrollbar.
    observeElementOffset: (instance, cb) => {
      const el = instance.scrollElement;
      if (el === null) return undefined;
      const report = () => {
        if (el.clientHeight !== viewport) setViewport(el.clientHeight);
        scrollTopRef.current = el.scrollTop;
        cb(el.scrollTop * scaleRef.current, false);
      };
      report();
      el.addEventListener('scroll', report, { passive: true });
      return () => el.removeEventListener('scroll', report);
    },
    scrollToFn: (offset, _options, instance) => {
      const el = instance.scrollElement;
      if (el !== null) el.scrollTop = offset / scaleRef.current;
    },
  });
  /** Scrolls just enough to show row `index` below the sticky header. */
  const scrollToRow = (index: number, headerHeight: number) => {
    const el = scrollRef.current;
    if (el === null) return;
    const view = el.clientHeight - headerHeight;
    const top = el.scrollTop * scale;
    const rowStart = index * rowHeight;
    if (rowStart < top) el.scrollTop = rowStart / scale;
    else if (rowStart + rowHeight > top + view)
      el.scrollTop = (rowStart + rowHeight - view) / scale;
  };
  return {
    virtualizer,
    scrollToRow,
    /** Height of the scrolled content, in px (capped). */
    totalHeight: height,
    /** Where to draw a row whose virtual start is `start`: relative to the physical scrollTop. */
    rowTop: (start: number) => {
      if (scale === 1) return start;
      const scrollTop = scrollTopRef.current;
      return start - scrollTop * scale + scrollTop;
    },
  };
}
