import type { Plugin } from 'vite';
import { bundledIpData } from './ipData.ts';

/** Where the app fetches the bundled IP databases from, relative to its own folder. */
export const IP_DATA_FILES = { country: 'ip/country.mmdb.gz', asn: 'ip/asn.bin.gz' } as const;

/**
 * Ships the IP databases (scripts/ipData.ts) as two same-origin files under `ip/`: emitted into
 * dist/ by the build (the service worker precaches them, scripts/offlineServiceWorker.ts) and
 * served by the dev server. The engine fetches them only when an IP is first enriched.
 */
export function ipDataAssets(root: string = process.cwd()): Plugin {
  return {
    name: 'cairn-ip-data',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const path = (req.url ?? '').split('?')[0] ?? '';
        const which = path.endsWith(`/${IP_DATA_FILES.country}`)
          ? 'countryGz'
          : path.endsWith(`/${IP_DATA_FILES.asn}`)
            ? 'asnGz'
            : undefined;
        if (which === undefined) {
          next();
          return;
        }
        res.setHeader('Content-Type', 'application/octet-stream');
        res.end(bundledIpData(root)[which]);
      });
    },
    generateBundle() {
      const data = bundledIpData(root);
      this.emitFile({ type: 'asset', fileName: IP_DATA_FILES.country, source: data.countryGz });
      this.emitFile({ type: 'asset', fileName: IP_DATA_FILES.asn, source: data.asnGz });
    },
  };
}
