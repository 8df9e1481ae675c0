import { VitePWA } from 'vite-plugin-pwa';
import type { PluginOption } from 'vite';

/**
 * The build-time service worker that lets Cairn open and work with no network after one visit:
 * vite-plugin-pwa (Workbox `generateSW`) writes `dist/sw.js` with a precache list of every built file —
 * the page, its scripts and styles, the ingest and parse workers, the icon, the web app manifest and the
 * bundled sample under `sample/` (so "Load sample data" works offline). Source maps are left out.
 *
 * Everything is relative to the service worker's own URL, so dist/ keeps working under any path prefix.
 * The plugin injects no registration script (the CSP allows no inline script): src/app/registerServiceWorker.ts
 * registers `./sw.js` from the app bundle, in production builds only.
 *
 * Updates: a new version's worker installs in the background and waits until every Cairn tab is closed
 * (no skipWaiting), so a tab in the middle of an ingest never has its scripts swapped under it. Only the
 * very first worker claims the open page at once, so the first visit is already available offline.
 */
export function offlineServiceWorker(): PluginOption {
  return VitePWA({
    injectRegister: null,
    registerType: 'prompt',
    filename: 'sw.js',
    manifestFilename: 'manifest.webmanifest',
    // globPatterns below already precache the icon and the manifest.
    includeManifestIcons: false,
    manifest: {
      name: 'Cairn · CloudTrail Event history',
      short_name: 'Cairn',
      description:
        'Read AWS CloudTrail logs in your browser: drop files, browse Event history, nothing leaves the machine.',
      display: 'standalone',
      background_color: '#ffffff',
      theme_color: '#3b5b7a',
      icons: [{ src: 'favicon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' }],
    },
    workbox: {
      globPatterns: ['**/*.{html,js,css,svg,json,gz}', 'sample/LICENSE-*'],
      globIgnores: ['**/*.map'],
      // The sample's .json.gz files and the main bundle are precached whole; the default 2 MiB cap would
      // silently leave a large file out and break offline use.
      maximumFileSizeToCacheInBytes: 16 * 1024 * 1024,
      // Every navigation (for example `./?q=eventName:ConsoleLogin`) opens the precached app shell.
      navigateFallback: 'index.html',
      navigateFallbackDenylist: [/\/sample\//],
      clientsClaim: true,
      skipWaiting: false,
      cleanupOutdatedCaches: true,
      sourcemap: false,
    },
  });
}
