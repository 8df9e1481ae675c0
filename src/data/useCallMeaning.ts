import { queryOptions, useQuery } from '@tanstack/react-query';
import type { CallMeaning, CallMeanings } from '../cloudtrail/callMeanings';

/**
 * TrailDiscover's descriptions (rules/traildiscover/events.json), read once per page. The file is
 * imported as text with its reader in loadCallMeanings, which Vite puts in a chunk of its own that
 * loads only when a view first asks: the main bundle does not carry it, and it stays untyped until
 * readCallMeanings has checked it.
 * Not under DATASET_KEY: it belongs to the app, not to the open case.
 */
export const callMeaningsQuery = () =>
  queryOptions({
    queryKey: ['callMeanings'] as const,
    queryFn: async (): Promise<CallMeanings> => {
      const { loadCallMeanings } = await import('./loadCallMeanings');
      return loadCallMeanings();
    },
    staleTime: Infinity,
    gcTime: Infinity,
  });

/** Every description, e.g. for sensitiveCalls; undefined while the chunk loads or if it failed. */
export function useCallMeanings(): CallMeanings | undefined {
  return useQuery(callMeaningsQuery()).data;
}

/**
 * What the call means (CallMeanings.lookup: same eventSource preferred), undefined while loading
 * and for a call TrailDiscover does not describe. `enabled` false loads nothing.
 */
export function useCallMeaning(
  eventSource: string,
  eventName: string,
  enabled = true,
): CallMeaning | undefined {
  const { data } = useQuery({ ...callMeaningsQuery(), enabled });
  return data?.lookup(eventSource, eventName);
}
