import { queryOptions } from '@tanstack/react-query';
import { ingestClient } from '../engine/engineClient';
import { keys } from './keys';

/** Dataset figures for the header. */
export const datasetInfoQuery = () =>
  queryOptions({
    queryKey: keys.info(),
    queryFn: () => ingestClient().dataset(),
    // Word filters are built in the background after ingest: follow their progress.
    refetchInterval: (query) => ((query.state.data?.wordsPending ?? 0) > 0 ? 1000 : false),
  });

/** The detail of one event row. */
export const eventDetailQuery = (row: number) =>
  queryOptions({
    queryKey: keys.detail(row),
    queryFn: async () => (await ingestClient().detail(row)) ?? null,
    staleTime: Infinity,
  });

/** Stored files with their provenance. */
export const filesQuery = () =>
  queryOptions({ queryKey: keys.files(), queryFn: () => ingestClient().files() });

/** Browser storage used and available, in bytes. */
export const storageQuery = () =>
  queryOptions({
    queryKey: keys.storage(),
    queryFn: async () => {
      const { usage = 0, quota = 0 } = await navigator.storage.estimate();
      return { usage, quota };
    },
  });

/** The credential chain behind one event row. */
export const credentialChainQuery = (row: number) =>
  queryOptions({
    queryKey: keys.chain(row),
    queryFn: async () => (await ingestClient().credentialChain(row)) ?? null,
    staleTime: Infinity,
  });
