import { useCallback } from 'react';
import { useViewState } from './useViewState';

/** A view to open from a pivot: a query, optionally an event to select and an absolute time range. */
export interface ViewTarget {
  readonly q: string;
  /** eventID to select once the result is in; none selected when absent. */
  readonly event?: string;
  /** ms since epoch, `to` exclusive; without it the range is cleared (all time). */
  readonly range?: { readonly from: number; readonly to: number };
}

/**
 * Opens a whole view in one step (one history entry): query, time range and selected event, as a link
 * would. Pivots that must also move the range or pick an event use this instead of applyQuery.
 */
export function useOpenView(): (target: ViewTarget) => void {
  const [, setView] = useViewState();
  return useCallback(
    ({ q, event, range }: ViewTarget) =>
      void setView({
        q: q === '' ? null : q,
        view: null,
        event: event ?? null,
        row: null,
        ...(range === undefined
          ? { range: null, from: null, to: null }
          : { range: 'custom', from: new Date(range.from), to: new Date(range.to) }),
      }),
    [setView],
  );
}
