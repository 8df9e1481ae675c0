import { queryOptions } from '@tanstack/react-query';
import { engineClient } from '../engine/engineClient';
import type { SearchRequest } from '../search/types';
import { searchKey } from '../search/types';
import { readKey } from './keys';

/** The other records of the Insight at `row` (same `sharedEventID`: its Start or End), time order. */
export const insightPartnersQuery = (row: number) =>
  queryOptions({
    queryKey: readKey('events', 'insightPartners', row),
    queryFn: () => engineClient().events.insightPartners(row),
    staleTime: Infinity,
  });

/**
 * How many events match an index-only query within a time range (the insight window pivot's count);
 * null when the query needs stored records.
 */
export const rangeCountQuery = (request: SearchRequest) =>
  queryOptions({
    queryKey: readKey('search', 'count', searchKey(request)),
    queryFn: async () => (await engineClient().search.count(request)) ?? null,
  });
