import { useQuery } from '@tanstack/react-query';
import { datasetInfoQuery } from '../../data/datasetQueries';
import { rangeCountQuery } from '../../data/insightQueries';
import { useOpenView } from '../../data/useOpenView';
import { formatCount } from '../common/formatCount';
import { logTitle } from '../common/LogText';
import { quoteValue } from '../search-bar/tokenAtCursor';

/**
 * "Follow the new key": opens every event signed with `accessKeyId` from `fromMs` (the event that
 * created the key, ms since epoch) to the end of the dataset, as `accessKeyId:<key>` over that range.
 * The count beside it is the index's answer for the same query and range.
 */
export function FollowKeyButton(props: { readonly accessKeyId: string; readonly fromMs: number }) {
  const { accessKeyId, fromMs } = props;
  const openView = useOpenView();
  const maxTime = useQuery(datasetInfoQuery()).data?.maxTime;
  // The lookup field of docs/query-language.md: an exact, indexed match.
  const q = `accessKeyId:${quoteValue(accessKeyId)}`;
  // `to` is exclusive: one past the newest event, never before the creating event.
  const range = { from: fromMs, to: Math.max(maxTime ?? fromMs, fromMs) + 1 };
  const count = useQuery(rangeCountQuery({ q, ...range })).data;
  return (
    <button
      type="button"
      className="btn btn-small"
      data-pivot="Follow the new key"
      title={logTitle(`${q} (from this event onwards)`)}
      onClick={() => openView({ q, range })}
    >
      Follow the new key
      <span className="muted">
        {' '}
        {count === undefined || count === null
          ? '→'
          : `${formatCount(count)} later ${count === 1 ? 'event' : 'events'}`}
      </span>
    </button>
  );
}
