import type { EventDetail, RowView } from '../../data/types';
import { flattenPaths } from './flattenPaths';
import type { FlatRecord } from './flattenPaths';

/** One event of the comparison: its table row, its flattened record, or why there is none. */
export interface CompareColumn {
  /** Stable row id (the mark). */
  readonly row: number;
  readonly view: RowView | undefined;
  readonly record: FlatRecord | undefined;
  /** Shown instead of the values while loading or when the record cannot be read. */
  readonly problem: string | undefined;
}

/** What the detail query holds for one marked row: undefined while loading, null when gone. */
export interface DetailState {
  readonly detail: EventDetail | null | undefined;
  readonly failed: boolean;
}

/**
 * A comparison column from a row's detail: the stored record parsed and flattened. The record is
 * untrusted text, so a parse failure becomes a message, never an exception.
 */
export function compareColumn(row: number, state: DetailState): CompareColumn {
  const { detail, failed } = state;
  if (failed || detail === null) {
    return { row, view: undefined, record: undefined, problem: 'Could not read this event' };
  }
  if (detail === undefined) return { row, view: undefined, record: undefined, problem: 'Loading…' };
  let parsed: unknown;
  try {
    parsed = JSON.parse(detail.recordJson);
  } catch {
    return {
      row,
      view: detail.row,
      record: undefined,
      problem: 'The stored record is not valid JSON',
    };
  }
  return { row, view: detail.row, record: flattenPaths(parsed), problem: undefined };
}
