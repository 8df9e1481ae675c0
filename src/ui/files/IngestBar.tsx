import { formatBytes } from '../../lib/formatBytes';
import { useIngestState } from '../../data/ingestState';
import { formatCount } from '../common/formatCount';
import { ProgressBar } from './ProgressBar';

/** Progress of the running ingest: files, bytes, events (with an estimate of the total), rate, Cancel. */
export function IngestBar(props: { readonly onCancel: () => void }) {
  const p = useIngestState((s) => s.progress);
  const waiting = useIngestState((s) => s.waitingForWriter);
  const fraction = p === undefined || p.bytesTotal === 0 ? 0 : p.bytesDone / p.bytesTotal;
  const seconds = (p?.elapsedMs ?? 0) / 1000;
  const rate = p === undefined || seconds < 0.5 ? undefined : p.eventsDone / seconds;
  // Events are only known once a file is parsed; estimate the total from bytes read so far.
  const estimate =
    p === undefined || p.bytesDone === 0
      ? undefined
      : Math.round((p.eventsDone / p.bytesDone) * p.bytesTotal);
  return (
    <div className="ingest-bar" role="status" aria-live="polite">
      <div className="ingest-text">
        {waiting ? (
          <span data-testid="writer-wait">
            Another Cairn tab is writing to this case; this ingest starts when it finishes.
          </span>
        ) : p === undefined ? (
          <span>Reading files…</span>
        ) : (
          <>
            <strong>Ingesting</strong>
            <span>
              {formatCount(p.filesDone)} / {formatCount(p.filesTotal)} files
            </span>
            <span>
              {formatBytes(p.bytesDone)} / {formatBytes(p.bytesTotal)}
            </span>
            <span>
              {formatCount(p.eventsDone)}
              {estimate === undefined ? '' : ` / ≈${formatCount(estimate)}`} events
            </span>
            {rate === undefined ? null : <span>{formatCount(Math.round(rate))} events/s</span>}
            <span className="muted ellipsis mono">{p.current}</span>
          </>
        )}
        <button type="button" className="btn btn-small" onClick={props.onCancel}>
          Cancel
        </button>
      </div>
      <ProgressBar fraction={fraction} />
    </div>
  );
}
