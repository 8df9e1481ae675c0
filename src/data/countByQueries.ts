import { queryOptions, skipToken, useQuery, useQueryClient } from '@tanstack/react-query';
import type { QueryClient } from '@tanstack/react-query';
import { engineClient, workerCallback } from '../engine/engineClient';
import type { CountByResult, CountOrder, SearchRequest } from '../search/types';
import { searchKey } from '../search/types';
import { readKey } from './keys';
import { openFileSink } from './saveFile';

/** Where a count that reads records back writes its partial answers (never fetched). */
const countProgressKey = (request: SearchRequest, order: CountOrder) =>
  readKey('search', 'countBy', searchKey(request), order, 'progress');

/**
 * The `| count by` groups of the search `request` (its text carries the clause) in `order`, once
 * the search result `version` is complete; null when the engine has none (no clause, or the search
 * not run). A JSON path streams partial counts into countProgressKey.
 */
export const countByQuery = (
  client: QueryClient,
  request: SearchRequest,
  order: CountOrder,
  version: string,
) =>
  queryOptions({
    queryKey: readKey('search', 'countBy', searchKey(request), order, version),
    queryFn: async () =>
      (await engineClient().search.countBy(
        request,
        order,
        workerCallback((partial: CountByResult) =>
          client.setQueryData(countProgressKey(request, order), partial),
        ),
      )) ?? null,
    placeholderData: (previous) => previous,
    staleTime: Infinity,
  });

/**
 * The count of `request` in `order`: the final answer, or the partial one while records are read
 * (its `complete` false). `enabled` false (the search still running) asks nothing yet.
 */
export function useCountBy(
  request: SearchRequest,
  order: CountOrder,
  version: string,
  enabled: boolean,
): { readonly result: CountByResult | undefined; readonly stale: boolean } {
  const client = useQueryClient();
  const final = useQuery({ ...countByQuery(client, request, order, version), enabled });
  const progress = useQuery(
    queryOptions<CountByResult>({ queryKey: countProgressKey(request, order), queryFn: skipToken }),
  ).data;
  const done = final.data ?? undefined;
  // A JSON path's partial counts show while its read runs, in place of the last answer.
  const partial = final.isFetching && progress !== undefined && !progress.complete;
  if (partial && (done === undefined || final.isPlaceholderData)) {
    return { result: progress, stale: false };
  }
  return { result: done, stale: final.isPlaceholderData };
}

/**
 * Saves every group of the count of `request` as a CSV file the user picks (or a download).
 * @throws DOMException 'AbortError' when the user cancels the picker.
 */
export async function saveCountByCsv(request: SearchRequest, order: CountOrder): Promise<void> {
  const text = (await engineClient().search.countByCsv(request, order)) ?? '';
  const stamp = new Date().toISOString().slice(0, 19).replace(/:/g, '-');
  const sink = await openFileSink(`cairn-count-${stamp}.csv`, 'text/csv', '.csv');
  await sink.write(text);
  await sink.close();
}
