import { loginFact, loginOutcomes } from '../analysis/consoleLogins';
import type { LoginFact, LoginOutcomes } from '../analysis/consoleLogins';
import { reportDetections } from '../analysis/reportDetections';
import type { ReportDetections } from '../analysis/reportDetections';
import { markValues, rowsWhere } from '../analysis/reportLists';
import type { ReportOptions, SituationReport } from '../analysis/reportTypes';
import { situationReport } from '../analysis/situationReport';
import { plainReportScan } from '../analysis/plainReportScan';
import { parseQuery } from '../querylang/parseQuery';
import type { Query } from '../querylang/types';
import type { SearchRequest } from '../search/types';
import type { CaseParts } from './CaseParts';
import type { SearchService } from './SearchService';

/**
 * The situation report's answer: `ready` with the report and how long it took (ms, the counting
 * passes only); `pending` while the filter needs a record scan whose result is not complete yet
 * (ask again once the search is done); `error` when the query does not parse.
 */
export type ReportAnswer =
  | {
      readonly state: 'ready';
      readonly report: SituationReport;
      readonly detections: ReportDetections;
      readonly elapsedMs: number;
    }
  | { readonly state: 'pending' }
  | { readonly state: 'error'; readonly message: string };

/** Console login outcomes under a filter, how long they took (ms) and how many records were read back. */
export type LoginAnswer =
  | {
      readonly state: 'ready';
      readonly logins: LoginOutcomes;
      readonly elapsedMs: number;
      readonly recordsRead: number;
    }
  | { readonly state: 'pending' };

const DEFAULTS: ReportOptions = { includeServices: false, recent: '24h', limit: 10 };

/**
 * The situation report of one case over the rows of a filter and time range (SearchService's
 * rowsUnder: the index alone, or the complete result of a record scan). Counting passes over the
 * index; console login outcomes are read back from the stored records once per event and kept.
 */
export class ReportService {
  private readonly parts: CaseParts;
  private readonly search: SearchService;
  /** The outcome of each ConsoleLogin row read so far: rows are stable and only ever added. */
  private readonly facts = new Map<number, LoginFact>();

  constructor(parts: CaseParts, search: SearchService) {
    this.parts = parts;
    this.search = search;
  }

  /** The report of `request` (see ReportAnswer); `options` default to no services, 24 h, 10 per list. */
  report(request: SearchRequest, options: Partial<ReportOptions> = {}): ReportAnswer {
    const started = performance.now();
    const base = baseQuery(request.q);
    if (typeof base === 'string') return { state: 'error', message: base };
    const rows = this.search.rowsUnder(request);
    if (rows === undefined) return { state: 'pending' };
    const opts = { ...DEFAULTS, ...options };
    const { index, hits } = this.parts;
    const report = situationReport(index, rows, base, opts);
    const detections = reportDetections(hits, rows, index.size, base, opts.limit);
    return { state: 'ready', report, detections, elapsedMs: performance.now() - started };
  }

  /**
   * The ConsoleLogin events of `request` by outcome (success with MFA, without, failure), from
   * `responseElements` and `additionalEventData`, which the index does not hold: each event's record
   * is read back once, then its outcome is kept.
   */
  async logins(request: SearchRequest): Promise<LoginAnswer> {
    const started = performance.now();
    const base = baseQuery(request.q);
    const rows = this.search.rowsUnder(request);
    if (rows === undefined || typeof base === 'string') return { state: 'pending' };
    const { index, reader } = this.parts;
    const logins = rowsWhere(
      index,
      'eventName',
      rows,
      markValues(index, 'eventName', (v) => v.toLowerCase() === 'consolelogin'),
    );
    const byFile = new Map<number, number[]>();
    for (const row of logins) {
      if (this.facts.has(row)) continue;
      const fileId = index.fileId.data[row] ?? 0;
      byFile.set(fileId, [...(byFile.get(fileId) ?? []), row]);
    }
    let recordsRead = 0;
    for (const [fileId, list] of byFile) {
      const records = await reader.records(fileId).catch(() => undefined);
      for (const row of list) {
        const record = records?.[index.recordIndex.data[row] ?? 0];
        this.facts.set(row, record === undefined ? 5 : loginFact(record));
        recordsRead++;
      }
    }
    const facts = Array.from(logins, (row) => this.facts.get(row) ?? 5);
    return {
      state: 'ready',
      logins: loginOutcomes(facts, base),
      elapsedMs: performance.now() - started,
      recordsRead,
    };
  }

  /**
   * The bench's reference: the report's main figures the plain way, by reading every record of
   * `request`'s rows back from the stored files. `{ ms, records }`; undefined while pending.
   */
  async plainScan(request: SearchRequest): Promise<{ ms: number; records: number } | undefined> {
    const started = performance.now();
    const rows = this.search.rowsUnder(request);
    if (rows === undefined) return undefined;
    const { index, reader } = this.parts;
    const records = await plainReportScan(index, reader, rows);
    return { ms: performance.now() - started, records };
  }
}

/** The filter's query, or the syntax error's message. */
function baseQuery(q: string): Query | string {
  const parsed = parseQuery(q);
  return parsed.ok ? parsed.query : parsed.error.message;
}
