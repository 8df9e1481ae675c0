import { logTitle } from '../common/LogText';
import { formatCount } from '../common/formatCount';

/**
 * A count of events as a link to exactly those events: `q` in the event table over all time
 * (the profile covers the whole case). `data-q` and `data-count` let tests check the two agree.
 */
export function CountLink(props: {
  readonly count: number;
  readonly q: string;
  readonly onEvents: (q: string) => void;
  readonly label?: string;
}) {
  const { count, q, onEvents, label } = props;
  if (count === 0) return <span className="muted profile-count-zero">0</span>;
  return (
    <button
      type="button"
      className="profile-count"
      data-testid="profile-count"
      data-q={q}
      data-count={count}
      title={`Show these ${formatCount(count)} events: ${logTitle(q, 500)}`}
      aria-label={label === undefined ? undefined : `${formatCount(count)} ${label}`}
      onClick={() => onEvents(q)}
    >
      {formatCount(count)}
    </button>
  );
}
