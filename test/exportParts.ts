import type { ExportColumn, ExportFormat } from '../src/analysis/types';
import type { CaseSession } from '../src/engine/CaseSession';

/**
 * Runs an export of `q`'s result through the session as the page does (start, then next until
 * done; the search is run first) and returns its parts. Throws when the search has no result.
 */
export async function exportParts(
  engine: CaseSession,
  q: string,
  format: ExportFormat,
  columns: readonly ExportColumn[] = [],
): Promise<(string | Uint8Array)[]> {
  const request = { q };
  await engine.search.run(request);
  const job = engine.exports.start(request, 'asc', format, columns);
  if (job === undefined) throw new Error('no result');
  const parts: (string | Uint8Array)[] = [];
  for (let part = await engine.exports.next(job.id); part !== undefined;) {
    parts.push(part);
    part = await engine.exports.next(job.id);
  }
  return parts;
}

/** The text of a JSON, JSON lines or CSV export (exportParts joined). */
export async function exportText(
  engine: CaseSession,
  q: string,
  format: Exclude<ExportFormat, 'parquet'>,
  columns: readonly ExportColumn[] = [],
): Promise<string> {
  const parts = await exportParts(engine, q, format, columns);
  return parts.map((p) => (typeof p === 'string' ? p : new TextDecoder().decode(p))).join('');
}
