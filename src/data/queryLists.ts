import { queryOptions, useQuery, useQueryClient } from '@tanstack/react-query';
import type { QueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { engineClient } from '../engine/engineClient';
import type { EngineClient } from '../engine/engineClient';
import { DATASET_KEY, readKey } from './keys';

/** The open case's query history (most recent first) and saved queries, as the engine keeps them. */
export type QueryLists = Awaited<ReturnType<EngineClient['queries']['all']>>;
/** One saved query: `name`, `q` (the query text) and `savedAt` (ms since epoch). */
export type SavedQuery = QueryLists['saved'][number];

/** The open case's query history and saved queries. */
export const queryListsQuery = () =>
  queryOptions({
    queryKey: readKey('queries', 'all'),
    queryFn: () => engineClient().queries.all(),
  });

/** The open case's query lists; empty ones until they are read. */
export function useQueryLists(): QueryLists {
  return useQuery(queryListsQuery()).data ?? EMPTY;
}

const EMPTY: QueryLists = { kind: 'queries', history: [], saved: [] };

/**
 * Records an applied query in the open case's history (stored with the case). A failure to store
 * (a full quota) loses only the history entry, so it is not reported.
 */
export function rememberQuery(client: QueryClient, q: string): void {
  if (q.trim() === '') return;
  void engineClient()
    .queries.remember(q)
    .then((lists) => client.setQueryData(queryListsQuery().queryKey, lists))
    .catch(() => undefined);
}

/**
 * Save, rename and delete saved queries of the open case. Each resolves once stored, and marks
 * search reads stale (a `saved:` clause may mean something else now).
 * @throws Error with a readable reason (a taken or empty name, a query that does not parse).
 */
export function useSavedQueryActions() {
  const client = useQueryClient();
  return useMemo(() => {
    const done = async (lists: QueryLists) => {
      client.setQueryData(queryListsQuery().queryKey, lists);
      await client.invalidateQueries({
        predicate: (q) => q.queryKey[0] === DATASET_KEY[0] && q.queryKey[1] === 'search',
      });
    };
    return {
      save: async (name: string, q: string, replace?: boolean) =>
        done(await engineClient().queries.save(name, q, replace)),
      rename: async (from: string, to: string) =>
        done(await engineClient().queries.rename(from, to)),
      remove: async (name: string) => done(await engineClient().queries.remove(name)),
    };
  }, [client]);
}
