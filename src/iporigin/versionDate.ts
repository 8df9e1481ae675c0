/**
 * The date of an @ip-location-db package version (`2.3.2026061719`: the last part is the build's
 * YYYYMMDDHH), as YYYY-MM-DD; '' when the version is not of that form.
 * @see https://www.npmjs.com/package/@ip-location-db/asn?activeTab=versions
 */
export function versionDate(version: string): string {
  const m = /\.(\d{4})(\d{2})(\d{2})\d{2}$/.exec(version);
  return m === null ? '' : `${m[1]}-${m[2]}-${m[3]}`;
}
