import { IpOrigin } from '../iporigin/IpOrigin';
import { useState } from 'react';
import { useSessionList } from '../../data/sessionQueries';
import type { SessionSort, SessionSummary } from '../../data/sessionQueries';
import { formatDuration } from '../../lib/formatDuration';
import type { SearchRequest } from '../../data/types';
import { AccountName } from '../accounts/AccountName';
import { countOf, formatCount } from '../common/formatCount';
import { formatTime } from '../common/formatTime';
import { LogText, logTitle } from '../common/LogText';
import { sessionQuery } from './sessionClause';

const COLUMNS: readonly {
  readonly label: string;
  readonly sort?: SessionSort;
  readonly title: string;
}[] = [
  { label: 'Session', title: 'The temporary access key (ASIA…): open its story' },
  { label: 'Identity', title: 'userIdentity.arn of its events, and the user or session name' },
  { label: 'Issued by', title: 'The call that issued the key, and who made it' },
  { label: 'Start', sort: 'start', title: 'First event under the filter' },
  { label: 'Duration', sort: 'duration', title: 'First to last event under the filter' },
  { label: 'Events', sort: 'events', title: 'Events under the filter: opens them in the table' },
  { label: 'Errors', sort: 'errors', title: 'Events with an errorCode: opens them in the table' },
  { label: 'IPs', sort: 'ips', title: 'Distinct source IP addresses, the busiest first' },
  { label: 'Regions', sort: 'regions', title: 'Regions called, the busiest first' },
];

/**
 * The sessions under the current filter and time range, one row per temporary access key: each a
 * link to its story, each count a link to exactly those events in the table. Sorted by the
 * column the user picks (descending), in the engine, so the order holds over every session.
 */
export function SessionList(props: {
  readonly request: SearchRequest;
  readonly timeZone: 'utc' | 'local';
  readonly onOpen: (key: string) => void;
  readonly onQuery: (q: string) => void;
}) {
  const { request, timeZone, onOpen, onQuery } = props;
  const [sort, setSort] = useState<SessionSort>('start');
  const answer = useSessionList(request, sort);
  if (answer === undefined) return <p className="muted sessions-pad">Counting sessions…</p>;
  if ('error' in answer) return <p className="notice notice-error">{answer.error}</p>;
  return (
    <div className="sessions-list" data-testid="session-list" data-total={answer.total}>
      <p className="sessions-head">
        <strong>{formatCount(answer.total)}</strong> sessions · {formatCount(answer.sessionEvents)}{' '}
        of {formatCount(answer.rows)} events under the filter were signed with a temporary key
        {answer.sessions.length < answer.total
          ? ` · the first ${formatCount(answer.sessions.length)} shown`
          : ''}
        <span className="muted" title="Time the engine took to group the rows">
          {' '}
          · {answer.elapsedMs.toFixed(0)} ms
        </span>
      </p>
      {answer.total === 0 ? (
        <p className="muted sessions-pad">
          No event under the filter was signed with a temporary access key (ASIA…). Long-term keys
          (AKIA…) and events without a key are not sessions.
        </p>
      ) : (
        <div className="sessions-table-wrap">
          <table className="sessions-table">
            <thead>
              <tr>
                {COLUMNS.map((c) => (
                  <th
                    key={c.label}
                    scope="col"
                    title={c.title}
                    aria-sort={c.sort === sort ? 'descending' : undefined}
                  >
                    {c.sort === undefined ? (
                      c.label
                    ) : (
                      <button
                        type="button"
                        className="sessions-sort"
                        onClick={() => setSort(c.sort ?? 'start')}
                      >
                        {c.label}
                        {c.sort === sort ? ' ▾' : ''}
                      </button>
                    )}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {answer.sessions.map((s) => (
                <SessionRow
                  key={s.key}
                  session={s}
                  q={request.q}
                  timeZone={timeZone}
                  onOpen={onOpen}
                  onQuery={onQuery}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

function SessionRow(props: {
  readonly session: SessionSummary;
  readonly q: string;
  readonly timeZone: 'utc' | 'local';
  readonly onOpen: (key: string) => void;
  readonly onQuery: (q: string) => void;
}) {
  const { session: s, q, timeZone, onOpen, onQuery } = props;
  const events = sessionQuery(q, s.key);
  const errors = sessionQuery(q, s.key, true);
  return (
    <tr data-testid="session-row" data-key={s.key} data-events={s.events} data-errors={s.errors}>
      <td>
        <a
          href={`?view=sessions&session=${encodeURIComponent(s.key)}`}
          className="session-link mono"
          data-testid="session-open"
          onClick={(e) => {
            e.preventDefault();
            onOpen(s.key);
          }}
        >
          <LogText text={s.key} />
        </a>
      </td>
      <td className="sessions-identity" title={logTitle(s.arn)}>
        <LogText text={s.userName === '' ? s.arn : s.userName} max={80} />
        <span className="muted sessions-sub">
          {s.identityType} · <LogText text={s.account} />
          <AccountName id={s.account} />
        </span>
      </td>
      <td className="sessions-identity">
        {s.issuer === undefined ? (
          <span className="muted" title="The call that issued this key is not in the case">
            outside the case
          </span>
        ) : (
          <>
            <LogText text={s.issuer.eventName} />
            <span className="muted sessions-sub" title={logTitle(s.issuer.arn)}>
              by{' '}
              <LogText
                text={s.issuer.userName === '' ? s.issuer.arn : s.issuer.userName}
                max={60}
              />
            </span>
          </>
        )}
      </td>
      <td className="mono nowrap">{formatTime(s.start, timeZone)}</td>
      <td className="nowrap">{formatDuration(s.durationMs)}</td>
      <td className="num">
        <a
          href={`?q=${encodeURIComponent(events)}`}
          data-testid="session-events"
          data-q={events}
          onClick={(e) => {
            e.preventDefault();
            onQuery(events);
          }}
        >
          {formatCount(s.events)}
        </a>
      </td>
      <td className="num">
        {s.errors === 0 ? (
          <span className="muted">0</span>
        ) : (
          <a
            href={`?q=${encodeURIComponent(errors)}`}
            data-testid="session-errors"
            data-q={errors}
            onClick={(e) => {
              e.preventDefault();
              onQuery(errors);
            }}
          >
            {formatCount(s.errors)}
          </a>
        )}
      </td>
      <td className="sessions-ips">
        <span className="num-inline">{formatCount(s.ips)}</span>{' '}
        {s.topIps.map((ip) => (
          <span key={ip.value} className="sessions-chip mono" title={countOf(ip.events, 'event')}>
            <LogText text={ip.value} max={40} /> <IpOrigin ip={ip.value} compact />
          </span>
        ))}
      </td>
      <td className="sessions-regions">
        {s.regions.slice(0, 3).map((r) => (
          <span key={r.value} className="sessions-chip mono" title={countOf(r.events, 'event')}>
            <LogText text={r.value} />
          </span>
        ))}
        {s.regions.length > 3 ? <span className="muted"> +{s.regions.length - 3}</span> : null}
      </td>
    </tr>
  );
}
