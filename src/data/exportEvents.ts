import { engineClient } from '../engine/engineClient';
import { openFileSink } from './saveFile';
import type { ExportColumn, ExportFormat } from '../analysis/types';
import type { SearchRequest } from '../search/types';
import type { TimeOrder } from '../index/types';

const FILE: Readonly<Record<ExportFormat, { ext: string; mime: string }>> = {
  json: { ext: '.json', mime: 'application/json' },
  jsonl: { ext: '.jsonl', mime: 'application/x-ndjson' },
  csv: { ext: '.csv', mime: 'text/csv' },
  parquet: { ext: '.parquet', mime: 'application/vnd.apache.parquet' },
};

/**
 * Exports the events matching `request` to a file the user saves, pulling it from the worker part by
 * part (a few MB each) so memory stays flat. `onProgress` gets (parts written, rows total).
 * @throws Error when the search has no result yet; DOMException 'AbortError' when the user cancels.
 */
export async function exportEvents(opts: {
  request: SearchRequest;
  order: TimeOrder;
  format: ExportFormat;
  columns: readonly ExportColumn[];
  onProgress?: (written: number, total: number) => void;
}): Promise<number> {
  const { request, order, format, columns, onProgress } = opts;
  const { ext, mime } = FILE[format];
  const stamp = new Date().toISOString().replace(/[:.]/g, '-').slice(0, 19);
  // Ask for the file first: the picker needs the click's user activation.
  const sink = await openFileSink(`cairn-events-${stamp}${ext}`, mime, ext);
  const job = await engineClient().exports.start(request, order, format, columns);
  if (job === undefined) {
    await sink.abort();
    throw new Error('The search is still running; export when it has finished.');
  }
  let written = 0;
  try {
    for (
      let part = await engineClient().exports.next(job.id);
      part !== undefined;
      part = await engineClient().exports.next(job.id)
    ) {
      await sink.write(part);
      written++;
      onProgress?.(written, job.total);
    }
    await sink.close();
  } catch (error) {
    await sink.abort();
    throw error;
  }
  return job.total;
}
