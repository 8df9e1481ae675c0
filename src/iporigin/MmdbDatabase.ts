import './bufferGlobal';
import { Buffer } from 'buffer';
import { Reader } from 'mmdb-lib';
import { isObject } from '../lib/isObject';

/** The fields Cairn reads from an `.mmdb` record; absent when the database has none. */
export interface MmdbAnswer {
  readonly country?: string;
  readonly city?: string;
  readonly asn?: number;
  readonly org?: string;
}

/**
 * A MaxMind DB file read with mmdb-lib: ip-location-db's country databases (`country_code`),
 * GeoLite2/GeoIP2 Country and City (`country.iso_code`, `city.names.en`) and ASN
 * (`autonomous_system_number`, `autonomous_system_organization`). Every value read is checked: a
 * record of another shape gives nothing, never a throw.
 * @see https://maxmind.github.io/MaxMind-DB/
 */
export class MmdbDatabase {
  /** The database's build time, ms since epoch. */
  readonly builtMs: number;
  /** `database_type` from the metadata, such as `GeoLite2-City`. */
  readonly type: string;
  private readonly reader: Reader<Record<string, unknown>>;

  /** @throws Error with a readable message when `bytes` is not a MaxMind DB file. */
  constructor(bytes: Uint8Array) {
    try {
      this.reader = new Reader(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    } catch (e) {
      throw new Error(
        `Not a MaxMind DB (.mmdb) file: ${e instanceof Error ? e.message : String(e)}`,
        { cause: e },
      );
    }
    this.builtMs = this.reader.metadata.buildEpoch.getTime();
    this.type = this.reader.metadata.databaseType;
  }

  /** What the database says of `ip` (an address as text), or {} when nothing. */
  lookup(ip: string): MmdbAnswer {
    let record: unknown;
    try {
      record = this.reader.get(ip);
    } catch {
      return {};
    }
    if (!isObject(record)) return {};
    const out: { country?: string; city?: string; asn?: number; org?: string } = {};
    const code = stringAt(record, ['country_code']) ?? stringAt(record, ['country', 'iso_code']);
    if (code !== undefined && /^[A-Za-z]{2}$/.test(code)) out.country = code.toUpperCase();
    const city = stringAt(record, ['city', 'names', 'en']);
    if (city !== undefined && city !== '') out.city = city;
    const asn = record.autonomous_system_number;
    if (typeof asn === 'number' && Number.isInteger(asn) && asn > 0) out.asn = asn;
    const org = stringAt(record, ['autonomous_system_organization']);
    if (org !== undefined && org !== '') out.org = org;
    return out;
  }

  /** Which fields the database answers, judged from one address's record per family. */
  fields(): ('country' | 'city' | 'asn' | 'org')[] {
    const seen = new Set<'country' | 'city' | 'asn' | 'org'>();
    for (const ip of [
      '8.8.8.8',
      '1.1.1.1',
      '81.2.69.160',
      '2001:4860:4860::8888',
      '89.160.20.112',
    ]) {
      const a = this.lookup(ip);
      if (a.country !== undefined) seen.add('country');
      if (a.city !== undefined) seen.add('city');
      if (a.asn !== undefined) seen.add('asn');
      if (a.org !== undefined) seen.add('org');
    }
    return [...seen];
  }
}

function stringAt(record: Record<string, unknown>, path: readonly string[]): string | undefined {
  let at: unknown = record;
  for (const key of path) {
    if (!isObject(at)) return undefined;
    at = at[key];
  }
  return typeof at === 'string' ? at : undefined;
}
