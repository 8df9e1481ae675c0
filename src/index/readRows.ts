import { STRING_FIELDS } from '../cloudtrail/types';
import type { StringField } from '../cloudtrail/types';
import type { EventIndex } from './EventIndex';
import type { RowView } from './types';
import type { SortColumn, TimeOrder } from './types';

/**
 * A window of the table. `offset` and `limit` count rows. Without `by` the table is in time order,
 * `order` 'desc' newest first; with `by` it is sorted by that column's text (see sortRowsBy),
 * `order` 'asc' A to Z, 'desc' Z to A.
 */
export interface RowWindow {
  readonly offset: number;
  readonly limit: number;
  readonly order: TimeOrder;
  readonly by?: SortColumn;
}

/**
 * The rows of one window of the table, materialised as plain objects for the UI (≤ limit of them).
 * `sorted` is the table's rows in ascending order (time, or the window's column: see sortRowsBy).
 */
export function readRows(
  index: EventIndex,
  sorted: Uint32Array,
  { offset, limit, order }: RowWindow,
): RowView[] {
  const n = sorted.length;
  const out: RowView[] = [];
  for (let i = Math.max(0, offset); i < Math.min(n, offset + limit); i++) {
    const row = sorted[order === 'desc' ? n - 1 - i : i] ?? 0;
    out.push(rowView(index, row));
  }
  return out;
}

/** One row's table values. */
export function rowView(index: EventIndex, row: number): RowView {
  const strings = {} as Record<StringField, string>;
  STRING_FIELDS.forEach((field, f) => {
    strings[field] = index.dicts[f]?.get(index.cols[f]?.data[row] ?? 0) ?? '';
  });
  const resourceTypes: string[] = [];
  const resourceNames: string[] = [];
  for (let r = index.resOffsets.data[row] ?? 0; r < (index.resOffsets.data[row + 1] ?? 0); r++) {
    resourceTypes.push(index.resTypeDict.get(index.resType.data[r] ?? 0));
    resourceNames.push(index.resNameDict.get(index.resName.data[r] ?? 0));
  }
  return {
    ...strings,
    row,
    eventTime: index.time.data[row] ?? 0,
    eventID: index.eventId(row),
    resourceTypes,
    resourceNames,
    flags: index.flags.data[row] ?? 0,
    fileId: index.fileId.data[row] ?? 0,
  };
}
