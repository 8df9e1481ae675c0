import { readInsightDetails } from '../cloudtrail/readInsightDetails';
import { STRING_FIELDS } from '../cloudtrail/types';
import type { EventIndex } from '../index/EventIndex';
import { rowView } from '../index/readRows';
import type { RecordReader } from '../db/RecordReader';
import type { RowView } from '../index/types';

const CATEGORY = STRING_FIELDS.indexOf('eventCategory');
const SOURCE = STRING_FIELDS.indexOf('eventSource');
const NAME = STRING_FIELDS.indexOf('eventName');
/** Records read at most: an insight has two; hostile data must not make one click read the world. */
const MAX_READS = 2000;

/**
 * The other records of the Insight `row` is part of: rows whose record has the same `sharedEventID`
 * (the Start and End records of one insight share it), in time order. `sharedEventID` is not in the
 * index, so candidates are the rows with the same category, eventSource and eventName (an insight's
 * records name the same API), read back from the stored files, at most 2,000 of them. Empty when
 * `row` is not an Insights record or has no `sharedEventID`; unreadable records are skipped.
 * @see https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-insights-fields-trails.html
 */
export async function insightPartners(
  index: EventIndex,
  reader: RecordReader,
  row: number,
): Promise<RowView[]> {
  if (row < 0 || row >= index.size) return [];
  const shared = readInsightDetails(await readRecord(index, reader, row))?.sharedEventID ?? '';
  if (shared === '') return [];
  const category = index.cols[CATEGORY]?.data ?? new Uint32Array(0);
  const source = index.cols[SOURCE]?.data ?? new Uint32Array(0);
  const name = index.cols[NAME]?.data ?? new Uint32Array(0);
  const out: RowView[] = [];
  let reads = 0;
  for (const other of index.sortedRows()) {
    if (
      other === row ||
      category[other] !== category[row] ||
      source[other] !== source[row] ||
      name[other] !== name[row]
    )
      continue;
    if (++reads > MAX_READS) break;
    const details = readInsightDetails(await readRecord(index, reader, other));
    if (details?.sharedEventID === shared) out.push(rowView(index, other));
  }
  return out;
}

async function readRecord(index: EventIndex, reader: RecordReader, row: number): Promise<unknown> {
  try {
    return await reader.record(index.fileId.data[row] ?? 0, index.recordIndex.data[row] ?? 0);
  } catch {
    return undefined;
  }
}
