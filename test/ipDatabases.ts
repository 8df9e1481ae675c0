import { gunzipSync } from 'node:zlib';
import { AsnTable } from '../src/iporigin/AsnTable';
import type { IpDatabases } from '../src/iporigin/IpOriginTable';
import { MmdbDatabase } from '../src/iporigin/MmdbDatabase';
import { bundledIpData } from '../scripts/ipData';

let cached: { country: Uint8Array; asn: Uint8Array } | undefined;

/** The bundled databases' bytes, inflated, as the engine gets them (built once per test run). */
export function bundledIpBytes(): { country: Uint8Array; asn: Uint8Array } {
  if (cached === undefined) {
    const data = bundledIpData();
    cached = {
      country: new Uint8Array(gunzipSync(data.countryGz)),
      asn: new Uint8Array(gunzipSync(data.asnGz)),
    };
  }
  return cached;
}

/** The bundled databases, read; no user database. */
export function bundledIpDatabases(): IpDatabases {
  const bytes = bundledIpBytes();
  return {
    country: new MmdbDatabase(bytes.country),
    asn: new AsnTable(bytes.asn),
    user: undefined,
  };
}
