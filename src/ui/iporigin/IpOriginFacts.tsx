import { useIpDatabases, useIpOrigin } from '../../data/ipOriginQueries';
import type { IpDatabaseView } from '../../data/ipOriginQueries';
import { LogText } from '../common/LogText';
import { countryName, KIND_TEXT } from './originText';

/**
 * The detail pane's account of where an event's source IP comes from: country (with city when the
 * user's database has it), ASN and organisation, each with the database it came from, its date
 * and its credit, as the databases' licences ask. Non-public values say what they are instead.
 */
export function IpOriginFacts(props: { readonly ip: string }) {
  const origin = useIpOrigin(props.ip);
  const { databases } = useIpDatabases();
  if (origin === undefined) return <span className="muted">…</span>;
  const kind = KIND_TEXT[origin.kind];
  if (kind !== undefined) {
    return (
      <span data-testid="ip-origin-facts" data-kind={origin.kind}>
        {kind}
        {origin.kind === 'private' ? ' (not routed on the internet: no country)' : ''}
      </span>
    );
  }
  const from = (role: string | undefined) => databases?.find((d) => d.role === role);
  const place =
    origin.country === ''
      ? 'country unknown'
      : `${origin.city === '' ? '' : `${origin.city}, `}${countryName(origin.country)} (${origin.country})`;
  return (
    <span className="ip-origin-facts" data-testid="ip-origin-facts" data-kind={origin.kind}>
      <span>
        <LogText text={place} max={200} />
        <Credit db={from(origin.countryFrom)} />
      </span>
      <br />
      <span>
        {origin.asn === 0 ? (
          'ASN unknown'
        ) : (
          <>
            AS{origin.asn} <LogText text={origin.org} max={200} />
          </>
        )}
        <Credit db={from(origin.asnFrom)} />
      </span>
    </span>
  );
}

function Credit(props: { readonly db: IpDatabaseView | undefined }) {
  const { db } = props;
  if (db === undefined) return null;
  return (
    <small className="muted ip-origin-credit" title={db.credit}>
      {' '}
      · <LogText text={db.role === 'user' ? db.name : db.credit} max={160} />
      {db.date === '' ? '' : `, ${db.date}`}
      {db.links.map((href) => (
        <span key={href}>
          {' '}
          <a href={href} target="_blank" rel="noreferrer noopener">
            {new URL(href).hostname}
          </a>
        </span>
      ))}
    </small>
  );
}
