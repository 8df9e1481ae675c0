import { useQuery, useQueryClient } from '@tanstack/react-query';
import { formatBytes } from '../../lib/formatBytes';
import { discardInterruptedRun, interruptedRunQuery } from '../../data/interruptedRun';
import { formatCount } from '../common/formatCount';
import './InterruptedBanner.css';

/**
 * Shown after a reload when the last ingest never ended (tab closed or reloaded mid-run): what it
 * stored, and the two ways on. A browser cannot read the files again unless the user picks them,
 * so resuming is picking them again; the files already stored are recognised and not read again.
 */
export function InterruptedBanner(props: {
  readonly onPickFolder: () => void;
  readonly onPickFiles: () => void;
}) {
  const client = useQueryClient();
  const run = useQuery(interruptedRunQuery()).data;
  if (run === undefined || run === null) return null;
  const started = new Date(run.startedAt).toISOString().slice(0, 16).replace('T', ' ');
  return (
    <section
      className="interrupted-run"
      role="alert"
      aria-label="Interrupted ingest"
      data-testid="interrupted-run"
      data-stored={run.filesStored}
      data-total={run.filesTotal}
    >
      <div className="interrupted-text">
        <strong>The last ingest was interrupted</strong> (started {started} UTC):{' '}
        <span data-testid="interrupted-summary">
          {formatCount(run.filesStored)} of {formatCount(run.filesTotal)} files were stored (
          {formatCount(run.eventsAdded)} events), {formatBytes(run.bytesTotal)} dropped in all.
        </span>{' '}
        What was stored is complete and kept. To finish, pick the same folder or files again: files
        already stored are recognised by path, size and SHA-256 and not read again.
      </div>
      <div className="interrupted-actions">
        <button type="button" className="btn btn-primary btn-small" onClick={props.onPickFolder}>
          Resume: pick the folder…
        </button>
        <button type="button" className="btn btn-small" onClick={props.onPickFiles}>
          Pick files…
        </button>
        <button
          type="button"
          className="btn btn-ghost btn-small"
          title="Forget the files that were never read; the stored ones stay"
          onClick={() => void discardInterruptedRun(client)}
        >
          Discard the rest
        </button>
      </div>
    </section>
  );
}
