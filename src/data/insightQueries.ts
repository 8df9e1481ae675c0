import { queryOptions } from '@tanstack/react-query';
import { ingestClient } from '../engine/engineClient';
import type { SearchRequest } from '../search/types';
import { searchKey } from '../search/types';
import { keys } from './keys';

/** The other records of the Insight at `row` (same `sharedEventID`: its Start or End), time order. */
export const insightPartnersQuery = (row: number) =>
  queryOptions({
    queryKey: [...keys.all, 'insightPartners', row] as const,
    queryFn: () => ingestClient().insightPartners(row),
    staleTime: Infinity,
  });

/**
 * How many events match an index-only query within a time range (the insight window pivot's count);
 * null when the query needs stored records.
 */
export const rangeCountQuery = (request: SearchRequest) =>
  queryOptions({
    queryKey: [...keys.all, 'rangeCount', searchKey(request)] as const,
    queryFn: async () => (await ingestClient().count(request)) ?? null,
  });
