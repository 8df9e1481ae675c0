import { useMemo, useState } from 'react';
import { formatBytes } from '../../lib/formatBytes';
import type { FileReport } from '../../data/types';
import { formatCount } from '../common/formatCount';
import { openFileView } from '../provenance/fileViewTarget';
import './FilesPanel.css';
import { LogText } from '../common/LogText';

/** Rows drawn at first and per "show more": problems sort first, so none hides behind the cap. */
const PAGE_ROWS = 2000;

const ORDER: Record<FileReport['status'], number> = {
  failed: 0,
  cancelled: 1,
  skipped: 2,
  duplicate: 3,
  digest: 4,
  ingested: 5,
};
const LABEL: Record<FileReport['status'], string> = {
  failed: 'Failed',
  cancelled: 'Not read',
  skipped: 'Skipped',
  duplicate: 'Duplicate',
  digest: 'Digest (kept)',
  ingested: 'Ingested',
};

/** Counts of a run's reports by status. */
export function countReports(reports: readonly FileReport[]): Record<FileReport['status'], number> {
  const counts = { failed: 0, cancelled: 0, skipped: 0, duplicate: 0, digest: 0, ingested: 0 };
  for (const r of reports) counts[r.status]++;
  return counts;
}

/** The last run's files, problems first, each with its status and a readable reason. */
export function FilesPanel(props: {
  readonly reports: readonly FileReport[];
  readonly onClose: () => void;
}) {
  // 50,000 reports sort in ≈30 ms by code unit; localeCompare took seconds, on every render.
  const sorted = useMemo(
    () =>
      [...props.reports].sort((a, b) =>
        ORDER[a.status] - ORDER[b.status] !== 0
          ? ORDER[a.status] - ORDER[b.status]
          : a.path < b.path
            ? -1
            : a.path > b.path
              ? 1
              : 0,
      ),
    [props.reports],
  );
  const counts = useMemo(() => countReports(props.reports), [props.reports]);
  const [shown, setShown] = useState(PAGE_ROWS);
  return (
    <section className="files-panel" aria-label="Files of the last ingest">
      <header>
        <h2>Files of the last ingest</h2>
        <span className="muted">
          {(Object.keys(LABEL) as FileReport['status'][])
            .filter((s) => counts[s] > 0)
            .map((s) => `${formatCount(counts[s])} ${LABEL[s].toLowerCase()}`)
            .join(' · ')}
        </span>
        <button
          type="button"
          className="btn btn-ghost"
          onClick={props.onClose}
          aria-label="Close files panel"
        >
          ✕
        </button>
      </header>
      <div className="files-scroll">
        <table>
          <thead>
            <tr>
              <th>Status</th>
              <th>File</th>
              <th className="num">Size</th>
              <th className="num">Events</th>
              <th>Read as</th>
              <th>Details</th>
            </tr>
          </thead>
          <tbody>
            {sorted.slice(0, shown).map((r, i) => (
              <tr
                key={`${i}:${r.path}`}
                className={`status-${r.status}`}
                data-testid="file-report"
                data-status={r.status}
              >
                <td>
                  <span className={`pill pill-${r.status}`}>{LABEL[r.status]}</span>
                </td>
                <td className="mono wrap">
                  {r.status === 'ingested' || r.status === 'digest' ? (
                    <button
                      type="button"
                      className="file-link"
                      title="Open the file view: S3 key, SHA-256, size, events and content"
                      onClick={() => openFileView({ path: r.path })}
                    >
                      <LogText text={r.path} max={500} />
                    </button>
                  ) : (
                    <LogText text={r.path} max={500} />
                  )}
                </td>
                <td className="num">{formatBytes(r.size)}</td>
                <td className="num">
                  {r.records === undefined
                    ? ''
                    : `${formatCount(r.added ?? 0)} new of ${formatCount(r.records)}`}
                </td>
                <td className="shape" data-testid="file-shape">
                  {r.shape ??
                    (r.status === 'digest' ? 'Digest file' : <span className="muted">—</span>)}
                </td>
                <td className="reason">{r.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {sorted.length > shown ? (
          <p className="muted files-more" data-testid="files-more">
            {formatCount(sorted.length - shown)} more files not shown (failures are listed first).{' '}
            <button
              type="button"
              className="btn btn-small"
              onClick={() => setShown(shown + PAGE_ROWS)}
            >
              Show {formatCount(Math.min(PAGE_ROWS, sorted.length - shown))} more
            </button>
          </p>
        ) : null}
      </div>
    </section>
  );
}
