import { queryOptions, skipToken, useQuery, useQueryClient } from '@tanstack/react-query';
import type { QueryClient } from '@tanstack/react-query';
import { engineClient, workerCallback } from '../engine/engineClient';
import type {
  EventTarget,
  SearchAnswer,
  SearchRequest,
  SearchStatus,
  TableOrder,
} from '../search/types';
import { searchKey } from '../search/types';
import { readKey } from './keys';

/** Rows fetched per request: a few screens, so scrolling rarely waits. */
export const ROWS_PAGE = 200;

/** Identifies a search result as it grows while records are scanned, for keys of derived reads. */
export const resultVersion = (s: SearchStatus | undefined) =>
  s === undefined ? 'none' : `${s.key}:${s.matchCount}:${s.complete}`;

/**
 * Where the partial status of a streaming search is written, by whichever fetch runs it (the answer
 * does not depend on the table's order, so neither does this key).
 */
const searchProgressKey = (request: SearchRequest) =>
  readKey('search', 'run', searchKey(request), 'progress');

/** The partial status of a streaming search: never fetched, only written by the search's fetch. */
const searchProgressQuery = (request: SearchRequest) =>
  queryOptions<SearchStatus>({ queryKey: searchProgressKey(request), queryFn: skipToken });

/**
 * The search for `request` as a query: runs it in the worker, which answers with the status and the
 * first page of rows in `order` (seeded into that page's query, saving a round trip before the first
 * screen). While stored records are scanned (free text, JSON paths) the partial status streams into
 * the cache (searchProgressKey), so whichever fetch runs it, prefetch or view, the count and the
 * first screen appear before the end.
 */
export const searchQuery = (client: QueryClient, request: SearchRequest, order: TableOrder) => {
  const seed = ({ firstRows, ...status }: SearchAnswer): SearchStatus => {
    if (firstRows !== undefined) {
      client.setQueryData(
        rowsPageQuery(request, order, 0, resultVersion(status)).queryKey,
        firstRows.slice(),
      );
    }
    return status;
  };
  return queryOptions({
    queryKey: readKey('search', 'run', searchKey(request), order),
    queryFn: async () =>
      seed(
        await engineClient().search.run(
          request,
          workerCallback((s: SearchAnswer) =>
            client.setQueryData(searchProgressKey(request), seed(s)),
          ),
          pageWindow(0, order),
        ),
      ),
    placeholderData: (previous) => previous,
  });
};

/**
 * Starts the search for `request` before the view that shows it renders: from the verb that applies
 * a query, so the view's first render of it can already hold the answer (the view's own fetch
 * would start only in an effect after a render and a paint, tens of ms later). Resolves when the
 * search ends (never rejects).
 */
export function prefetchSearch(
  client: QueryClient,
  request: SearchRequest,
  order: TableOrder,
): Promise<unknown> {
  return client.query(searchQuery(client, request, order)).catch(() => undefined);
}

/** The status of the search for `request`: final, or partial while it streams. */
export function useSearch(request: SearchRequest, order: TableOrder): SearchStatus | undefined {
  const client = useQueryClient();
  const final = useQuery(searchQuery(client, request, order));
  const progress = useQuery(searchProgressQuery(request)).data;
  const key = final.data?.key;
  if (final.isFetching && progress !== undefined && progress.key !== key) return progress;
  return final.data ?? progress;
}

/** The worker's window for page `page` of the table in `order`. */
const pageWindow = (page: number, order: TableOrder) => ({
  offset: page * ROWS_PAGE,
  limit: ROWS_PAGE,
  order: order.dir,
  ...(order.by === undefined ? {} : { by: order.by }),
});

/** One page of the search result in the given order (time, or a column). */
export const rowsPageQuery = (
  request: SearchRequest,
  order: TableOrder,
  page: number,
  version: string,
) =>
  queryOptions({
    queryKey: readKey('search', 'rows', searchKey(request), order, page, version),
    queryFn: () => engineClient().search.rows(request, pageWindow(page, order)),
    staleTime: Infinity,
    // Keeps the rows on screen while a streaming result grows, instead of flashing placeholders.
    placeholderData: (previous) => previous,
  });

/** Top values per indexed field under the search. */
export const facetsQuery = (request: SearchRequest, version: string) =>
  queryOptions({
    queryKey: readKey('search', 'facets', searchKey(request), version),
    queryFn: async () => (await engineClient().search.facets(request, 8)) ?? null,
    placeholderData: (previous) => previous,
  });

/** Values the full list of a facet shows at most: enough to scroll, few enough to render at once. */
export const FACET_LIST_LIMIT = 500;

/**
 * Every value of indexed `field` under the search containing `text` (case-insensitive), with counts,
 * most frequent first, at most FACET_LIST_LIMIT; null for a field without a list.
 */
export const facetValuesQuery = (
  request: SearchRequest,
  field: string,
  text: string,
  version: string,
) =>
  queryOptions({
    queryKey: readKey('search', 'facetValues', searchKey(request), field, text, version),
    queryFn: async () =>
      (await engineClient().search.facetValues(request, field, text, FACET_LIST_LIMIT)) ?? null,
    // The last list stays while the next is counted, but never another field's.
    placeholderData: (previous) => (previous?.field === field ? previous : undefined),
  });

/** The search's histogram over [from, to) ms. */
export const histogramQuery = (request: SearchRequest, from: number, to: number, version: string) =>
  queryOptions({
    queryKey: readKey('search', 'histogram', searchKey(request), from, to, version),
    queryFn: async () => (await engineClient().search.histogram(request, from, to)) ?? null,
    placeholderData: (previous) => previous,
  });

/**
 * Autocomplete values of a field containing `text`, counted among the events matching `under` where
 * the engine can (`under` in the answer is then their number; see SearchService.suggestUnder).
 */
export const suggestQuery = (under: SearchRequest, field: string, text: string) =>
  queryOptions({
    queryKey: readKey('search', 'suggestUnder', searchKey(under), field, text),
    queryFn: () => engineClient().search.suggestUnder(under, field, text, 12),
    staleTime: 30_000,
  });

/** Events matching a query the index answers alone (pivot counts); null when it needs records. */
export const countQuery = (q: string) =>
  queryOptions({
    queryKey: readKey('search', 'count', searchKey({ q })),
    queryFn: async () => (await engineClient().search.count({ q })) ?? null,
  });

/** Row and position of the event `target` in the search result; null when it is not in it. */
export const locateQuery = (
  request: SearchRequest,
  target: EventTarget,
  order: TableOrder,
  version: string,
) =>
  queryOptions({
    queryKey: readKey('search', 'locate', searchKey(request), target, order, version),
    queryFn: async () =>
      (await engineClient().search.locate(request, target, order.dir, order.by)) ?? null,
    staleTime: Infinity,
  });
