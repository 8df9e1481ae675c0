import { useIpDatabases, useIpOrigin } from '../../data/ipOriginQueries';
import type { IpDatabaseView } from '../../data/ipOriginQueries';
import { LogText } from '../common/LogText';
import { countryName, KIND_TEXT } from './originText';

/** DB-IP's licence asks for this link wherever its data is shown (data/ip/README.md). */
const DBIP = 'https://db-ip.com/';

/**
 * The detail pane's account of where an event's source IP comes from: country (with city when the
 * user's database has it), then ASN and organisation, then one small line naming the database
 * each came from, its date and its credit, as the databases' licences ask. Non-public values say
 * what they are instead.
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
        {origin.kind === 'private' ? ' (not routed on the internet: no country or ASN)' : ''}
      </span>
    );
  }
  const from = (role: string | undefined) => databases?.find((d) => d.role === role);
  const countryDb = from(origin.countryFrom);
  const asnDb = from(origin.asnFrom);
  const place =
    origin.country === ''
      ? 'Country unknown'
      : `${origin.city === '' ? '' : `${origin.city}, `}${countryName(origin.country)} (${origin.country})`;
  return (
    <span className="ip-origin-facts" data-testid="ip-origin-facts" data-kind={origin.kind}>
      <LogText text={place} max={200} />
      <br />
      {origin.asn === 0 ? (
        'ASN unknown'
      ) : (
        <>
          AS{origin.asn} <LogText text={origin.org} max={200} />
        </>
      )}
      <br />
      <small className="muted">
        <Source label="country" db={countryDb} />
        {countryDb !== undefined && asnDb !== undefined ? '; ' : ''}
        <Source label="ASN" db={asnDb} />
        {asnDb?.role === 'bundled-asn' ? (
          <>
            {' · '}
            <a href={DBIP} target="_blank" rel="noreferrer noopener">
              IP Geolocation by DB-IP
            </a>
          </>
        ) : null}
      </small>
    </span>
  );
}

function Source(props: { readonly label: string; readonly db: IpDatabaseView | undefined }) {
  const { db } = props;
  if (db === undefined) return null;
  return (
    <span title={db.credit}>
      {props.label}: <LogText text={db.short} max={120} />
      {db.date === '' ? '' : `, ${db.date}`}
    </span>
  );
}
