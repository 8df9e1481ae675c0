import { formatTime } from '../common/formatTime';
import { LogText, logTitle } from '../common/LogText';
import type { CompareColumn } from './compareColumn';

/** A tooltip for a log string: the same escapes LogText shows, as plain attribute text, cut. */
const tooltip = (s: string) => logTitle(s, 300);

/**
 * The head of one event's column: its time in UTC, event name and user name (one line each, cut
 * with an ellipsis; the full values are in the rows below) and × to take it out of the comparison.
 */
export function CompareColumnHead(props: {
  readonly column: CompareColumn;
  /** Undefined when no column may be removed (two is the least worth comparing). */
  readonly onRemove: ((row: number) => void) | undefined;
}) {
  const { column, onRemove } = props;
  const view = column.view;
  const name = view === undefined || view.eventName === '' ? '(no event name)' : view.eventName;
  const user = view === undefined || view.userName === '' ? '—' : view.userName;
  const remove = (
    <button
      type="button"
      className="btn btn-ghost btn-small compare-remove"
      aria-label="Remove this event from the comparison"
      title={
        onRemove === undefined
          ? 'At least two events are compared'
          : 'Remove this event from the comparison'
      }
      disabled={onRemove === undefined}
      onClick={() => onRemove?.(column.row)}
    >
      ×
    </button>
  );
  if (view === undefined) {
    return (
      <div className="compare-head">
        <div className="compare-head-line">
          <span className="muted ellipsis">{column.problem ?? ''}</span>
          {remove}
        </div>
      </div>
    );
  }
  return (
    <div className="compare-head">
      <span className="compare-head-time">{formatTime(view.eventTime, 'utc')} UTC</span>
      <div className="compare-head-line">
        <strong className="compare-head-name ellipsis" title={tooltip(name)}>
          <LogText text={name} max={200} />
        </strong>
        {remove}
      </div>
      <span className="compare-head-user ellipsis" title={tooltip(user)}>
        <LogText text={user} max={200} />
      </span>
      {column.problem === undefined ? null : <span className="error">{column.problem}</span>}
    </div>
  );
}
