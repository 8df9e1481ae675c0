import type { LogShape } from '../cloudtrail/classifyLogJson';
import type { ValidationInput } from '../cloudtrail/digest/readValidationInput';
import type { FileKind } from '../cloudtrail/types';

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
  /** The text stops inside a record (cut short): `records` are the whole ones before the cut. */
  readonly truncated?: true;
  /** ms since epoch. */
  readonly addedAt: number;
  /** Set when the file came in a case bundle whose manifest lists other bytes for it. */
  readonly bundleMismatch?: BundleMismatch;
}

/**
 * A lasting mark on a file carried by a case bundle whose bytes do not hash to the SHA-256 the
 * bundle's manifest lists under its path: changed after the export, so not the evidence the
 * bundle describes. Strings come from the (untrusted) manifest.
 */
export interface BundleMismatch {
  /** The hex SHA-256 the manifest lists. */
  readonly listedSha256: string;
  /** The bundle's case name and export time (ISO 8601), as its manifest says. */
  readonly bundleCase: string;
  readonly bundleExportedAt: string;
  /** When it was imported, ms since epoch. */
  readonly importedAt: number;
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

/** Cases (named datasets, one IndexedDB database each): the registry entry and its figures. */
export type { CaseEntry, CaseSummary } from './caseRegistry';
