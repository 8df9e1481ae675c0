import type { CountGroup } from '../../data/types';
import { formatCount } from '../common/formatCount';
import { formatTime } from '../common/formatTime';
import { LogText, logTitle } from '../common/LogText';

/**
 * One row of a count: a value (or a pair's second value, indented under its group) as a link to
 * exactly its events, its events with a bar of its share, distinct values, first and last seen.
 * `data-key` is the grouped value, or both values joined by a tab, as the link filters them;
 * `data-count` its events. A group heading of two fields is `count-group`, its pairs `count-row`.
 */
export function CountRow(props: {
  readonly group: CountGroup;
  /** The field of the value this row shows (the second for a pair). */
  readonly field: string;
  readonly kind: 'row' | 'group' | 'pair';
  /** The largest events among rows of this kind: the bar's full width. */
  readonly top: number;
  readonly href: string;
  readonly accountName: string | undefined;
  readonly timeZone: 'utc' | 'local';
  readonly onOpen: (keys: readonly string[]) => void;
}) {
  const { group, kind } = props;
  const value = group.keys[group.keys.length - 1] ?? '';
  const open = (e: React.MouseEvent) => {
    // A plain click applies the filter here; a modified click opens the link as the browser does.
    if (e.button !== 0 || e.ctrlKey || e.metaKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    props.onOpen(group.keys);
  };
  const share = Math.max(0.5, (100 * group.events) / Math.max(1, props.top));
  const title = `Show the ${formatCount(group.events)} events with ${logTitle(props.field, 200)} ${value === '' ? 'absent' : `= ${logTitle(value, 300)}`}`;
  return (
    <tr
      className={`count-${kind}`}
      data-testid={kind === 'group' ? 'count-group' : 'count-row'}
      data-key={group.keys.join('\t')}
      data-count={group.events}
    >
      <td className="col-key">
        <a
          href={props.href}
          onClick={open}
          title={title}
          className={value === '' ? 'count-none' : undefined}
        >
          {value === '' ? '(none)' : <LogText text={value} max={300} />}
        </a>
        {props.accountName === undefined ? null : (
          <span className="muted"> · {props.accountName}</span>
        )}
      </td>
      <td className="col-events">
        <a href={props.href} onClick={open} title={title} tabIndex={-1} className="count-events">
          <span className="count-bar" style={{ width: `${share}%` }} aria-hidden="true" />
          <span className="count-figure">{formatCount(group.events)}</span>
        </a>
      </td>
      <td className="col-distinct">
        {group.distinct === undefined ? '' : formatCount(group.distinct)}
      </td>
      <td className="col-time">{formatTime(group.firstSeen, props.timeZone)}</td>
      <td className="col-time">{formatTime(group.lastSeen, props.timeZone)}</td>
    </tr>
  );
}
