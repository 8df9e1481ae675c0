import type { PendingRun } from '../../db/pendingRun';
import type { FileMeta, FileReport } from '../../db/types';
import { logFileReport } from './logFileReport';

/**
 * The Files panel of a run the page closed during: each file it stored, reported from its stored
 * meta, then every planned input that was not stored (read and skipped, or never read: the reports
 * saying which were lost with the page), in the run's order.
 */
export function interruptedReports(run: PendingRun, files: readonly FileMeta[]): FileReport[] {
  const stored = new Map<string, FileMeta>();
  for (const f of files) if (f.fileId >= run.firstFileId) stored.set(f.path, f);
  // A dropped zip is stored as its entries, `<archive>/<entry>`: found by prefix in sorted paths.
  const sorted = [...stored.keys()].sort();
  const entriesOf = (archive: string): FileMeta[] => {
    const prefix = `${archive}/`;
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((sorted[mid] ?? '') < prefix) lo = mid + 1;
      else hi = mid;
    }
    const out: FileMeta[] = [];
    for (let i = lo; i < sorted.length && (sorted[i] ?? '').startsWith(prefix); i++) {
      const meta = stored.get(sorted[i] ?? '');
      if (meta !== undefined) out.push(meta);
    }
    return out;
  };
  const report = (meta: FileMeta): FileReport =>
    meta.kind === 'digest'
      ? { path: meta.path, size: meta.size, status: 'digest' }
      : logFileReport(meta);
  const reports: FileReport[] = [];
  for (const { path, size } of run.files) {
    const meta = stored.get(path);
    const entries = meta === undefined ? entriesOf(path) : [];
    if (entries.length > 0) {
      reports.push(...entries.map(report));
    } else if (meta === undefined) {
      reports.push({
        path,
        size,
        status: 'cancelled',
        reason:
          'Not stored: the page was closed or reloaded during the ingest (pick the folder again to resume)',
      });
    } else {
      reports.push(report(meta));
    }
  }
  return reports;
}
