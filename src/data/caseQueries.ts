import { queryOptions } from '@tanstack/react-query';
import { engineClient } from '../engine/engineClient';
import { DATASET_KEY, readKey } from './keys';

/**
 * The cases with their cached figures, and the open one's id. Under the dataset key, so an ingest or
 * a clear refreshes the open case's figures too.
 */
export const casesQuery = () =>
  queryOptions({
    queryKey: readKey('cases', 'list'),
    queryFn: () => engineClient().cases.list(),
  });

/** The origin's storage in bytes and whether the browser keeps it under storage pressure. */
export interface StorageStatus {
  readonly usage: number;
  readonly quota: number;
  /** navigator.storage.persisted(): true when the browser will not evict the data by itself. */
  readonly persisted: boolean;
}

/**
 * Storage use (navigator.storage.estimate) and persistence (navigator.storage.persisted); usage and
 * quota are 0 where the Storage API is missing.
 * @see https://developer.mozilla.org/en-US/docs/Web/API/StorageManager
 */
export const storageStatusQuery = () =>
  queryOptions({
    queryKey: [...DATASET_KEY, 'storageStatus'] as const,
    queryFn: async (): Promise<StorageStatus> => {
      if (!('storage' in navigator)) return { usage: 0, quota: 0, persisted: false };
      const [{ usage = 0, quota = 0 }, persisted] = await Promise.all([
        navigator.storage.estimate(),
        navigator.storage.persisted(),
      ]);
      return { usage, quota, persisted };
    },
  });
