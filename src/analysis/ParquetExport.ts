import { ByteWriter, ParquetWriter } from 'hyparquet-writer';
import { CLOUDTRAIL_TABLE_COLUMNS } from '../cloudtrail/cloudTrailTable';
import type { RecordReader } from '../db/RecordReader';
import type { EventIndex } from '../index/EventIndex';
import { isObject } from '../lib/isObject';
import { stringifyJson } from '../lib/stringifyJson';
import { ROWS_PER_PART, readRecords } from './ExportJob';

/** Rows per row group: a few MB of column data, written out and freed before the next. */
export const PARQUET_ROW_GROUP = 10_000;

/** A stored file as the export's provenance columns name it. */
export interface ExportFile {
  readonly path: string;
  /** Hex SHA-256 of the file's bytes as given. */
  readonly sha256: string;
}

/** The columns written: AWS's CloudTrail table, then where each event came from. */
export const PARQUET_COLUMNS: readonly string[] = [
  ...CLOUDTRAIL_TABLE_COLUMNS.map(([name]) => name),
  'source_file',
  'source_sha256',
];

/** A column of the Parquet schema (hyparquet's SchemaElement, as the writer takes it). */
type SchemaElement = ConstructorParameters<typeof ParquetWriter>[0]['schema'][number];

const SCHEMA: SchemaElement[] = [
  { name: 'root', num_children: PARQUET_COLUMNS.length },
  ...PARQUET_COLUMNS.map((name): SchemaElement => ({
    name,
    type: 'BYTE_ARRAY',
    converted_type: 'UTF8',
    repetition_type: 'OPTIONAL',
  })),
];

/** What a Parquet export reads: the rows (in file order), where from, and the stored files. */
export interface ParquetExportOptions {
  readonly index: EventIndex;
  readonly reader: RecordReader;
  readonly rows: Uint32Array;
  /** The stored files by fileId (their path and SHA-256), read once when the export starts. */
  readonly files: () => Promise<ReadonlyMap<number, ExportFile>>;
}

const RECORD_COLUMNS = new Set(CLOUDTRAIL_TABLE_COLUMNS.map(([name]) => name));

/**
 * One Parquet export of rows (in file order, ExportJob.byFile), produced part by part so a million
 * events never sit in memory: each `next` reads ROWS_PER_PART records, a row group is encoded every
 * PARQUET_ROW_GROUP rows (hyparquet-writer, Snappy), and the bytes written so far are handed out
 * and dropped. The columns are AWS's CloudTrail table's (a record's top-level keys, lower-cased;
 * strings as they are, anything else as compact JSON, absent as null), so DuckDB, Athena, Spark or
 * pandas read it like the trail, then `source_file` and `source_sha256`: the stored file the event
 * was read from, as dropped, and its SHA-256.
 * @see https://parquet.apache.org/docs/file-format/
 * @see https://docs.aws.amazon.com/athena/latest/ug/create-cloudtrail-table-partition-projection.html
 */
export class ParquetExport {
  private position = 0;
  private done = false;
  private readonly bytes = new ByteWriter();
  private writer: ParquetWriter | undefined;
  private files: ReadonlyMap<number, ExportFile> = new Map();
  /** Column values of the rows read since the last row group, one list per column. */
  private pending: (string | null)[][] = PARQUET_COLUMNS.map(() => []);

  private readonly opts: ParquetExportOptions;

  constructor(opts: ParquetExportOptions) {
    this.opts = opts;
  }

  get total(): number {
    return this.opts.rows.length;
  }

  /** The next bytes of the file (possibly none while a row group fills), undefined once complete. */
  async next(): Promise<Uint8Array<ArrayBuffer> | undefined> {
    if (this.done) return undefined;
    if (this.writer === undefined) {
      this.files = await this.opts.files();
      this.writer = new ParquetWriter({ writer: this.bytes, schema: SCHEMA, createdBy: 'Cairn' });
    }
    const { rows, index, reader } = this.opts;
    if (this.position < rows.length) {
      const end = Math.min(rows.length, this.position + ROWS_PER_PART);
      const part = rows.subarray(this.position, end);
      const records = await readRecords(index, reader, part);
      part.forEach((row, i) => this.add(records[i], this.files.get(index.fileId.data[row] ?? 0)));
      this.position = end;
      const rowsPending = this.pending[0]?.length ?? 0;
      if (rowsPending >= PARQUET_ROW_GROUP || end === rows.length) await this.flushGroup();
    } else {
      await this.writer.finish();
      this.done = true;
    }
    return this.drain();
  }

  private add(record: unknown, file: ExportFile | undefined): void {
    const values = new Map<string, unknown>();
    if (isObject(record)) {
      for (const key of Object.keys(record)) {
        const lower = key.toLowerCase();
        if (RECORD_COLUMNS.has(lower) && !values.has(lower)) values.set(lower, record[key]);
      }
    }
    PARQUET_COLUMNS.forEach((name, c) => {
      const value =
        name === 'source_file'
          ? (file?.path ?? null)
          : name === 'source_sha256'
            ? (file?.sha256 ?? null)
            : text(values.get(name));
      this.pending[c]?.push(value);
    });
  }

  private async flushGroup(): Promise<void> {
    const count = this.pending[0]?.length ?? 0;
    if (count === 0 || this.writer === undefined) return;
    const columnData = PARQUET_COLUMNS.map((name, c) => ({
      name,
      data: this.pending[c] ?? [],
      type: 'STRING' as const,
      nullable: true,
    }));
    this.pending = PARQUET_COLUMNS.map(() => []);
    await this.writer.write({ columnData, rowGroupSize: count });
  }

  /** The bytes written since the last call; the writer's buffer is then reused from its start. */
  private drain(): Uint8Array<ArrayBuffer> {
    const out = this.bytes.getBytes().slice();
    this.bytes.index = 0;
    return out;
  }
}

function text(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  return typeof value === 'string' ? value : stringifyJson(value);
}
