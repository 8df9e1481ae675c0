import type { IdentityProfileView } from '../../data/identityQueries';
import { formatCount } from '../common/formatCount';
import { formatTime } from '../common/formatTime';
import { LogText } from '../common/LogText';
import { CountLink } from './CountLink';

/**
 * The identity's persistence calls (analysis/persistenceCalls.ts), first made first, each with its
 * events: a time opens the table on that very event.
 */
export function PersistencePanel(props: {
  readonly calls: IdentityProfileView['persistence'];
  readonly timeZone: 'utc' | 'local';
  readonly onEvents: (q: string) => void;
  readonly onEvent: (q: string, eventID: string) => void;
}) {
  const { calls, timeZone, onEvents, onEvent } = props;
  return (
    <section
      className="profile-panel"
      data-testid="profile-persistence"
      aria-label="Persistence calls"
    >
      <h3>
        Persistence calls <span className="muted">{formatCount(calls.length)}</span>
      </h3>
      {calls.length === 0 ? (
        <p className="muted">None</p>
      ) : (
        <ul className="profile-persistence">
          {calls.map((c) => (
            <li key={`${c.eventSource} ${c.eventName}`}>
              <span className="mono">
                <LogText text={c.eventName} max={80} />
              </span>{' '}
              <CountLink count={c.total.count} q={c.total.q} onEvents={onEvents} />
              {c.failed > 0 ? (
                <span className="profile-failed"> {formatCount(c.failed)} failed</span>
              ) : null}
              <span className="profile-event-times">
                {c.events.slice(0, 6).map((e) => (
                  <button
                    type="button"
                    key={`${e.row}`}
                    className={
                      e.errorCode === '' ? 'link-button mono' : 'link-button mono profile-failed'
                    }
                    title={e.errorCode === '' ? 'Show this event' : `Failed: ${e.errorCode}`}
                    onClick={() => onEvent(c.total.q, e.eventID)}
                  >
                    {formatTime(e.time, timeZone)}
                  </button>
                ))}
                {c.events.length > 6 ? <span className="muted">…</span> : null}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
