import { useId, useState } from 'react';
import { useTopIdentities } from '../../data/identityQueries';
import { formatCount } from '../common/formatCount';
import { formatTime } from '../common/formatTime';
import { LogText } from '../common/LogText';
import { CountLink } from './CountLink';

/**
 * Picks an identity to profile: the case's top identities (AWS service principals left out unless
 * asked for), or any value typed (user name, ARN, role ARN, access key, principal ID).
 */
export function IdentityPicker(props: {
  readonly title: string;
  readonly timeZone: 'utc' | 'local';
  readonly onPick: (identity: string) => void;
  readonly onEvents: (q: string) => void;
  readonly limit?: number;
}) {
  const { onPick, onEvents, timeZone } = props;
  const [services, setServices] = useState(false);
  const [typed, setTyped] = useState('');
  const top = useTopIdentities(props.limit ?? 15, services).data;
  const inputId = useId();
  return (
    <section className="identity-picker" data-testid="identity-picker" aria-label={props.title}>
      <h2>{props.title}</h2>
      <form
        className="identity-picker-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (typed.trim() !== '') onPick(typed.trim());
        }}
      >
        <label htmlFor={inputId}>User name, ARN, role ARN, access key or principal ID</label>
        <input
          id={inputId}
          className="identity-picker-input mono"
          value={typed}
          onChange={(e) => setTyped(e.target.value)}
          spellCheck={false}
          autoComplete="off"
        />
        <button type="submit" className="btn btn-primary" disabled={typed.trim() === ''}>
          Open profile
        </button>
      </form>
      <div className="identity-picker-head">
        <h3>Top identities</h3>
        <label>
          <input
            type="checkbox"
            checked={services}
            onChange={(e) => setServices(e.target.checked)}
          />{' '}
          Include AWS service principals
        </label>
        {top === undefined ? null : <span className="muted">in {top.elapsedMs.toFixed(1)} ms</span>}
      </div>
      <table className="profile-table identity-top">
        <thead>
          <tr>
            <th scope="col">Identity</th>
            <th scope="col">Type</th>
            <th scope="col" className="num">
              Events
            </th>
            <th scope="col">First</th>
            <th scope="col">Last</th>
          </tr>
        </thead>
        <tbody>
          {(top?.identities ?? []).map((t) => (
            <tr
              key={t.identity}
              data-testid="top-identity"
              data-identity={t.identity}
              data-type={t.identityType}
            >
              <td>
                <button type="button" className="link-button" onClick={() => onPick(t.identity)}>
                  <LogText text={t.identity} max={160} />
                </button>
              </td>
              <td>{t.identityType}</td>
              <td className="num">
                <CountLink count={t.events.count} q={t.events.q} onEvents={onEvents} />
              </td>
              <td className="mono profile-time">{formatTime(t.first, timeZone)}</td>
              <td className="mono profile-time">{formatTime(t.last, timeZone)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {top !== undefined && top.identities.length === 0 ? (
        <p className="muted">No identity in this case.</p>
      ) : null}
      {top === undefined ? null : (
        <p className="muted">{formatCount(top.identities.length)} shown</p>
      )}
    </section>
  );
}
