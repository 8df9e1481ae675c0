import type { AsnTable } from './AsnTable';
import { classifySourceIp } from './classifySourceIp';
import type { MmdbDatabase } from './MmdbDatabase';
import type { IpAddress } from '../querylang/ipAddress';
import type { IpKind, IpOrigin, IpOriginField } from './types';

/** The databases an IpOriginTable looks addresses up in; any may be missing. */
export interface IpDatabases {
  /** The bundled country database (ip-location-db geo-whois-asn-country). */
  readonly country: MmdbDatabase | undefined;
  /** The bundled ASN table (ip-location-db asn). */
  readonly asn: AsnTable | undefined;
  /** The user's own `.mmdb`, preferred for the fields it has. */
  readonly user: MmdbDatabase | undefined;
}

/** Anything with the sourceIPAddress dictionary's shape: values by code, codes 0…size-1. */
export interface CodedValues {
  readonly size: number;
  get(code: number): string;
}

/**
 * The query and facet value of `field` for an origin: the country code, the ASN or the organisation
 * of a public address ('unknown' when no database has it), else a word for the kind: `private`,
 * `aws` (a service name or AWS Internal), `none` (empty), `invalid` (not an address).
 * docs/query-language.md lists them.
 */
export function originValue(origin: IpOrigin, field: IpOriginField): string {
  const special = SPECIAL[origin.kind];
  if (special !== undefined) return special;
  const value =
    field === 'country' ? origin.country : field === 'asn' ? asnText(origin.asn) : origin.org;
  return value === '' ? 'unknown' : value;
}

const SPECIAL: Readonly<Record<IpKind, string | undefined>> = {
  public4: undefined,
  public6: undefined,
  private: 'private',
  service: 'aws',
  internal: 'aws',
  empty: 'none',
  malformed: 'invalid',
};

const asnText = (asn: number) => (asn === 0 ? '' : String(asn));

/**
 * Where each value of the sourceIPAddress column comes from, computed once per dictionary code (a
 * distinct value, not a row) and kept as the dictionary grows: `update` enriches only the codes
 * added since the last call. Objects are made per distinct value, never per row.
 */
export class IpOriginTable {
  private readonly dbs: IpDatabases;
  private readonly origins: IpOrigin[] = [];
  private readonly userFields: ReadonlySet<string>;

  constructor(dbs: IpDatabases) {
    this.dbs = dbs;
    this.userFields = new Set(dbs.user?.fields() ?? []);
  }

  /** Codes enriched so far. */
  get size(): number {
    return this.origins.length;
  }

  /** Enriches the codes of `values` not enriched yet; returns how many it added. */
  update(values: CodedValues): number {
    const from = this.origins.length;
    for (let code = from; code < values.size; code++)
      this.origins.push(this.lookup(values.get(code)));
    return values.size - from;
  }

  /** The origin of code `code` (call update first); an empty value's when out of range. */
  origin(code: number): IpOrigin {
    return this.origins[code] ?? EMPTY;
  }

  /** originValue of code `code`. */
  value(code: number, field: IpOriginField): string {
    return originValue(this.origin(code), field);
  }

  /** Where one value comes from, looked up now (not cached). */
  lookup(value: string): IpOrigin {
    const { kind, ip } = classifySourceIp(value);
    if (ip === undefined || (kind !== 'public4' && kind !== 'public6')) {
      return { ...EMPTY, kind };
    }
    const text = ipText(ip, value);
    const user = this.dbs.user?.lookup(text) ?? {};
    const useUserCountry = this.userFields.has('country');
    const useUserAsn = this.userFields.has('asn');
    const country = useUserCountry ? user.country : this.dbs.country?.lookup(text).country;
    const asnHit = useUserAsn
      ? user.asn === undefined
        ? undefined
        : { asn: user.asn, org: user.org ?? '' }
      : this.dbs.asn?.lookup(ip);
    return {
      kind,
      country: country ?? '',
      asn: asnHit?.asn ?? 0,
      org: asnHit?.org ?? '',
      city: user.city ?? '',
      countryFrom: country === undefined ? undefined : useUserCountry ? 'user' : 'bundled-country',
      asnFrom: asnHit === undefined ? undefined : useUserAsn ? 'user' : 'bundled-asn',
    };
  }
}

const EMPTY: IpOrigin = {
  kind: 'empty',
  country: '',
  asn: 0,
  org: '',
  city: '',
  countryFrom: undefined,
  asnFrom: undefined,
};

// mmdb-lib reads the text; an IPv4-mapped address is looked up as the IPv4 address it carries.
function ipText(ip: IpAddress, original: string): string {
  return ip.v === 4 ? Array.from(ip.bytes).join('.') : original.trim();
}
