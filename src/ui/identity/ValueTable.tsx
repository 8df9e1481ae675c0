import { useState } from 'react';
import type { ReactNode } from 'react';
import type { IdentityProfileView } from '../../data/identityQueries';
import { formatCount } from '../common/formatCount';
import { formatTime } from '../common/formatTime';
import { LogText } from '../common/LogText';
import { CountLink } from './CountLink';

/** One value row as the profile gives it. */
export type ValueRow = IdentityProfileView['sourceIps'][number];

/** Rows shown before "Show all". */
const FIRST = 8;

/**
 * A panel's values: each with its events and errors (links to them), its own first and last use,
 * and a "new" mark against the baseline. `extra` renders beside a value (an account's name, where
 * an IP comes from); `title` names the panel; values are log text.
 */
export function ValueTable(props: {
  readonly title: string;
  readonly rows: readonly ValueRow[];
  readonly timeZone: 'utc' | 'local';
  readonly onEvents: (q: string) => void;
  readonly extra?: (row: ValueRow) => ReactNode;
  readonly action?: (row: ValueRow) => ReactNode;
  readonly testId: string;
}) {
  const { rows, timeZone, onEvents, extra, action } = props;
  const [all, setAll] = useState(false);
  const shown = all ? rows : rows.slice(0, FIRST);
  const fresh = rows.filter((r) => r.isNew).length;
  return (
    <section className="profile-panel" data-testid={props.testId} aria-label={props.title}>
      <h3>
        {props.title} <span className="muted">{formatCount(rows.length)}</span>
        {fresh > 0 ? <span className="profile-new">{formatCount(fresh)} new</span> : null}
      </h3>
      {rows.length === 0 ? (
        <p className="muted">None</p>
      ) : (
        <table className="profile-table">
          <thead>
            <tr>
              <th scope="col">Value</th>
              <th scope="col" className="num">
                Events
              </th>
              <th scope="col" className="num">
                Errors
              </th>
              <th scope="col">First</th>
              <th scope="col">Last</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((r) => (
              <tr key={r.value} data-value={r.value}>
                <td className="profile-value">
                  {r.value === '' ? (
                    <span className="muted">(none)</span>
                  ) : (
                    <LogText text={r.value} max={200} />
                  )}
                  {extra === undefined ? null : <> {extra(r)}</>}
                  {r.isNew ? (
                    <span className="profile-new" title="First used after the baseline">
                      new
                    </span>
                  ) : null}
                  {action?.(r)}
                </td>
                <td className="num">
                  <CountLink count={r.count} q={r.q} onEvents={onEvents} />
                </td>
                <td className="num">
                  <CountLink count={r.errors} q={r.errorsQ} onEvents={onEvents} />
                </td>
                <td className="mono profile-time">{formatTime(r.first, timeZone)}</td>
                <td className="mono profile-time">{formatTime(r.last, timeZone)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {rows.length > FIRST ? (
        <button type="button" className="btn btn-small" onClick={() => setAll(!all)}>
          {all ? 'Show fewer' : `Show all ${formatCount(rows.length)}`}
        </button>
      ) : null}
    </section>
  );
}
