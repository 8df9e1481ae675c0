import { useApplyingQuery } from '../../data/applyingQuery';
import type { SearchStatus } from '../../data/types';
import { formatCount } from '../common/formatCount';

/** "N of M events" for the current search, and how far a record scan has got. */
export function MatchCount(props: {
  readonly status: SearchStatus | undefined;
  readonly total: number;
}) {
  const { status, total } = props;
  const count = status?.matchCount ?? total;
  const scanning = status !== undefined && !status.complete;
  // A query being applied has not reached the view yet: this count is not its count.
  const applying = useApplyingQuery();
  return (
    <span className="match-count" aria-live="polite">
      <strong
        data-testid="match-count"
        data-count={count}
        data-complete={!scanning && !applying}
        data-key={status?.key}
        data-elapsed-ms={status?.elapsedMs.toFixed(1)}
        title={
          status === undefined
            ? undefined
            : `Searched in ${status.elapsedMs.toFixed(0)} ms${status.filesToScan > 0 ? `; ${status.filesToScan - status.filesSkipped} files read, ${status.filesSkipped} ruled out by their word filters` : ''}`
        }
      >
        {formatCount(count)}
      </strong>{' '}
      <span className="muted">
        of {formatCount(total)} events
        {scanning
          ? ` · searching files ${formatCount(status.filesScanned)}/${formatCount(status.filesToScan)}…`
          : ''}
      </span>
    </span>
  );
}
