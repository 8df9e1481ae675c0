import type { IpDatabases } from './IpOriginTable';
import type { MmdbDatabase } from './MmdbDatabase';
import type { IpDatabaseInfo } from './types';

/** The bundled databases' npm packages (data/ip/README.md). */
export const COUNTRY_PACKAGE = '@ip-location-db/geo-whois-asn-country-mmdb';
export const ASN_PACKAGE = '@ip-location-db/asn';

const day = (ms: number) => (Number.isFinite(ms) ? new Date(ms).toISOString().slice(0, 10) : '');

/**
 * The credits of the bundled databases that loaded, as their licences ask (data/ip/README.md):
 * country from ip-location-db (CC0) built on NRO data (CC BY 4.0); ASN from RouteViews, DB-IP and
 * the NRO (CC BY 4.0), with DB-IP's requested link.
 * @see https://db-ip.com/db/download/ip-to-asn-lite
 */
export function bundledCredits(dbs: Pick<IpDatabases, 'country' | 'asn'>): IpDatabaseInfo[] {
  const out: IpDatabaseInfo[] = [];
  if (dbs.country !== undefined) {
    out.push({
      role: 'bundled-country',
      name: COUNTRY_PACKAGE,
      date: day(dbs.country.builtMs),
      credit: 'Country: ip-location-db geo-whois-asn-country (CC0), from NRO data (CC BY 4.0)',
      short: 'ip-location-db (CC0; NRO data, CC BY 4.0)',
      links: ['https://github.com/sapics/ip-location-db', 'https://www.nro.net/'],
      fields: ['country'],
    });
  }
  if (dbs.asn !== undefined) {
    out.push({
      role: 'bundled-asn',
      name: ASN_PACKAGE,
      date: dbs.asn.date,
      credit:
        'ASN and organisation: ip-location-db asn, from RouteViews, DB-IP (IP Geolocation by DB-IP) and NRO data (CC BY 4.0)',
      short: 'RouteViews, DB-IP, NRO via ip-location-db (CC BY 4.0)',
      links: ['https://www.routeviews.org/', 'https://db-ip.com/', 'https://www.nro.net/'],
      fields: ['asn', 'org'],
    });
  }
  return out;
}

/** The credit line of the user's own `.mmdb`: its name, type and build date. */
export function userCredit(name: string, db: MmdbDatabase): IpDatabaseInfo {
  return {
    role: 'user',
    name,
    date: day(db.builtMs),
    credit: `Your database: ${name} (${db.type}); see its own licence`,
    short: `your ${name}`,
    links: [],
    fields: db.fields(),
  };
}
