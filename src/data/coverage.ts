import { queryOptions, useQuery } from '@tanstack/react-query';
import { useCallback } from 'react';
import { engineClient } from '../engine/engineClient';
import { readKey } from './keys';
import { NO_SELECTION, useViewState } from './useViewState';

/** The evidence coverage map, computed in the worker with the case's keys and signatures. */
export const coverageQuery = () =>
  queryOptions({
    queryKey: readKey('integrity', 'coverage'),
    queryFn: () => engineClient().integrity.coverage(),
    staleTime: Infinity,
  });

/** The coverage map of the stored dataset, fetched while `enabled` (the map is open). */
export function useCoverage(enabled: boolean) {
  return useQuery({ ...coverageQuery(), enabled });
}

/**
 * Filters the table to one cell of the map: the query for its account × Region (none for the
 * "other" row, which holds many) and the time range of its column, ms since epoch, `to` exclusive.
 * One history entry, so Back returns to the view before.
 */
export function useCellFilter() {
  const [, setView] = useViewState();
  return useCallback(
    (cell: { readonly q: string; readonly from: number; readonly to: number }) =>
      void setView({
        q: cell.q === '' ? null : cell.q,
        range: 'custom',
        from: new Date(cell.from),
        to: new Date(cell.to),
        ...NO_SELECTION,
      }),
    [setView],
  );
}
