import type { RefObject } from 'react';
import { useEffect, useRef, useState } from 'react';
import { scrollScale } from './scrollScale';

/** One row of the window: its position in the result and its virtual top, px. */
export interface VirtualRow {
  readonly index: number;
  readonly start: number;
}

/** Rows drawn beyond each edge of the viewport, so a short scroll shows rows already there. */
const OVERSCAN = 12;

/**
 * Fixed-height windowing over the table's scroll element that holds any number of rows: only the
 * rows in view (plus OVERSCAN) exist, computed from the scroll offset in O(rows in view). Past the
 * browsers' element-height cap the scroll range is compressed (scrollScale): rows are drawn at
 * physical positions (rowTop), and scrollToRow accounts for the sticky header.
 *
 * Why not @tanstack/react-virtual (used before): its getMeasurements builds an entry for every item
 * whenever the count changes, O(count): ≈40 ms and a million objects for each new search result at
 * 1M events, and 10M objects at 10M (https://github.com/TanStack/virtual/issues/565). Rows here all
 * have one height, so the window is arithmetic.
 */
export function useScaledVirtualizer(options: {
  readonly count: number;
  readonly rowHeight: number;
  readonly scrollRef: RefObject<HTMLDivElement | null>;
}) {
  const { count, rowHeight, scrollRef } = options;
  const [viewport, setViewport] = useState(800);
  const [scrollTop, setScrollTop] = useState(0);
  const { height, scale } = scrollScale(count * rowHeight, viewport);
  // Kept by the scroll listener, which re-renders on each scroll: reading scrollTop while rows
  // render forced a layout per render.
  const scrollTopRef = useRef(0);
  useEffect(() => {
    const el = scrollRef.current;
    if (el === null) return undefined;
    const report = () => {
      scrollTopRef.current = el.scrollTop;
      setScrollTop(el.scrollTop);
      setViewport(el.clientHeight);
    };
    report();
    el.addEventListener('scroll', report, { passive: true });
    const resize = new ResizeObserver(report);
    resize.observe(el);
    return () => {
      el.removeEventListener('scroll', report);
      resize.disconnect();
    };
  }, [scrollRef]);
  const offset = scrollTop * scale;
  const first = Math.max(0, Math.floor(offset / rowHeight) - OVERSCAN);
  const last = Math.min(count, Math.ceil((offset + viewport) / rowHeight) + OVERSCAN);
  const items: VirtualRow[] = [];
  for (let index = first; index < last; index++) items.push({ index, start: index * rowHeight });
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
    /** The rows to draw, in order. */
    items,
    scrollToRow,
    /** Height of the scrolled content, in px (capped). */
    totalHeight: height,
    /** Where to draw a row whose virtual start is `start`: relative to the physical scrollTop. */
    rowTop: (start: number) => {
      if (scale === 1) return start;
      const physical = scrollTopRef.current;
      return start - physical * scale + physical;
    },
  };
}
