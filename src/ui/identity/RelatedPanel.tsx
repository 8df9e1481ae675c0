import type { IdentityProfileView } from '../../data/identityQueries';
import { formatCount } from '../common/formatCount';
import { LogText } from '../common/LogText';
import { CountLink } from './CountLink';

type Related = IdentityProfileView['related']['rolesAssumed'][number];

const GROUPS: readonly {
  key: keyof IdentityProfileView['related'];
  title: string;
  events: string;
}[] = [
  { key: 'rolesAssumed', title: 'Roles it assumed', events: 'its AssumeRole calls' },
  { key: 'assumedBy', title: 'Identities that assumed it', events: 'their AssumeRole calls' },
  { key: 'sharingIps', title: 'Sharing its source IPs', events: 'their events from those IPs' },
  { key: 'sharingKeys', title: 'Sharing its access keys', events: 'their events with those keys' },
];

/** Related identities, each opening its own profile, with the events that link them (links). */
export function RelatedPanel(props: {
  readonly related: IdentityProfileView['related'];
  readonly onEvents: (q: string) => void;
  readonly onOpen: (identity: string) => void;
  readonly onCompare: (identity: string) => void;
}) {
  const { related, onEvents, onOpen, onCompare } = props;
  return (
    <section
      className="profile-panel"
      data-testid="profile-related"
      aria-label="Related identities"
    >
      <h3>Related identities</h3>
      {GROUPS.map((g) => {
        const list: readonly Related[] = related[g.key];
        return (
          <div key={g.key} className="profile-related-group">
            <h4>
              {g.title} <span className="muted">{formatCount(list.length)}</span>
            </h4>
            {list.length === 0 ? (
              <p className="muted">None</p>
            ) : (
              <table className="profile-table profile-related-table">
                <thead>
                  <tr>
                    <th scope="col">Identity</th>
                    <th scope="col" className="num" title={`Events: ${g.events}`}>
                      Events
                    </th>
                    <th scope="col">
                      {g.key === 'sharingIps'
                        ? 'Shared IPs'
                        : g.key === 'sharingKeys'
                          ? 'Shared keys'
                          : 'Found by'}
                    </th>
                    <th scope="col">
                      <span className="visually-hidden">Compare</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {list.slice(0, 12).map((r) => (
                    <tr key={r.identity}>
                      <td className="profile-value">
                        <button
                          type="button"
                          className="link-button profile-identity-link"
                          title="Open its profile"
                          onClick={() => onOpen(r.identity)}
                        >
                          <LogText text={r.identity} max={160} />
                        </button>
                      </td>
                      <td className="num">
                        <CountLink
                          count={r.events.count}
                          q={r.events.q}
                          onEvents={onEvents}
                          label={g.events}
                        />
                      </td>
                      <td className="muted profile-via">
                        <LogText text={r.via.slice(0, 3).join(', ')} max={120} />
                        {r.via.length > 3 ? ` +${formatCount(r.via.length - 3)}` : ''}
                      </td>
                      <td>
                        <button
                          type="button"
                          className="btn btn-small"
                          onClick={() => onCompare(r.identity)}
                        >
                          Compare
                        </button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </div>
        );
      })}
    </section>
  );
}
