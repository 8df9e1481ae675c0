import { queryOptions } from '@tanstack/react-query';
import { engineClient } from '../engine/engineClient';
import { DATASET_KEY, readKey } from './keys';

/** Dataset figures for the header. */
export const datasetInfoQuery = () =>
  queryOptions({
    queryKey: readKey('dataset', 'info'),
    queryFn: () => engineClient().dataset.info(),
    // Word filters and the index save run in the background after ingest: follow them.
    refetchInterval: (query) => {
      const info = query.state.data;
      return info !== undefined && (info.wordsPending > 0 || info.indexSaved === 'pending')
        ? 1000
        : false;
    },
  });

/** The detail of one event row. */
export const eventDetailQuery = (row: number) =>
  queryOptions({
    queryKey: readKey('events', 'detail', row),
    queryFn: async () => (await engineClient().events.detail(row)) ?? null,
    staleTime: Infinity,
  });

/** Stored files with their provenance. */
export const filesQuery = () =>
  queryOptions({ queryKey: readKey('files', 'list'), queryFn: () => engineClient().files.list() });

/** Browser storage used and available, in bytes. */
export const storageQuery = () =>
  queryOptions({
    queryKey: [...DATASET_KEY, 'storage'] as const,
    queryFn: async () => {
      const { usage = 0, quota = 0 } = await navigator.storage.estimate();
      return { usage, quota };
    },
  });

/** The credential chain behind one event row. */
export const credentialChainQuery = (row: number) =>
  queryOptions({
    queryKey: readKey('events', 'credentialChain', row),
    queryFn: async () => (await engineClient().events.credentialChain(row)) ?? null,
    staleTime: Infinity,
  });
