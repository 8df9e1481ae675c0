import { useQuery } from '@tanstack/react-query';
import { credentialChainQuery } from '../../data/datasetQueries';
import type { CredentialLink } from '../../data/types';
import { formatCount } from '../common/formatCount';
import { formatTime, zoneLabel } from '../common/formatTime';
import { LogText } from '../common/LogText';
import { usePrefs } from '../prefs/usePrefs';
import { quoteValue } from '../search-bar/tokenAtCursor';

/**
 * "Who really did this": the temporary key that signed the event, traced back through the events
 * that issued it (AssumeRole, GetSessionToken…) to a long-term identity, across accounts. Each hop
 * can be opened; a key the event itself issued links to every event signed with it.
 */
export function CredentialChainView(props: {
  readonly row: number;
  readonly onQuery: (q: string) => void;
}) {
  const { row, onQuery } = props;
  const chain = useQuery(credentialChainQuery(row)).data ?? undefined;
  if (chain === undefined) return null;
  const { links, issued, incomplete, signedWith, sourceIdentity } = chain;
  if (links.length === 0 && issued === undefined && !incomplete && sourceIdentity === undefined) {
    return null;
  }
  return (
    <section className="detail-section chain" aria-label="Credential chain">
      <h3>Credential chain</h3>
      <ol className="chain-list">
        <li>
          <span className="muted">This event, signed with </span>
          <code>
            <LogText text={signedWith === '' ? '(no access key)' : signedWith} />
          </code>
          {sourceIdentity === undefined ? null : (
            <span>
              {' '}
              · source identity{' '}
              <strong>
                <LogText text={sourceIdentity} />
              </strong>
            </span>
          )}
        </li>
        {links.map((link) => (
          <ChainLink key={link.row} link={link} onQuery={onQuery} />
        ))}
        {incomplete ? (
          <li className="muted">
            The key at the end of this chain was issued by an event that is not in these files.
          </li>
        ) : null}
      </ol>
      {issued === undefined ? null : (
        <p className="chain-issued">
          This event issued{' '}
          <code>
            <LogText text={issued.key} />
          </code>
          :{' '}
          <button
            type="button"
            className="btn btn-small"
            data-pivot="Signed with issued key"
            onClick={() => onQuery(`accessKeyId:${quoteValue(issued.key)}`)}
          >
            {formatCount(issued.signedEvents)} events signed with it
          </button>
        </p>
      )}
    </section>
  );
}

function ChainLink(props: {
  readonly link: CredentialLink;
  readonly onQuery: (q: string) => void;
}) {
  const { link, onQuery } = props;
  const { timeZone } = usePrefs();
  return (
    <li className="chain-link">
      <div>
        <span aria-hidden="true">↑ </span>
        issued by{' '}
        <strong>
          <LogText text={link.eventName} />
        </strong>{' '}
        <span className="muted mono">
          {formatTime(link.eventTime, timeZone)} {zoneLabel(timeZone, link.eventTime)}
        </span>{' '}
        <button
          type="button"
          className="btn btn-small"
          onClick={() => onQuery(`eventID:${quoteValue(link.eventID)}`)}
        >
          Show
        </button>
      </div>
      <div className="chain-detail">
        by <LogText text={link.userName === '' ? '(unknown)' : link.userName} />
        <span className="muted">
          {' '}
          ({link.identityType === '' ? 'no identity type' : link.identityType})
        </span>
        {link.accessKeyId === '' ? null : (
          <>
            {' '}
            with{' '}
            <code>
              <LogText text={link.accessKeyId} />
            </code>
          </>
        )}
        {link.recipientAccountId === '' ? null : (
          <span className="muted"> · account {link.recipientAccountId}</span>
        )}
      </div>
      {link.roleArn === undefined ? null : (
        <div className="chain-detail">
          role{' '}
          <code className="wrap">
            <LogText text={link.roleArn} />
          </code>
          {link.roleSessionName === undefined ? null : (
            <>
              {' '}
              · session <LogText text={link.roleSessionName} />
            </>
          )}
        </div>
      )}
      {link.sourceIdentity === undefined ? null : (
        <div className="chain-detail">
          source identity{' '}
          <strong>
            <LogText text={link.sourceIdentity} />
          </strong>
        </div>
      )}
    </li>
  );
}
