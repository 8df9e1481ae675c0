import { useIdentityProfile } from '../../data/identityQueries';
import { AccountName } from '../accounts/AccountName';
import { formatCount } from '../common/formatCount';
import { formatTime } from '../common/formatTime';
import { LogText } from '../common/LogText';
import { ActivityBars } from './ActivityBars';
import { CountLink } from './CountLink';
import { DetectionsPanel } from './DetectionsPanel';
import { IpPlace } from './IpPlace';
import { PersistencePanel } from './PersistencePanel';
import { RelatedPanel } from './RelatedPanel';
import { ServicesPanel } from './ServicesPanel';
import { SessionsPanel } from './SessionsPanel';
import { ValueTable } from './ValueTable';

/** What a profile column does when a link is followed. */
export interface ProfileActions {
  /** Shows events `q` in the table (all time). */
  readonly onEvents: (q: string) => void;
  /** Shows events `q` with one selected. */
  readonly onEvent: (q: string, eventID: string) => void;
  readonly onOpen: (identity: string) => void;
  readonly onCompare: (identity: string) => void;
  readonly onSession: (key: string) => void;
  readonly onRemove: (identity: string) => void;
}

const KIND_LABEL = {
  arn: 'identity ARN',
  role: 'role (and its sessions)',
  principalId: 'principal ID',
  accessKeyId: 'access key',
  userName: 'user name',
} as const;

/**
 * One identity's profile over the whole case, panels in a fixed order so that columns compared
 * side by side line up: summary and activity, APIs by service, source IPs, user agents, Regions,
 * accounts, access keys, sessions, related identities, persistence calls, detection hits.
 */
export function IdentityProfile(props: {
  readonly value: string;
  readonly baseline: number | undefined;
  readonly timeZone: 'utc' | 'local';
  readonly actions: ProfileActions;
  readonly removable: boolean;
}) {
  const { value, baseline, timeZone, actions } = props;
  const { data: p, isError } = useIdentityProfile(value, baseline);
  const { onEvents } = actions;
  return (
    <article
      className="identity-profile"
      data-testid="identity-profile"
      data-identity={value}
      aria-label={`Profile of ${value}`}
    >
      <header className="profile-head">
        <h2 className="profile-name">
          <LogText text={value} max={200} />
        </h2>
        {props.removable ? (
          <button type="button" className="btn btn-small" onClick={() => actions.onRemove(value)}>
            Close
          </button>
        ) : null}
      </header>
      {isError ? <p className="notice notice-error">The profile could not be computed.</p> : null}
      {p === undefined ? (
        <p className="muted">Reading the index…</p>
      ) : p.kind === undefined || p.events.count === 0 ? (
        <p className="muted" data-testid="profile-empty">
          No event names this identity (tried the identity ARN, principal ID, access key and user
          name).
        </p>
      ) : (
        <>
          <dl className="profile-summary">
            <dt>Matched as</dt>
            <dd>
              {KIND_LABEL[p.kind]}
              {p.identityTypes.length > 0
                ? `, ${p.identityTypes.map((t) => (t.value === '' ? '(no type)' : t.value)).join(', ')}`
                : ''}
            </dd>
            <dt>Events</dt>
            <dd>
              <CountLink count={p.events.count} q={p.events.q} onEvents={onEvents} />
              {' · errors '}
              <CountLink count={p.errors.count} q={p.errors.q} onEvents={onEvents} />
            </dd>
            <dt>First seen</dt>
            <dd className="mono">{formatTime(p.firstSeen ?? NaN, timeZone)}</dd>
            <dt>Last seen</dt>
            <dd className="mono">{formatTime(p.lastSeen ?? NaN, timeZone)}</dd>
            {p.arns.length > 1 || (p.arns[0] !== undefined && p.arns[0].value !== value) ? (
              <>
                <dt>ARNs</dt>
                <dd>{formatCount(p.arns.length)}</dd>
              </>
            ) : null}
          </dl>
          {p.histogram === undefined ? null : (
            <ActivityBars histogram={p.histogram} timeZone={timeZone} />
          )}
          <p className="muted profile-elapsed">
            Computed in {p.elapsedMs.toFixed(1)} ms from the index.
          </p>
          <div className="profile-panels">
            <ServicesPanel services={p.services} onEvents={onEvents} />
            <ValueTable
              title="Source IPs"
              testId="profile-ips"
              rows={p.sourceIps}
              timeZone={timeZone}
              onEvents={onEvents}
              extra={(r) => <IpPlace ip={r.value} />}
            />
            <ValueTable
              title="User agents"
              testId="profile-agents"
              rows={p.userAgents}
              timeZone={timeZone}
              onEvents={onEvents}
            />
            <ValueTable
              title="Regions"
              testId="profile-regions"
              rows={p.regions}
              timeZone={timeZone}
              onEvents={onEvents}
            />
            <ValueTable
              title="Accounts"
              testId="profile-accounts"
              rows={p.accounts}
              timeZone={timeZone}
              onEvents={onEvents}
              extra={(r) => <AccountName id={r.value} />}
            />
            <ValueTable
              title="Access keys"
              testId="profile-keys"
              rows={p.accessKeys}
              timeZone={timeZone}
              onEvents={onEvents}
              extra={(r) => <span className="profile-key-kind">{keyKind(r.value)}</span>}
            />
            {p.arns.length > 1 ? (
              <ValueTable
                title="ARNs"
                testId="profile-arns"
                rows={p.arns}
                timeZone={timeZone}
                onEvents={onEvents}
                action={(r) =>
                  r.value === '' ? null : (
                    <button
                      type="button"
                      className="btn btn-small"
                      onClick={() => actions.onOpen(r.value)}
                    >
                      Profile
                    </button>
                  )
                }
              />
            ) : null}
            <SessionsPanel
              sessions={p.sessions}
              timeZone={timeZone}
              onEvents={onEvents}
              onSession={actions.onSession}
            />
            <RelatedPanel
              related={p.related}
              onEvents={onEvents}
              onOpen={actions.onOpen}
              onCompare={actions.onCompare}
            />
            <PersistencePanel
              calls={p.persistence}
              timeZone={timeZone}
              onEvents={onEvents}
              onEvent={actions.onEvent}
            />
            <DetectionsPanel rules={p.detections} onEvents={onEvents} />
          </div>
        </>
      )}
    </article>
  );
}

function keyKind(key: string): string {
  return key.startsWith('AKIA') ? 'long-term' : key.startsWith('ASIA') ? 'temporary' : '';
}
