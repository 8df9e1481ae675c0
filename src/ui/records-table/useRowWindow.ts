import { useQueries } from '@tanstack/react-query';
import { ROWS_PAGE, rowsPageQuery } from '../../data/searchQueries';
import type { RowView, SearchRequest, TableOrder } from '../../data/types';

/**
 * The rows at table positions `[start, end)` of the search result, fetched a page at a time from the
 * worker; positions whose page has not arrived yet are undefined. Only visible pages are requested,
 * so scrolling a million rows touches a few hundred at a time. `version` changes as a result grows.
 */
export function useRowWindow(
  request: SearchRequest,
  version: string,
  order: TableOrder,
  start: number,
  end: number,
): RowWindowRows {
  const first = Math.floor(start / ROWS_PAGE);
  const last = Math.max(first, Math.floor(Math.max(start, end - 1) / ROWS_PAGE));
  const pages: number[] = [];
  for (let p = first; p <= last; p++) pages.push(p);
  const results = useQueries({
    queries: pages.map((p) => rowsPageQuery(request, order, p, version)),
  });
  const out: (RowView | undefined)[] = [];
  for (let i = start; i < end; i++) {
    const page = results[Math.floor(i / ROWS_PAGE) - first]?.data;
    out.push(page?.[i % ROWS_PAGE]);
  }
  const fresh = results.every((r) => r.isSuccess && !r.isPlaceholderData);
  return Object.assign(out, { fresh });
}

/** The rows of a window, and whether every visible page is of the current result (not placeholder data). */
export type RowWindowRows = (RowView | undefined)[] & { readonly fresh: boolean };
