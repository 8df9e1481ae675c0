import { queryOptions, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { engineClient } from '../engine/engineClient';
import type { EngineClient } from '../engine/engineClient';
import { DATASET_KEY, readKey } from './keys';
import type { SearchRequest } from '../search/types';
import { searchKey } from '../search/types';

/** Where one source IP comes from (iporigin/types.ts IpOrigin), as the page receives it. */
export type IpOriginView = Awaited<
  ReturnType<EngineClient['ipOrigins']['enrichValues']>
>['origins'][number];
/** One IP database in use, with its date and credit. */
export type IpDatabaseView = Awaited<ReturnType<EngineClient['ipOrigins']['databases']>>[number];

/** The origins of sourceIPAddress values, in order (the worker caches per distinct value). */
export const ipOriginsQuery = (values: readonly string[]) =>
  queryOptions({
    queryKey: readKey('ipOrigins', 'enrichValues', values),
    queryFn: async () => (await engineClient().ipOrigins.enrichValues(values)).origins,
    staleTime: Infinity,
  });

/** The IP databases in use (bundled, and the case's own), with dates and credits. */
export const ipDatabasesQuery = () =>
  queryOptions({
    queryKey: readKey('ipOrigins', 'databases'),
    queryFn: () => engineClient().ipOrigins.databases(),
    staleTime: Infinity,
  });

/** The country, ASN and organisation facets of the source IPs under the search. */
export const originFacetsQuery = (request: SearchRequest, version: string) =>
  queryOptions({
    queryKey: readKey('search', 'originFacets', searchKey(request), version),
    queryFn: async () => (await engineClient().search.originFacets(request, 8)) ?? null,
    placeholderData: (previous) => previous,
  });

/** Where `ip` (a sourceIPAddress value) comes from; undefined while it loads or if it failed. */
export function useIpOrigin(ip: string): IpOriginView | undefined {
  return useQuery(ipOriginsQuery([ip])).data?.[0];
}

/** The IP databases in use; undefined while they load. */
export function useIpDatabases(): {
  readonly databases: readonly IpDatabaseView[] | undefined;
  readonly error: string | undefined;
} {
  const query = useQuery(ipDatabasesQuery());
  return {
    databases: query.data,
    error: query.error === null ? undefined : query.error.message,
  };
}

/**
 * Adds or removes the case's own `.mmdb`. Either changes every origin, so every read of the case
 * is refreshed. `add` throws the worker's message when the file is not usable.
 */
export function useIpDatabaseActions(): {
  readonly add: (file: File | Blob, name: string) => Promise<IpDatabaseView>;
  readonly remove: () => Promise<void>;
} {
  const client = useQueryClient();
  return useMemo(
    () => ({
      add: async (file: File | Blob, name: string) => {
        const bytes = new Uint8Array(await file.arrayBuffer());
        const info = await engineClient().ipOrigins.addUserDatabase(name, bytes);
        await client.invalidateQueries({ queryKey: DATASET_KEY });
        return info;
      },
      remove: async () => {
        await engineClient().ipOrigins.removeUserDatabase();
        await client.invalidateQueries({ queryKey: DATASET_KEY });
      },
    }),
    [client],
  );
}
