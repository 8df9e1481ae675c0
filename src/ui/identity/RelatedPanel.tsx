import { useState } from 'react';
import type { IdentityProfileView } from '../../data/identityQueries';
import { formatCount } from '../common/formatCount';
import { LogText } from '../common/LogText';
import { CountLink } from './CountLink';

type Related = IdentityProfileView['related']['rolesAssumed'][number];

type GroupKey = Exclude<keyof IdentityProfileView['related'], 'totals'>;

/** Identities listed per group before "Show all". */
const FIRST = 12;

const GROUPS: readonly {
  key: GroupKey;
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
  const [open, setOpen] = useState<ReadonlySet<GroupKey>>(new Set());
  return (
    <section
      className="profile-panel"
      data-testid="profile-related"
      aria-label="Related identities"
    >
      <h3>Related identities</h3>
      {GROUPS.map((g) => {
        const list: readonly Related[] = related[g.key];
        const total = related.totals[g.key];
        const all = open.has(g.key);
        return (
          <div key={g.key} className="profile-related-group">
            <h4>
              {g.title} <span className="muted">{formatCount(total)}</span>
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
                  {(all ? list : list.slice(0, FIRST)).map((r) => (
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
            {list.length > FIRST ? (
              <button
                type="button"
                className="btn btn-small"
                onClick={() => {
                  const next = new Set(open);
                  if (all) next.delete(g.key);
                  else next.add(g.key);
                  setOpen(next);
                }}
              >
                {all
                  ? 'Show fewer'
                  : `Show ${total > list.length ? 'the first' : 'all'} ${formatCount(list.length)}`}
              </button>
            ) : null}
            {all && total > list.length ? (
              <p className="muted profile-more">
                {formatCount(total - list.length)} more with fewer events not listed
              </p>
            ) : null}
          </div>
        );
      })}
    </section>
  );
}
