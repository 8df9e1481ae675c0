import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useMemo, useRef, useState } from 'react';
import { countRowQuery, withClauseText, withCountBy } from '../querylang/countBy';
import { pickState, togglePick } from '../querylang/facetPick';
import type { FacetPick } from '../querylang/facetPick';
import { parseQuery } from '../querylang/parseQuery';
import { printQuery } from '../querylang/printQuery';
import type { Query } from '../querylang/types';
import type { DatasetInfo } from '../engine/types';
import type { SortColumn } from '../index/types';
import type {
  CountOrder,
  CountSort,
  SearchRequest,
  SearchStatus,
  TableOrder,
} from '../search/types';
import { beginApplyingQuery } from './applyingQuery';
import { datasetInfoQuery } from './datasetQueries';
import { resolveRange } from './resolveRange';
import { rememberQuery } from './queryLists';
import { prefetchSearch, resultVersion, useSearch } from './searchQueries';
import { NO_SELECTION, useViewState } from './useViewState';
import type { MainView, ViewState } from './useViewState';

/** Longest a newly applied query waits for its answer before the view shows it, ms. */
const APPLY_WAIT_MS = 120;

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export type { FacetPick } from '../querylang/facetPick';

/**
 * The search view's state and verbs: the URL view state resolved into a search request, the running
 * search, and the edits views ask for (apply a query, pick a facet, brush a range, select an event).
 * Views call verbs; they never edit the query text themselves.
 */
