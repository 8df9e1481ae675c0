/**
 * What a `sourceIPAddress` value is. CloudTrail logs an IPv4 or IPv6 address for calls from outside
 * AWS, the service's DNS name (`ec2.amazonaws.com`) when a service called on the caller's behalf, and
 * `AWS Internal` for some calls made inside AWS; some records have none.
 * @see https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-record-contents.html
 */
export type IpKind =
  'public4' | 'public6' | 'private' | 'service' | 'internal' | 'empty' | 'malformed';

/** Which database answered a field: the bundled one or the user's own `.mmdb`. */
export type IpDatabaseRole = 'bundled-country' | 'bundled-asn' | 'user';

/**
 * Where one `sourceIPAddress` value comes from. Unknown parts are '' (country, org, city) or 0 (asn):
 * a public address outside every range, or any address that is not public.
 */
export interface IpOrigin {
  readonly kind: IpKind;
  /** ISO 3166-1 alpha-2, upper case; '' when unknown or not public. */
  readonly country: string;
  /** Autonomous system number; 0 when unknown. */
  readonly asn: number;
  /** The autonomous system's organisation. */
  readonly org: string;
  /** Only from a user's `.mmdb` that has cities (GeoLite2 City); else ''. */
  readonly city: string;
  /** The database that gave the country (and city), or undefined when none did. */
  readonly countryFrom: IpDatabaseRole | undefined;
  /** The database that gave the ASN and organisation, or undefined when none did. */
  readonly asnFrom: IpDatabaseRole | undefined;
}

/** One database in use, for the About text, the detail pane and exports. */
export interface IpDatabaseInfo {
  readonly role: IpDatabaseRole;
  /** A human name: the package, or the user's file name. */
  readonly name: string;
  /** The database's date: the mmdb build epoch, or the package version's date, as YYYY-MM-DD. */
  readonly date: string;
  /** Who to credit, as shown (plain text). */
  readonly credit: string;
  /** The credit in a few words, for beside a value (the detail pane). */
  readonly short: string;
  /** Links for the credit (shown as links, never fetched). */
  readonly links: readonly string[];
  /** What it answers. */
  readonly fields: readonly ('country' | 'city' | 'asn' | 'org')[];
}

export type { IpOriginField } from '../querylang/fields';
