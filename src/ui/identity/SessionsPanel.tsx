import type { IdentityProfileView } from '../../data/identityQueries';
import { formatCount } from '../common/formatCount';
import { formatTime } from '../common/formatTime';
import { LogText } from '../common/LogText';
import { CountLink } from './CountLink';

/**
 * The identity's sessions (temporary keys): start, end, events and errors (links), who issued the
 * key when the case holds that event; each key opens the session as a story.
 */
export function SessionsPanel(props: {
  readonly sessions: IdentityProfileView['sessions'];
  readonly timeZone: 'utc' | 'local';
  readonly onEvents: (q: string) => void;
  readonly onSession: (key: string) => void;
}) {
  const { sessions, timeZone, onEvents, onSession } = props;
  return (
    <section className="profile-panel" data-testid="profile-sessions" aria-label="Sessions">
      <h3>
        Sessions <span className="muted">{formatCount(sessions.length)} temporary keys</span>
      </h3>
      {sessions.length === 0 ? (
        <p className="muted">None</p>
      ) : (
        <table className="profile-table">
          <thead>
            <tr>
              <th scope="col">Key</th>
              <th scope="col">Start</th>
              <th scope="col">End</th>
              <th scope="col" className="num">
                Events
              </th>
              <th scope="col" className="num">
                Errors
              </th>
            </tr>
          </thead>
          <tbody>
            {sessions.slice(0, 30).map((s) => (
              <tr key={s.value}>
                <td>
                  <a
                    href={`?view=sessions&session=${encodeURIComponent(s.value)}`}
                    className="mono"
                    onClick={(e) => {
                      e.preventDefault();
                      onSession(s.value);
                    }}
                  >
                    <LogText text={s.value} max={40} />
                  </a>
                  {s.issuedBy === undefined ? null : (
                    <div className="muted profile-issued">
                      {s.issuedByEvent} by <LogText text={s.issuedBy} max={100} />
                    </div>
                  )}
                </td>
                <td className="mono profile-time">{formatTime(s.issuedAt ?? s.first, timeZone)}</td>
                <td className="mono profile-time">{formatTime(s.last, timeZone)}</td>
                <td className="num">
                  <CountLink count={s.count} q={s.q} onEvents={onEvents} />
                </td>
                <td className="num">
                  <CountLink count={s.errors} q={s.errorsQ} onEvents={onEvents} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
