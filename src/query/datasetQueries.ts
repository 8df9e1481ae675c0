import { queryOptions } from '@tanstack/react-query';
import { ingestClient } from '../ingest/ingestClient';
import type { TimeOrder } from '../store/types';
import { keys } from './keys';

/** Rows fetched per request: a few screens, so scrolling rarely waits. */
export const ROWS_PAGE = 200;

/** Dataset figures for the header. */
export const datasetInfoQuery = () =>
  queryOptions({ queryKey: keys.info(), queryFn: () => ingestClient().dataset() });

/** One page of the time-ordered table. */
export const rowsPageQuery = (order: TimeOrder, page: number) =>
  queryOptions({
    queryKey: keys.rows(order, page),
    queryFn: () => ingestClient().rows({ offset: page * ROWS_PAGE, limit: ROWS_PAGE, order }),
    staleTime: Infinity,
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
