import { ExportJob, byFile } from '../analysis/ExportJob';
import { ParquetExport } from '../analysis/ParquetExport';
import { listFiles } from '../db/cairnDb';
import { IP_ORIGIN_FIELDS } from '../querylang/fields';
import type { IpOriginService } from './IpOriginService';
import type { ExportColumn, ExportFormat } from '../analysis/types';
import type { TimeOrder } from '../index/types';
import type { SearchRequest } from '../search/types';
import type { CaseParts } from './CaseParts';
import type { IntegrityService } from './IntegrityService';
import type { SearchService } from './SearchService';

/**
 * Exports of a search result, pulled part by part by the page (so a million events never sit in
 * memory at once): JSON and JSON lines re-serialise the original records, CSV the table's columns,
 * Parquet the columns of AWS's CloudTrail table with each event's source file (ParquetExport).
 */
export class ExportService {
  private readonly parts: CaseParts;
  private readonly search: SearchService;
  private readonly integrity: IntegrityService;
  private readonly jobs = new Map<number, ExportJob | ParquetExport>();
  private nextId = 1;

  private readonly ipOrigins: IpOriginService | undefined;

  constructor(
    parts: CaseParts,
    search: SearchService,
    integrity: IntegrityService,
    ipOrigins?: IpOriginService,
  ) {
    this.ipOrigins = ipOrigins;
    this.parts = parts;
    this.search = search;
    this.integrity = integrity;
  }

  /**
   * Starts exporting the result of `request` (in table order for CSV, file by file for JSON); parts
   * are then pulled with next. Undefined when the search has no result yet.
   */
  start(
    request: SearchRequest,
    order: TimeOrder,
    format: ExportFormat,
    columns: readonly ExportColumn[],
  ): { readonly id: number; readonly total: number } | undefined {
    const rows = this.search.resultRows(request);
    if (rows === undefined) return undefined;
    const ipOrigins = this.ipOrigins;
    const { db, index, reader } = this.parts;
    const job =
      format === 'parquet'
        ? new ParquetExport({
            index,
            reader,
            rows: byFile(index, rows),
            files: async () =>
              new Map(
                (await listFiles(db)).map((f) => [f.fileId, { path: f.path, sha256: f.sha256 }]),
              ),
          })
        : new ExportJob({
            index: this.parts.index,
            reader: this.parts.reader,
            rows: order === 'desc' ? rows.slice().reverse() : rows,
            format,
            columns: withOriginColumns(columns),
            integrityOf: (fileId) => this.integrity.labelOf(fileId),
            ...(ipOrigins === undefined ? {} : { origins: () => ipOrigins.ready() }),
          });
    const id = this.nextId++;
    this.jobs.set(id, job);
    return { id, total: job.total };
  }

  /**
   * The next part of export `id` (text, or bytes for Parquet), or undefined when it is complete
   * (the job is then dropped).
   */
  async next(id: number): Promise<string | Uint8Array<ArrayBuffer> | undefined> {
    const part = await this.jobs.get(id)?.next();
    if (part === undefined) this.jobs.delete(id);
    return part;
  }
}

/**
 * The CSV columns with where the source IP comes from: the table's `ipOrigin` column becomes the
 * country, ASN and organisation columns; the source IP column alone gains country and ASN after it.
 */
export function withOriginColumns(columns: readonly ExportColumn[]): ExportColumn[] {
  const [country, asn, org] = IP_ORIGIN_FIELDS.map((f) => ({ id: f.name, header: f.label }));
  const out: ExportColumn[] = [];
  const hasOrigin = columns.some((c) => c.id === 'ipOrigin');
  for (const c of columns) {
    if (c.id === 'ipOrigin') out.push(...[country, asn, org].flatMap((x) => x ?? []));
    else {
      out.push(c);
      if (c.id === 'sourceIPAddress' && !hasOrigin)
        out.push(...[country, asn].flatMap((x) => x ?? []));
    }
  }
  return out;
}
