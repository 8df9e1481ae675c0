import { useQueries } from '@tanstack/react-query';
import { ROWS_PAGE, rowsPageQuery } from '../../query/datasetQueries';
import type { RowView, TimeOrder } from '../../query/types';

/**
 * The rows at table positions `[start, end)`, fetched a page at a time from the worker; positions
 * whose page has not arrived yet are undefined. Only visible pages are ever requested, so scrolling
 * a million rows touches a few hundred at a time.
 */
export function useRowWindow(
  order: TimeOrder,
  start: number,
  end: number,
): (RowView | undefined)[] {
  const first = Math.floor(start / ROWS_PAGE);
  const last = Math.max(first, Math.floor(Math.max(start, end - 1) / ROWS_PAGE));
  const pages: number[] = [];
  for (let p = first; p <= last; p++) pages.push(p);
  const results = useQueries({
    queries: pages.map((p) => rowsPageQuery(order, p)),
  });
  const out: (RowView | undefined)[] = [];
  for (let i = start; i < end; i++) {
    const page = results[Math.floor(i / ROWS_PAGE) - first]?.data;
    out.push(page?.[i % ROWS_PAGE]);
  }
  return out;
}
