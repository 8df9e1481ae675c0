import type { LogShape } from '../cloudtrail/classifyLogJson';
import type { ValidationInput } from '../cloudtrail/digest/readValidationInput';
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

/** What a stored file is. */
export type FileKind = 'log' | 'digest';

/** One stored file's provenance and ingest outcome (IndexedDB `files` store). */
export interface FileMeta {
  readonly fileId: number;
  /** Path as dropped, relative to the dropped folder when there was one. */
  readonly path: string;
  /** Size in bytes as given (compressed when gzip). */
  readonly size: number;
  /** Hex SHA-256 of the bytes as given. */
  readonly sha256: string;
  readonly kind: FileKind;
  readonly gzip: boolean;
  readonly shape?: LogShape;
  /** Records in the file. */
  readonly records: number;
  /** Records that became new events. */
  readonly added: number;
  readonly duplicates: number;
  readonly conflicts: number;
  /** Records skipped as unusable, with the first reason. */
  readonly invalidRecords: number;
  readonly invalidReason?: string;
  /** Bytes after the end of the gzip data (a tampering signal). */
  readonly trailingBytes: number;
  /** ms since epoch. */
  readonly addedAt: number;
}

/** The outcome of one input file in an ingest run, shown in the Files panel. */
export interface FileReport {
  readonly path: string;
  readonly size: number;
  readonly status: 'ingested' | 'digest' | 'duplicate' | 'skipped' | 'failed' | 'cancelled';
  /** Records read (ingested) */
  readonly records?: number;
  /** New distinct events (ingested). */
  readonly added?: number;
  readonly shape?: LogShape;
  /** Readable reason for skipped, failed and duplicate, or a warning for ingested files. */
  readonly reason?: string;
  /** Skipped files that validation reads: a public key list or a saved digest signature. */
  readonly validationInput?: ValidationInput;
}

/** A flag bit on an event row. */
export const ROW_FLAG = {
  /** Another, different record claims the same eventID. */
  conflict: 1,
  /** The same record was delivered in more than one file. */
  multiSource: 2,
  /** The record has no eventID, so it cannot be de-duplicated. */
  noEventId: 4,
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
};

/** Longest tag and note kept on an event, in characters (annotations.ts); longer text is cut. */
export const ANNOTATION_LIMITS = { tag: 64, note: 20_000 } as const;

/** Where an event came from: one entry per file that delivered it. */
export interface EventSource {
  readonly fileId: number;
  readonly path: string;
  readonly sha256: string;
  readonly recordIndex: number;
}

/** Everything the detail pane shows for one event. */
export interface EventDetail {
  readonly row: RowView;
  readonly sources: readonly EventSource[];
  /** The record, pretty-printed from the stored original file. */
  readonly recordJson: string;
  /** Other rows claiming the same eventID (conflicts). */
  readonly conflictRows: readonly number[];
}

/** Dataset-wide figures for the header. Times are ms since epoch, undefined when empty. */
export interface DatasetInfo {
  readonly eventCount: number;
  readonly logFiles: number;
  readonly digestFiles: number;
  readonly minTime: number | undefined;
  readonly maxTime: number | undefined;
  /** Approximate bytes of the in-memory index. */
  readonly indexBytes: number;
  /** Log files whose word filter (for fast free-text search) is still being built in the background. */
  readonly wordsPending: number;
}

/** Sort direction over event time. */
export type TimeOrder = 'desc' | 'asc';

/** The top values of one indexed field under a filter. `value` '' means the field is absent. */
export interface Facet {
  /** Canonical query field name (filter/fields.ts). */
  readonly field: string;
  /** Distinct values under the filter. */
  readonly distinct: number;
  readonly values: readonly { readonly value: string; readonly count: number }[];
}

/** What the table shows: query text, time range (ms since epoch, `to` exclusive) and sort. */
export interface SearchRequest {
  readonly q: string;
  readonly from?: number;
  readonly to?: number;
}

