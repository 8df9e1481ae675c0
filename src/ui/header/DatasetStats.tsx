import { useQuery } from '@tanstack/react-query';
import { datasetInfoQuery, storageQuery } from '../../data/datasetQueries';
import { formatBytes } from '../../lib/formatBytes';
import { formatCount } from '../common/formatCount';
import { formatTime } from '../common/formatTime';
import { usePrefs } from '../prefs/usePrefs';
import { spanLabel } from './spanLabel';

/** Events in the dataset, the time span they cover, and the browser storage used. */
export function DatasetStats() {
  const info = useQuery(datasetInfoQuery()).data;
  const storage = useQuery(storageQuery()).data;
  const { timeZone } = usePrefs();
  const count = info?.eventCount ?? 0;
  const span =
    info?.minTime === undefined || info.maxTime === undefined
      ? undefined
      : spanLabel(formatTime(info.minTime, timeZone), formatTime(info.maxTime, timeZone));
  return (
    <div className="stats" aria-live="polite">
      <span className="stat">
        <strong
          data-testid="event-count"
          data-count={count}
          data-index-bytes={info?.indexBytes ?? 0}
          data-words-pending={info?.wordsPending ?? 0}
        >
          {/* Not "0" while the stored dataset is still opening: that reads as data lost. */}
          {info === undefined ? '…' : formatCount(count)}
        </strong>{' '}
        events
      </span>
      {info === undefined || info.logFiles === 0 ? null : (
        <span className="stat muted">
          {formatCount(info.logFiles)} log files
          {info.digestFiles > 0
            ? ` · ${formatCount(info.digestFiles)} ${info.digestFiles === 1 ? 'digest' : 'digests'}`
            : ''}
        </span>
      )}
      {info === undefined || info.wordsPending === 0 ? null : (
        <span
          className="stat muted stat-indexing"
          title="Free-text search already works; it gets faster once every file has its word index"
        >
          indexing words: {formatCount(info.wordsPending)} files left
        </span>
      )}
      {span === undefined ? null : (
        <span className="stat muted mono stat-span" title="Time span of the events">
          {span}
        </span>
      )}
      {storage === undefined ? null : (
        <span
          className="stat muted stat-storage"
          title={`Browser storage used by all cases, of a quota of ${formatBytes(storage.quota)}`}
        >
          {formatBytes(storage.usage)} stored (all cases)
        </span>
      )}
    </div>
  );
}
