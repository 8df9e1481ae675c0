import {
  parseAsArrayOf,
  parseAsInteger,
  parseAsIsoDateTime,
  parseAsString,
  parseAsStringLiteral,
  useQueryStates,
} from 'nuqs';
import { SORT_COLUMNS } from '../index/types';
import { COUNT_SORTS } from '../search/types';
import { SQL_DIALECTS } from '../sql/types';

/** Relative time range presets, and 'all' for no range. */
export const RANGE_PRESETS = ['all', '15m', '1h', '24h', '7d', '30d', '90d', 'custom'] as const;
export type RangePreset = (typeof RANGE_PRESETS)[number];

/** Length of each relative preset in ms. */
export const PRESET_MS: Readonly<Record<Exclude<RangePreset, 'all' | 'custom'>, number>> = {
  '15m': 15 * 60_000,
  '1h': 3_600_000,
  '24h': 86_400_000,
  '7d': 7 * 86_400_000,
  '30d': 30 * 86_400_000,
  '90d': 90 * 86_400_000,
};

/**
 * The main area's views: the situation report, the event table, identity profiles (`identity`),
 * sessions (`session` opens one as a story), or the Detections view.
 */
export const MAIN_VIEWS = ['report', 'events', 'identity', 'sessions', 'detections'] as const;
export type MainView = (typeof MAIN_VIEWS)[number];

const parsers = {
  /** What the main area shows; absent means the event table. */
  view: parseAsStringLiteral(MAIN_VIEWS).withDefault('events'),
  /**
   * The identities the Identity view profiles, side by side when more than one: each a value of
   * the user name, identity ARN, access key or principal ID (the engine resolves which).
   */
  identity: parseAsArrayOf(parseAsString),
  /** The session the Sessions view tells as a story (its id from the session list). */
  session: parseAsString,
  /**
   * The Identity view's baseline, ISO 8601: a value is "new" when first used from then on;
   * absent, the middle of each identity's activity.
   */
  baseline: parseAsIsoDateTime,
  /** The query text (docs/query-language.md). */
  q: parseAsString.withDefault(''),
  range: parseAsStringLiteral(RANGE_PRESETS).withDefault('all'),
  /** Relative presets count back from the newest event (evidence is usually old) or from now. */
  anchor: parseAsStringLiteral(['latest', 'now'] as const).withDefault('latest'),
  /** Absolute range (range=custom), ISO 8601; `to` exclusive. */
  from: parseAsIsoDateTime,
  to: parseAsIsoDateTime,
  /** The table's direction: newest first (desc) or oldest first; with `sort`, Z to A or A to Z. */
  order: parseAsStringLiteral(['desc', 'asc'] as const).withDefault('desc'),
  /** The column the table is sorted by (its text, ties by time); absent means event time. */
  sort: parseAsStringLiteral(SORT_COLUMNS),
  /** What a `| count by` table is sorted by: events (default), the value, first or last seen. */
  csort: parseAsStringLiteral(COUNT_SORTS).withDefault('count'),
  /** The count table's direction: most events, Z to A, or newest first (desc, default). */
  cdir: parseAsStringLiteral(['desc', 'asc'] as const).withDefault('desc'),
  /** Visible column ids, in order; absent means the saved preference. */
  cols: parseAsArrayOf(parseAsString),
  /** The SQL dialog, open on this dialect (duckdb, athena or lake); absent when closed. */
  sql: parseAsStringLiteral(SQL_DIALECTS),
  /** eventID of the selected event (absent when it has none). */
  event: parseAsString,
  /**
   * Row of the selected event in this case's index: picks one of several records that share an
   * eventID, and finds an event without one. A link opened elsewhere names another row: the eventID
   * decides then (useSelection).
   */
  row: parseAsInteger,
};

/** The view state of "no event selected", for the changes that make a selection meaningless. */
export const NO_SELECTION = { event: null, row: null } as const;

/**
 * The whole view as URL state, so a link restores it over the same files and Back/Forward step
 * through views: each change pushes a history entry.
 */
export function useViewState() {
  return useQueryStates(parsers, { history: 'push' });
}

/** The view state's value type. */
export type ViewState = ReturnType<typeof useViewState>[0];

/** The view's URL parsers, for reading a saved search string back (case bundles). */
export { parsers as viewParsers };
