import { useIngestState } from '../../data/ingestState';
import { formatCount } from '../common/formatCount';
import { ProgressBar } from './ProgressBar';

/**
 * While the stored dataset opens after an ingest the page closed during, or after a save of the
 * index that failed: the stored files being parsed again to rebuild their part of the index, and
 * why. Without it the page would read "0 events" for
 * seconds, as if the data were gone.
 */
export function ReplayBar() {
  const replay = useIngestState((s) => s.replay);
  if (replay === undefined) return null;
  const fraction = replay.total === 0 ? 0 : replay.done / replay.total;
  return (
    <div className="ingest-bar" role="status" aria-live="polite">
      <div className="ingest-text">
        <strong>Rebuilding the index</strong>
        <span>
          {formatCount(replay.done)} / {formatCount(replay.total)} stored files
        </span>
        <span className="muted">
          {replay.why ??
            'The page was closed during an ingest: the files it stored are read again. Nothing is lost.'}
        </span>
      </div>
      <ProgressBar fraction={fraction} label="Rebuilding the index" />
    </div>
  );
}
