import type { StringField } from '../cloudtrail/types';

/**
 * The index rows one log file contributes, encoded compactly so the parse worker can transfer it and
 * IndexedDB can store it beside the file. Strings are codes into the chunk's own `strings` table.
 * Layout: `codes[f * count + i]` is string field `STRING_FIELDS[f]` of row i.
 */
export interface FileChunk {
  readonly count: number;
  readonly strings: readonly string[];
  /** Uint16 when the chunk has at most 65,536 strings (always, for trail-sized files): half the bytes to store. */
  readonly codes: Uint16Array | Uint32Array;
  /** ms since the Unix epoch, per row. */
  readonly eventTime: Float64Array;
  /** eventIDs packed 4 words a row (see packEventId), for rows not listed in `idText`. */
  readonly idWords: Uint32Array;
  /** Rows whose eventID is not a lower-case UUID, with its text ('' when the record has none). */
  readonly idText: readonly (readonly [number, string])[];
  /** Each row's position in the file's records, to find the original record again. */
  readonly recordIndex: Uint32Array;
  /** CSR: resources of row i are `[resOffsets[i], resOffsets[i+1])` in resTypes/resNames (string codes). */
  readonly resOffsets: Uint32Array;
  readonly resTypes: Uint32Array;
  readonly resNames: Uint32Array;
  /** Rows that issued temporary credentials, with the issued accessKeyId (absent in older chunks). */
  readonly issued?: readonly (readonly [number, string])[];
}

/**
 * How the writer resolved a chunk's rows against events already stored, saved with the chunk so that
 * replaying it after a crash gives the same index without re-reading any file. Flat pairs
 * `[localRow, existingRow, …]`.
 */
export interface ChunkOutcome {
  /** Rows identical to a stored event: not added, their source recorded on that event. */
  readonly duplicates: Uint32Array;
  /** Rows whose eventID is taken by a different record: added, and both flagged. */
  readonly conflicts: Uint32Array;
}

/** A flag bit on an event row. */
export const ROW_FLAG = {
  /** Another, different record claims the same eventID. */
  conflict: 1,
  /** The same record was delivered in more than one file. */
  multiSource: 2,
  /** The record has no eventID, so it cannot be de-duplicated. */
  noEventId: 4,
  /**
   * The record's eventTime is not a time that exists (`2023-02-30`, `25:00`, not a time at all). The
   * row's time is 0 (1970-01-01), so it sorts first and every time-range query stays consistent; views
   * show "invalid time" instead.
   */
  invalidTime: 8,
} as const;

/** One table row, materialised from the index. `eventTime` is ms since epoch; `row` is the stable row id. */
export type RowView = {
  readonly row: number;
  readonly eventTime: number;
  readonly eventID: string;
} & {
  readonly [F in StringField]: string;
} & {
  readonly resourceTypes: readonly string[];
  readonly resourceNames: readonly string[];
  readonly flags: number;
  /** The stored file the event was first read from (its provenance and integrity status). */
  readonly fileId: number;
  /** Set when the responder bookmarked the event (annotations.ts). */
  readonly bookmarked?: true;
  /** The responder's tags on the event, when it has any. */
  readonly tags?: readonly string[];
  /** Set when detection rules hit the event (hits marked benign left out): see RowDetection. */
  readonly detection?: RowDetection;
};

/**
 * The table's detection marker of one event: how many rules have an active (not benign) hit on it
 * and the most severe of their Sigma levels (`critical` … `informational`, or a case rule's own
 * word; untrusted text).
 */
export interface RowDetection {
  readonly rules: number;
  readonly level: string;
}

/** Sort direction over event time. */
export type TimeOrder = 'desc' | 'asc';

/**
 * Table columns the worker can sort a result by, besides event time (the index's own order). Each
 * sorts by its value's text: a string field's dictionary value, the first resource's type or name
 * (the cell shows the first), or the eventID.
 */
export const SORT_COLUMNS = [
  'userName',
  'eventName',
  'resourceType',
  'resourceName',
  'eventSource',
  'accessKeyId',
  'awsRegion',
  'errorCode',
  'sourceIPAddress',
  'readOnly',
  'eventID',
  'recipientAccountId',
  'identityType',
  'eventCategory',
  'userAgent',
] as const;

/** A column a result can be sorted by other than event time. */
export type SortColumn = (typeof SORT_COLUMNS)[number];

/** A responder's marks on an event (Annotation.ts). */
export type { Annotation, AnnotationEdit } from './Annotation';
export { ANNOTATION_LIMITS } from './Annotation';
