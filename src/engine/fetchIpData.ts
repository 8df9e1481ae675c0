import { gunzip, isGzip } from '../lib/gunzip';
import type { IpDataSource } from './IpOriginService';

/** The bundled files, relative to the app's folder (scripts/ipDataPlugin.ts writes them). */
const FILES = { country: 'ip/country.mmdb.gz', asn: 'ip/asn.bin.gz' } as const;

/**
 * Fetches the bundled IP databases from the app's own origin (the service worker precaches them,
 * so this works offline) and inflates them. The built engine worker lives in `assets/`, so the
 * app's folder is one up from it; the dev server serves them from its root.
 * @throws Error naming the file that could not be fetched.
 */
export function fetchIpData(workerUrl: string, dev: boolean): IpDataSource {
  const base = dev ? new URL('/', workerUrl) : new URL('../', workerUrl);
  const one = async (path: string): Promise<Uint8Array> => {
    const response = await fetch(new URL(path, base));
    if (!response.ok) throw new Error(`IP data ${path}: HTTP ${response.status}`);
    const bytes = new Uint8Array(await response.arrayBuffer());
    // A server may already have inflated it (Content-Encoding: gzip).
    return isGzip(bytes) ? (await gunzip(bytes)).bytes : bytes;
  };
  return async () => {
    const [country, asn] = await Promise.all([one(FILES.country), one(FILES.asn)]);
    return { country, asn };
  };
}
