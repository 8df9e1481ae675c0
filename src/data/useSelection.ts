import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { EventTarget, SearchRequest, TableOrder } from '../search/types';
import { locateQuery, ROWS_PAGE, rowsPageQuery } from './searchQueries';
import { NO_SELECTION, useViewState } from './useViewState';

/** The selected event: its position in the table (current result and order), its row, its eventID. */
export interface Selection {
  readonly position: number;
  readonly row: number;
  /** '' when the record has no eventID. */
  readonly eventID: string;
}

/** Where an event sits in a result (locate's answer). */
type Located = { readonly row: number; readonly position: number } | null;

/** What the table knows of a row it shows: its stable id and eventID. */
export interface ShownRow {
  readonly row: number;
  readonly eventID: string;
}

/**
 * The table's selection, with one source of truth: the URL (`event`, `row`), so a link, Back and a
 * reload restore it. Where it sits in the current result is asked of the worker (locate) and cached
 * under the result's version; a click seeds that cache, so selecting costs no round trip. While a
 * streaming result grows, the last position stays on screen until the new one is in.
 */
export function useSelection(request: SearchRequest, order: TableOrder, version: string) {
  const client = useQueryClient();
  const [view, setView] = useViewState();
  const target: EventTarget | undefined =
    view.event === null && view.row === null
      ? undefined
      : { eventID: view.event ?? '', ...(view.row === null ? {} : { row: view.row }) };
  const located = useQuery({
    ...locateQuery(request, target ?? { eventID: '' }, order, version),
    enabled: target !== undefined,
    // A new version of the same result (more rows scanned): keep the old answer until the new one.
    placeholderData: (previous, query) =>
      query !== undefined && sameTarget(query.queryKey, target) ? previous : undefined,
  }).data;
  const selection: Selection | undefined =
    target === undefined || located === undefined || located === null
      ? undefined
      : { position: located.position, row: located.row, eventID: target.eventID };

  const pick = useCallback(
    (position: number, shown: ShownRow) => {
      const picked: EventTarget = { eventID: shown.eventID, row: shown.row };
      const answer: Located = { row: shown.row, position };
      client.setQueryData(locateQuery(request, picked, order, version).queryKey, answer);
      void setView(
        { event: shown.eventID === '' ? null : shown.eventID, row: shown.row },
        { history: 'replace' },
      );
    },
    [client, request, order, version, setView],
  );
  /**
   * Selects the event at `position`: at once when the table has its row (`shown`), else after its
   * page is read (a jump with End or PageDown past the loaded rows).
   */
  const select = useCallback(
    (position: number, shown?: ShownRow) => {
      if (shown !== undefined) {
        pick(position, shown);
        return;
      }
      const page = Math.floor(position / ROWS_PAGE);
      void client.query(rowsPageQuery(request, order, page, version)).then((rows) => {
        const row = rows[position - page * ROWS_PAGE];
        if (row !== undefined) pick(position, row);
      });
    },
    [client, request, order, version, pick],
  );
  const clear = useCallback(() => void setView(NO_SELECTION, { history: 'replace' }), [setView]);
  return { selection, select, clear };
}

/** Whether a locate query's key names `target` (its fifth part, see locateQuery). */
function sameTarget(key: readonly unknown[], target: EventTarget | undefined): boolean {
  const named = key[4];
  return (
    target !== undefined &&
    typeof named === 'object' &&
    named !== null &&
    'eventID' in named &&
    named.eventID === target.eventID &&
    ('row' in named ? named.row : undefined) === target.row
  );
}
