import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { packAsnTable } from '../src/iporigin/packAsnTable.ts';
import { versionDate } from '../src/iporigin/versionDate.ts';

/** The bundled IP databases as the app fetches them (gzip), with the packages' versions. */
export interface BundledIpData {
  /** @ip-location-db/geo-whois-asn-country-mmdb's IPv4+IPv6 `.mmdb`, gzip. */
  readonly countryGz: Uint8Array;
  /** The compact ASN table (iporigin/asnTableFormat.ts) packed from @ip-location-db/asn, gzip. */
  readonly asnGz: Uint8Array;
  readonly countryVersion: string;
  readonly asnVersion: string;
}

const COUNTRY_PKG = 'node_modules/@ip-location-db/geo-whois-asn-country-mmdb';
const ASN_PKG = 'node_modules/@ip-location-db/asn';

function versionOf(root: string, pkg: string): string {
  const parsed: unknown = JSON.parse(readFileSync(join(root, pkg, 'package.json'), 'utf8'));
  const version =
    typeof parsed === 'object' && parsed !== null && 'version' in parsed ? parsed.version : '';
  if (typeof version !== 'string') throw new Error(`${pkg}/package.json has no version`);
  return version;
}

/**
 * Builds the bundled IP databases from the installed packages: packing the ASN CSVs (≈33 MB of
 * text) takes seconds, so the result is cached in node_modules/.cache/cairn-ip by package version.
 * @throws Error when a package is missing or its CSV is not of the expected form.
 */
export function bundledIpData(root: string = process.cwd()): BundledIpData {
  const countryVersion = versionOf(root, COUNTRY_PKG);
  const asnVersion = versionOf(root, ASN_PKG);
  const cache = join(root, 'node_modules/.cache/cairn-ip');
  const asnFile = join(cache, `asn-${asnVersion}.bin.gz`);
  const countryFile = join(cache, `country-${countryVersion}.mmdb.gz`);
  if (!existsSync(asnFile) || !existsSync(countryFile)) {
    mkdirSync(cache, { recursive: true });
    const asn = packAsnTable(
      readFileSync(join(root, ASN_PKG, 'asn-ipv4-num.csv'), 'utf8'),
      readFileSync(join(root, ASN_PKG, 'asn-ipv6-num.csv'), 'utf8'),
      versionDate(asnVersion),
    );
    writeFileSync(asnFile, gzipSync(asn, { level: 9 }));
    const country = readFileSync(join(root, COUNTRY_PKG, 'geo-whois-asn-country.mmdb'));
    writeFileSync(countryFile, gzipSync(country, { level: 9 }));
  }
  return {
    countryGz: readFileSync(countryFile),
    asnGz: readFileSync(asnFile),
    countryVersion,
    asnVersion,
  };
}
