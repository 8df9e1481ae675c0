import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { datasetInfoQuery } from './datasetQueries';
import type { DatasetInfo } from './types';

/** Whether the open case's index is stored, and why not (DatasetInfo). */
export interface IndexSaveStatus {
  readonly state: DatasetInfo['indexSaved'];
  readonly error: string | undefined;
}

/**
 * Whether the open case's index is stored for a fast reopen, mirrored on
 * `<html data-index-saved="pending|true|false">` (absent while there is nothing to store) for the
 * bench and outside checks. Undefined until the dataset has opened.
 */
export function useIndexSaveStatus(): IndexSaveStatus | undefined {
  const info = useQuery(datasetInfoQuery()).data;
  const state = info?.indexSaved;
  useEffect(() => {
    const root = document.documentElement;
    if (state === undefined || state === 'none') delete root.dataset['indexSaved'];
    else root.dataset['indexSaved'] = state === 'pending' ? 'pending' : String(state === 'saved');
  }, [state]);
  return state === undefined ? undefined : { state, error: info?.indexSaveError };
}
