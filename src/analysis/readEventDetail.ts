import type { CairnDatabase } from '../db/cairnDb';
import { getFile } from '../db/cairnDb';
import type { EventIndex } from '../index/EventIndex';
import type { RecordReader } from '../db/RecordReader';
import { rowView } from '../index/readRows';
import { ROW_FLAG } from '../index/types';
import type { EventDetail, EventSource } from './types';
import { stringifyJson } from '../lib/stringifyJson';

/**
 * Everything the detail pane shows for `row`: its table values, every file it came from (path and
 * SHA-256), other rows claiming its eventID, and the original record pretty-printed. Undefined when
 * the row does not exist. A file that can no longer be read yields the error text in place of JSON.
 */
export async function readEventDetail(args: {
  readonly index: EventIndex;
  readonly reader: RecordReader;
  readonly db: CairnDatabase;
  readonly row: number;
}): Promise<EventDetail | undefined> {
  const { index, reader, db, row } = args;
  if (row < 0 || row >= index.size) return undefined;
  const view = rowView(index, row);
  const pairs = [
    index.fileId.data[row] ?? 0,
    index.recordIndex.data[row] ?? 0,
    ...(index.extraSources.get(row) ?? []),
  ];
  const sources: EventSource[] = [];
  for (let k = 0; k < pairs.length; k += 2) {
    const fileId = pairs[k] ?? 0;
    const file = await getFile(db, fileId);
    sources.push({
      fileId,
      path: file?.path ?? `(file ${fileId} missing)`,
      sha256: file?.sha256 ?? '',
      recordIndex: pairs[k + 1] ?? 0,
    });
  }
  let recordJson: string;
  try {
    const record = await reader.record(sources[0]?.fileId ?? 0, sources[0]?.recordIndex ?? 0);
    recordJson = stringifyJson(record, 2);
  } catch (error) {
    recordJson = `// ${error instanceof Error ? error.message : String(error)}`;
  }
  const conflictRows =
    (view.flags & ROW_FLAG.conflict) !== 0
      ? index.rowsWithEventId(view.eventID).filter((r) => r !== row)
      : [];
  return { row: view, sources, recordJson, conflictRows };
}