export function useSearchView() {
  const [view, setView] = useViewState();
  const info = useQuery(datasetInfoQuery()).data;
  // "Now" is read when the range changes, not on every render, so request keys stay stable.
  const [now] = useState(() => Date.now());
  const range = resolveRange(view, info?.maxTime, now);
  const request = useMemo<SearchRequest>(
    () => ({
      q: view.q,
      ...(range.from === undefined ? {} : { from: range.from }),
      ...(range.to === undefined ? {} : { to: range.to }),
    }),
    [view.q, range.from, range.to],
  );
  const order = useMemo<TableOrder>(
    () => ({ dir: view.order, ...(view.sort === null ? {} : { by: view.sort }) }),
    [view.order, view.sort],
  );
  const countOrder = useMemo<CountOrder>(
    () => ({ sort: view.csort, dir: view.cdir }),
    [view.csort, view.cdir],
  );
  const status = useSearch(request, order);
  const query = useMemo<Query>(() => {
    const parsed = parseQuery(view.q);
    return parsed.ok ? parsed.query : { clauses: [] };
  }, [view.q]);

  const client = useQueryClient();
  const applying = useRef(0);
  const applyQuery = useCallback(
    (q: string) => {
      // The same request the next render computes (only q changes), so its query is this fetch.
      // The view changes once the answer is in (lookups take a few ms), so its first render shows
      // the rows, instead of rendering and painting the old result first; a longer search (a record
      // scan streams its progress) gets APPLY_WAIT_MS. Only the latest query applied wins.
      const turn = ++applying.current;
      const applied = beginApplyingQuery();
      if (parseQuery(q).ok) rememberQuery(client, q);
      const answered = prefetchSearch(client, { ...request, q }, order);
      void Promise.race([answered, delay(APPLY_WAIT_MS)]).then(() => {
        // Both updates land in one render: the new view and the hook's "complete" again.
        // A query filters the event table: applying one (a rule picked in the Detections view) shows it.
        if (turn === applying.current)
          void setView({ q: q === '' ? null : q, view: null, ...NO_SELECTION });
        applied();
      });
    },
    [client, request, order, setView],
  );
  // Before a trailing `| count by`, which stays last.
  const addClause = useCallback(
    (clause: string) => applyQuery(withClauseText(view.q, clause)),
    [view.q, applyQuery],
  );
  /** Groups the current filter by `fields` (one or two; none ends the grouping). */
  const countBy = useCallback(
    (fields: readonly string[]) => applyQuery(printQuery(withCountBy(query, fields))),
    [query, applyQuery],
  );
  /** Shows the events of one row of the count: its values as exact clauses, no `| count by`. */
  const openCountRow = useCallback(
    (keys: readonly string[]) => applyQuery(countRowQuery(query, query.countBy ?? [], keys)),
    [query, applyQuery],
  );
  /** Sorts the count table: the sorted column again flips it; another starts most / Z / newest first, or A first for the value. */
  const sortCount = useCallback(
    (by: CountSort) => {
      const dir =
        by === view.csort ? (view.cdir === 'desc' ? 'asc' : 'desc') : by === 'key' ? 'asc' : 'desc';
      void setView({ csort: by, cdir: dir });
    },
    [setView, view.csort, view.cdir],
  );
  const pickFacet = useCallback(
    (pick: FacetPick) => applyQuery(printQuery(togglePick(query, pick))),
    [query, applyQuery],
  );
  const isSelected = useCallback(
    (field: string, value: string): 'include' | 'exclude' | undefined =>
      pickState(query, field, value),
    [query],
  );
  const brush = useCallback(
    (from: number, to: number) =>
      void setView({ range: 'custom', from: new Date(from), to: new Date(to), ...NO_SELECTION }),
    [setView],
  );
  const setRange = useCallback(
    (next: Partial<Pick<ViewState, 'range' | 'anchor' | 'from' | 'to'>>) => void setView(next),
    [setView],
  );
  const setOrder = useCallback(
    (dir: 'asc' | 'desc') => void setView({ order: dir, ...NO_SELECTION }),
    [setView],
  );
  const showView = useCallback((next: MainView) => void setView({ view: next }), [setView]);
  /** Tells session `key` as a story (null: back to the session list), in one history entry. */
  const openSession = useCallback(
    (key: string | null) => void setView({ view: 'sessions', session: key }),
    [setView],
  );
  /**
   * Sorts the table by a column (undefined: event time): the sorted column again flips the
   * direction; another starts A to Z, or newest first for time. The selection stays selected (it
   * is found again in the new order).
   */
  const sortBy = useCallback(
    (by: SortColumn | undefined) => {
      const same = (by ?? null) === view.sort;
      const dir = same
        ? view.order === 'desc'
          ? 'asc'
          : 'desc'
        : by === undefined
          ? 'desc'
          : 'asc';
      void setView({ sort: by ?? null, order: dir });
    },
    [setView, view.sort, view.order],
  );
  return {
    view,
    request,
    /** The table's order: the URL's `order` and `sort`. */
    order,
    /** The parsed query (the empty query when it does not parse); `countBy` set for a count. */
    query,
    /** The count table's order: the URL's `csort` and `cdir`. */
    countOrder,
    status,
    version: resultVersion(status),
    info,
    /**
     * The histogram's span, ms, `to` exclusive: the chosen range; else the matching events' extent
     * (a filter that finds one hour of activity shows that hour); else the whole dataset.
     */
    span: spanOf(range, status, info),
    applyQuery,
    addClause,
    countBy,
    openCountRow,
    sortCount,
    pickFacet,
    isSelected,
    brush,
    setRange,
    setOrder,
    sortBy,
    /** Shows the event table or the Detections view (the URL's `view`). */
    showView,
    openSession,
  };
}

function spanOf(
  range: { readonly from?: number; readonly to?: number },
  status: SearchStatus | undefined,
  info: DatasetInfo | undefined,
): { readonly from: number | undefined; readonly to: number | undefined } {
  const min =
    status?.complete === true && status.minTime !== undefined ? status.minTime : info?.minTime;
  const max =
    status?.complete === true && status.maxTime !== undefined ? status.maxTime : info?.maxTime;
  return {
    from: range.from ?? min,
    to: range.to ?? (max === undefined ? undefined : max + 1),
  };
}
