import type { LogShape } from '../../cloudtrail/classifyLogJson';
import type { ValidationInput } from '../../cloudtrail/digest/readValidationInput';
import type { FileChunk } from '../../index/types';
import type { FileRuleHits } from '../../detect/fileRuleHits';

/** A file handed to ingest, with the path it had in the dropped folder (File.name when dropped alone). */
export interface InputFile {
  readonly file: Blob;
  readonly path: string;
}

/** What parsing one file produced. `size` is bytes as given; `sha256` is hex over those bytes. */
export type ParseResult =
  | {
      readonly status: 'log';
      readonly size: number;
      readonly sha256: string;
      readonly gzip: boolean;
      readonly shape: LogShape;
      readonly records: number;
      readonly chunk: FileChunk;
      readonly invalidRecords: number;
      readonly invalidReason?: string;
      readonly trailingBytes: number;
      /** The text stops inside a record: `records` counts the whole ones before the cut. */
      readonly truncated?: true;
      /**
       * The detection rules the parse worker ran on the file's records (fileRuleHits): rule id →
       * record indices matched, for the pack named by `rulesKey`. Absent when it ran none.
       */
      readonly ruleHits?: FileRuleHits;
      readonly rulesKey?: string;
      /** The bytes as given, handed back so the writer can store them without reading the file again. */
      readonly bytes: Uint8Array<ArrayBuffer>;
    }
  | {
      readonly status: 'digest';
      readonly size: number;
      readonly sha256: string;
      readonly gzip: boolean;
      readonly bytes: Uint8Array<ArrayBuffer>;
    }
  | {
      readonly status: 'skipped';
      readonly size: number;
      readonly reason: string;
      /** A key list or saved signature, for the page to add to validation's inputs. */
      readonly validationInput?: ValidationInput;
    }
  | { readonly status: 'failed'; readonly size: number; readonly reason: string }
  /** A zip archive: the ingest opens it and reads the files inside (expandArchive). */
  | { readonly status: 'zip'; readonly size: number }
  /** Bytes already stored by an interrupted run, recognised before parsing (skipStoredFiles). */
  | { readonly status: 'known'; readonly size: number; readonly sha256: string };

/** Parses one file; implemented by the parse worker pool in the browser and directly in tests. */
export type ParseFn = (input: InputFile) => Promise<ParseResult>;

/** Progress of an ingest run. Byte counts are of the files as given. */
export interface IngestProgress {
  readonly filesDone: number;
  readonly filesTotal: number;
  readonly bytesDone: number;
  readonly bytesTotal: number;
  /** Records read so far (including re-delivered duplicates). */
  readonly eventsDone: number;
  /** Events in the dataset now. */
  readonly eventCount: number;
  /** ms since the run started. */
  readonly elapsedMs: number;
  /** The file being worked on, for display. */
  readonly current: string;
}
