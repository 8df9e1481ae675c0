import { extractEventFields, isRecordProblem } from '../cloudtrail/extractEventFields';
import type { EventFields } from '../cloudtrail/types';
import type { EventIndex } from '../index/EventIndex';
import type { ReadRecords } from './countBy';
import { valuesAtPath } from './recordValues';

/**
 * The bench's reference for countBy: the rows' records read back from their stored files, each
 * field's value taken from the record (extractEventFields for the indexed names, else the JSON
 * path), and grouped in a Map keyed by the values' text. Slow by design (it inflates every file):
 * what a count costs without the index. Returns the number of groups, records read and ms.
 */
export async function plainCountBy(
  index: EventIndex,
  readRecords: ReadRecords,
  rows: Uint32Array,
  fields: readonly string[],
): Promise<{ readonly groups: number; readonly records: number; readonly ms: number }> {
  const started = performance.now();
  const groups = new Map<string, { events: number; first: number; last: number }>();
  const byFile = new Map<number, number[]>();
  for (const row of rows) {
    const fileId = index.fileId.data[row] ?? 0;
    const list = byFile.get(fileId) ?? [];
    list.push(row);
    byFile.set(fileId, list);
  }
  let records = 0;
  for (const [fileId, fileRows] of byFile) {
    const all = await readRecords(fileId).catch(() => []);
    for (const row of fileRows) {
      const record = all[index.recordIndex.data[row] ?? 0];
      if (record === undefined) continue;
      records++;
      const fieldsOf = extractEventFields(record);
      const t = isRecordProblem(fieldsOf) ? 0 : fieldsOf.eventTime;
      const key = fields
        .map((f) => valueOf(record, isRecordProblem(fieldsOf) ? undefined : fieldsOf, f))
        .join('\t');
      const g = groups.get(key);
      if (g === undefined) groups.set(key, { events: 1, first: t, last: t });
      else {
        g.events++;
        g.first = Math.min(g.first, t);
        g.last = Math.max(g.last, t);
      }
    }
  }
  return { groups: groups.size, records, ms: performance.now() - started };
}

function valueOf(record: unknown, fields: EventFields | undefined, field: string): string {
  if (fields !== undefined && Object.hasOwn(fields, field)) {
    const value: unknown = Reflect.get(fields, field);
    if (typeof value === 'string') return value.toLowerCase();
  }
  return (valuesAtPath(record, field.split('.'))[0] ?? '').toLowerCase();
}