/** Where a search stands. `complete` is false while stored records are still being scanned. */
export interface SearchStatus {
  /** The request this answers, as a key (see searchKey). */
  readonly key: string;
  readonly matchCount: number;
  readonly complete: boolean;
  /** Files read so far and to read, when the query needs stored records (free text, JSON paths). */
  readonly filesScanned: number;
  readonly filesToScan: number;
  /** Of the files scanned, those ruled out by their word filter without being read. */
  readonly filesSkipped: number;
  /** Worker time spent on the search so far, ms (a diagnostic, and what the bench reads). */
  readonly elapsedMs: number;
  /** Times of the first and last matching events, ms since epoch; absent when none match. */
  readonly minTime?: number;
  readonly maxTime?: number;
  /** The syntax error, when the text does not parse; the previous result stays. */
  readonly error?: { readonly message: string; readonly start: number; readonly end: number };
}

/** A search status with, when asked for, the first page of its rows (saves the table a round trip). */
export type SearchAnswer = SearchStatus & { readonly firstRows?: readonly RowView[] };

/** Event counts per time bin, split by outcome. `start` and `step` are ms; arrays have one entry per bin. */
export interface Histogram {
  readonly start: number;
  readonly step: number;
  readonly ok: Uint32Array;
  readonly errors: Uint32Array;
  /** Worker time to compute it, ms. */
  readonly elapsedMs?: number;
}

/** Facets of a search result, and the worker time they took (ms). */
export interface FacetCounts {
  readonly facets: readonly Facet[];
  readonly elapsedMs: number;
}

/** A stable key for a search request. */
export function searchKey(r: SearchRequest): string {
  return JSON.stringify([r.q.trim(), r.from ?? null, r.to ?? null]);
}

/** Export formats: CloudTrail's own `{"Records":[…]}` file, JSON lines, or CSV of table columns. */
export type ExportFormat = 'json' | 'jsonl' | 'csv';

/** A CSV column: a table column id (a RowView field, `eventTime`, `resourceType`, `resourceName`). */
export interface ExportColumn {
  readonly id: string;
  readonly header: string;
}

/** One hop of a credential chain: the event that issued the key the next event was signed with. */
export interface CredentialLink {
  readonly row: number;
  readonly eventID: string;
  /** ms since epoch. */
  readonly eventTime: number;
  /** AssumeRole, AssumeRoleWithSAML, GetSessionToken… */
  readonly eventName: string;
  /** The temporary accessKeyId this event issued. */
  readonly issuedKey: string;
  /** Who called it: user name, identity type, the key they signed with, their account. */
  readonly userName: string;
  readonly identityType: string;
  readonly accessKeyId: string;
  readonly recipientAccountId: string;
  readonly arn?: string;
  /** From requestParameters, when the call was an AssumeRole*. */
  readonly roleArn?: string;
  readonly roleSessionName?: string;
  readonly sourceIdentity?: string;
}

/** "Who really did this": the chain of credential issuances behind one event, nearest first. */
export interface CredentialChain {
  /** The accessKeyId the event was signed with ('' if none). */
  readonly signedWith: string;
  readonly links: readonly CredentialLink[];
  /** True when the chain ends at a temporary key whose issuing event is not in the dataset. */
  readonly incomplete: boolean;
  /** `userIdentity.sessionContext.sourceIdentity` of the event, when set. */
  readonly sourceIdentity?: string;
  /** The key this event itself issued, and how many events in the dataset were signed with it. */
  readonly issued?: { readonly key: string; readonly signedEvents: number };
}

export { COVERAGE_FLAG } from './coverageMap';
export type {
  CoverageGap,
  CoverageMap,
  CoverageNote,
  CoverageRow,
  CoverageTotals,
  CoverageUnit,
  TamperingCount,
} from './coverageMap';

/** Cases (named datasets, one IndexedDB database each): the registry entry and its figures. */
export type { CaseEntry } from './caseRegistry';
export type { CaseSummary } from './caseSummary';
