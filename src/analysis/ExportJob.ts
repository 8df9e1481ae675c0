import Papa from 'papaparse';
import { STRING_FIELDS } from '../cloudtrail/types';
import type { StringField } from '../cloudtrail/types';
import type { EventIndex } from '../index/EventIndex';
import { rowView } from '../index/readRows';
import type { RecordReader } from '../db/RecordReader';
import type { ExportColumn, ExportFormat } from './types';
import { ROW_FLAG } from '../index/types';
import type { RowView } from '../index/types';
import { stringifyJson } from '../lib/stringifyJson';
import { FORMULA_START } from '../lib/formulaStart';
import type { IpOriginTable } from '../iporigin/IpOriginTable';
import { IP_ORIGIN_FIELDS } from '../querylang/fields';

const SOURCE_IP = STRING_FIELDS.indexOf('sourceIPAddress');

/** Rows per part: a part is a few MB of text, so the page writes it out and the worker frees it. */
export const ROWS_PER_PART = 2000;

/**
 * One export, produced part by part so that a million events never sit in memory at once. JSON and
 * JSON lines carry the original records read back from the stored files, visited file by file (each
 * file is inflated once), untouched: evidence as it came (where the source IP comes from is in CSV).
 * CSV carries the visible columns from the index, in table order, with cells that a spreadsheet would run as
 * formulas neutralised (FORMULA_START: a leading `'`).
 */
export class ExportJob {
  private position = 0;
  private started = false;
  private readonly rows: Uint32Array;
  private readonly index: EventIndex;
  private readonly reader: RecordReader;
  private readonly format: ExportFormat;
  private readonly columns: readonly ExportColumn[];
  private readonly integrityOf: (fileId: number) => string;
  private readonly loadOrigins: (() => Promise<IpOriginTable | undefined>) | undefined;
  private origins: IpOriginTable | undefined;

  /** `rows` in the order wanted for CSV (table order); JSON reorders them by file. */
  constructor(opts: {
    index: EventIndex;
    reader: RecordReader;
    rows: Uint32Array;
    format: ExportFormat;
    columns: readonly ExportColumn[];
    /** The validation status of a stored file, for the `integrity` column ('' when not validated). */
    integrityOf?: (fileId: number) => string;
    /**
     * Where source IPs come from, for the CSV columns `sourceIPAddress.country`, `.asn`, `.org`;
     * without it they are ''.
     */
    origins?: () => Promise<IpOriginTable | undefined>;
  }) {
    this.loadOrigins = opts.origins;
    this.integrityOf = opts.integrityOf ?? (() => '');
    this.index = opts.index;
    this.reader = opts.reader;
    this.format = opts.format;
    this.columns = opts.columns;
    this.rows = opts.format === 'csv' ? opts.rows : byFile(opts.index, opts.rows);
  }

  get total(): number {
    return this.rows.length;
  }

  /** The next part of the file, or undefined when the export is complete. */
  async next(): Promise<string | undefined> {
    if (!this.started) {
      this.started = true;
      this.origins = await this.loadOrigins?.().catch(() => undefined);
      if (this.format === 'json')
        return this.rows.length === 0 ? '{"Records":[]}\n' : '{"Records":[\n';
      if (this.format === 'csv') return `${Papa.unparse([this.columns.map((c) => c.header)])}\r\n`;
    }
    if (this.position >= this.rows.length) return undefined;
    const end = Math.min(this.rows.length, this.position + ROWS_PER_PART);
    const part = this.rows.subarray(this.position, end);
    const first = this.position === 0;
    this.position = end;
    const last = end === this.rows.length;
    if (this.format === 'csv') return this.csv(part);
    const texts = await this.records(part);
    if (this.format === 'jsonl') return `${texts.join('\n')}\n`;
    return `${first ? '' : ',\n'}${texts.join(',\n')}${last ? '\n]}\n' : ''}`;
  }

  private csv(part: Uint32Array): string {
    const data: string[][] = [];
    for (const row of part) {
      const view = rowView(this.index, row);
      data.push(
        this.columns.map((c) => {
          if (c.id === 'integrity') return this.integrityOf(view.fileId);
          const origin = IP_ORIGIN_FIELDS.find((f) => f.name === c.id);
          if (origin !== undefined) {
            return this.origins?.value(this.sourceIpCode(row), origin.field) ?? '';
          }
          return cell(view, c.id);
        }),
      );
    }
    return `${Papa.unparse(data, { escapeFormulae: FORMULA_START, newline: '\r\n' })}\r\n`;
  }

  private sourceIpCode(row: number): number {
    return this.index.cols[SOURCE_IP]?.data[row] ?? 0;
  }

  private async records(part: Uint32Array): Promise<string[]> {
    return (await readRecords(this.index, this.reader, part)).map((r) => stringifyJson(r));
  }
}

/**
 * The original records of `rows`, read back from their stored files (null for one the file no
 * longer yields). Rows in file order (byFile) read each file once.
 */
export async function readRecords(
  index: EventIndex,
  reader: RecordReader,
  rows: Uint32Array,
): Promise<unknown[]> {
  const out: unknown[] = [];
  for (const row of rows) {
    const records = await reader.records(index.fileId.data[row] ?? 0);
    out.push(records[index.recordIndex.data[row] ?? 0] ?? null);
  }
  return out;
}

function cell(view: RowView, id: string): string {
  if (id === 'eventTime') {
    // Stored as 1970 (see ROW_FLAG.invalidTime): never export that as the event's time.
    if ((view.flags & ROW_FLAG.invalidTime) !== 0) return 'invalid time';
    return new Date(view.eventTime).toISOString();
  }
  if (id === 'resourceType') return view.resourceTypes.join('; ');
  if (id === 'resourceName') return view.resourceNames.join('; ');
  if (id === 'eventID') return view.eventID;
  const field = STRING_FIELDS.find((f): f is StringField => f === id);
  return field === undefined ? '' : view[field];
}

/** `rows` sorted by (file, position in file), so each stored file is read once. */
export function byFile(index: EventIndex, rows: Uint32Array): Uint32Array {
  const out = Uint32Array.from(rows);
  const file = index.fileId.data;
  const rec = index.recordIndex.data;
  return out.sort((a, b) => {
    const d = (file[a] ?? 0) - (file[b] ?? 0);
    return d !== 0 ? d : (rec[a] ?? 0) - (rec[b] ?? 0);
  });
}
