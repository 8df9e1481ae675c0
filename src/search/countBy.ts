import { resolveField } from '../querylang/fields';
import type { IndexedField } from '../querylang/fields';
import { INDEXED_FIELDS } from '../querylang/fields';
import type { EventIndex } from '../index/EventIndex';
import { indexedLevel, StringLevelBuilder } from './countLevels';
import type { CountLevel } from './countLevels';
import type { CountByResult, CountOrder } from './countByTypes';
import { groupLevels } from './groupLevels';
import { valuesAtPath } from './recordValues';
import { scanOrder } from './scanOrder';

/** Reads every record of a stored file back (RecordReader.records); rejects when it cannot. */
export type ReadRecords = (fileId: number) => Promise<readonly unknown[]>;

/** Progress callbacks while records are read back are at most this often, ms. */
const PROGRESS_MS = 150;

/**
 * The field whose distinct values a one-field count shows per group: the identities (userName)
 * that did it, or, grouping by userName, the calls (eventName) each identity made.
 */
export function distinctFieldFor(field: string): string {
  return field === 'userName' ? 'eventName' : 'userName';
}

/**
 * Groups `rows` (a search result, time order) by `fields` (one or two canonical names, see
 * querylang/parseCountBy), sorted and cut by `order` (see CountByResult).
 *
 * Indexed fields are one pass over dictionary codes (resourceType and resourceName are
 * multi-valued: an event counts once under each distinct value of its resources, so group counts
 * can add up to more than the events). eventID reads the index's IDs. Any other name is a JSON
 * path read from the stored records (`readRecords`, file by file, `onProgress` with partial
 * counts at most every 150 ms): an event counts under each distinct value at the path (a list's
 * elements: recordValues.valuesAtPath, as a clause on the path matches). Values equal ignoring case are
 * one group (see CountGroup). `stale()` true stops a record read early: the answer is then
 * undefined.
 */
export async function countBy(
  index: EventIndex,
  readRecords: ReadRecords,
  rows: Uint32Array,
  fields: readonly string[],
  order: CountOrder,
  onProgress?: (partial: CountByResult) => void,
  stale: () => boolean = () => false,
): Promise<CountByResult | undefined> {
  const started = performance.now();
  const [firstField = 'eventName', secondField] = fields.map((f) => resolveField(f).name);
  const distinctField = secondField ?? distinctFieldFor(firstField);
  const names = [firstField, distinctField];
  // Groups of dictionary codes do not depend on the order rows are read in: all rows are then
  // read in storage order (scanOrder). Values read as text (eventID, JSON paths) are spelled as
  // first met, so those keep the result's time order.
  const orderFree = names.every((name) => {
    const field = INDEXED_FIELDS.find((f) => f.name === name);
    return field !== undefined && field.source.kind !== 'eventID';
  });
  const scan = orderFree ? scanOrder(index.size, rows) : rows;
  const n = scan.length;
  const times = index.time.data;
  let time: Float64Array;
  if (scan !== rows) time = times.subarray(0, n);
  else {
    time = new Float64Array(n);
    for (let i = 0; i < n; i++) time[i] = times[scan[i] ?? 0] ?? 0;
  }
  const levels: (CountLevel | undefined)[] = names.map((name) => fastLevel(index, name, scan));
  const paths = names.map((name, k) =>
    levels[k] === undefined ? new StringLevelBuilder(name, n) : undefined,
  );
  const pathOf = names.map((name) => {
    const { source } = resolveField(name);
    return source.kind === 'path' ? source.path : name.split('.');
  });
  const answer = (
    complete: boolean,
    filesRead: number,
    filesToRead: number,
    unreadable: number,
  ) => {
    const [a, b] = levels.map((l, k) => l ?? paths[k]?.level() ?? emptyLevel(n));
    const grouped = groupLevels(
      a ?? emptyLevel(n),
      b ?? emptyLevel(n),
      time,
      order,
      secondField !== undefined,
    );
    return {
      fields: secondField === undefined ? [firstField] : [firstField, secondField],
      distinctField,
      groups: grouped.groups,
      total: grouped.total,
      ...(secondField === undefined ? {} : { totalPairs: grouped.totalPairs }),
      events: n,
      unreadable,
      filesRead,
      filesToRead,
      complete,
      elapsedMs: performance.now() - started,
    };
  };
  if (paths.every((p) => p === undefined)) return answer(true, 0, 0, 0);

  const byFile = positionsByFile(index, rows);
  let filesRead = 0;
  let unreadable = 0;
  let lastReport = performance.now();
  // Until a file is read its positions are in no group.
  for (const p of paths) for (let i = 0; i < n; i++) p?.skip(i);
  for (const [fileId, positions] of byFile) {
    if (stale()) return undefined;
    const records = await readRecords(fileId).catch(() => undefined);
    for (const i of positions) {
      const record = records?.[index.recordIndex.data[rows[i] ?? 0] ?? 0];
      if (record === undefined) unreadable++;
      paths.forEach((p, k) => {
        if (p === undefined) return;
        if (record === undefined) p.skip(i);
        else p.set(i, valuesAtPath(record, pathOf[k] ?? []));
      });
    }
    filesRead++;
    if (onProgress !== undefined && performance.now() - lastReport > PROGRESS_MS) {
      onProgress(answer(false, filesRead, byFile.size, unreadable));
      lastReport = performance.now();
    }
  }
  return answer(true, filesRead, byFile.size, unreadable);
}

/** The level of an indexed field or eventID, from the index alone; undefined for a JSON path. */
function fastLevel(index: EventIndex, name: string, rows: Uint32Array): CountLevel | undefined {
  const indexed: IndexedField | undefined = INDEXED_FIELDS.find((f) => f.name === name);
  if (indexed === undefined) return undefined;
  if (indexed.source.kind !== 'eventID') return indexedLevel(index, indexed, rows);
  const builder = new StringLevelBuilder(name, rows.length);
  for (let i = 0; i < rows.length; i++) builder.set(i, [index.eventId(rows[i] ?? 0)]);
  return builder.level();
}

// Every position under "(none)": a stand-in the code paths above never reach.
function emptyLevel(n: number): CountLevel {
  return { size: 1, value: () => '', one: new Uint32Array(n) };
}

/** Positions of `rows` per stored file, in file order (each file is inflated once). */
function positionsByFile(index: EventIndex, rows: Uint32Array): Map<number, number[]> {
  const byFile = new Map<number, number[]>();
  const fileIds = index.fileId.data;
  for (let i = 0; i < rows.length; i++) {
    const fileId = fileIds[rows[i] ?? 0] ?? 0;
    let list = byFile.get(fileId);
    if (list === undefined) {
      list = [];
      byFile.set(fileId, list);
    }
    list.push(i);
  }
  return byFile;
}
