/**
 * Registers the precaching service worker (`sw.js`, written by the build: scripts/offlineServiceWorker.ts)
 * so that, after one visit, Cairn opens and works with no network. Production builds only: the dev server
 * has no `sw.js`, and a worker left over from a build would serve stale files during development.
 *
 * The URL is relative to the page, so the worker's scope is the folder dist/ is served from, whatever the
 * path prefix. A browser without service workers (or a page opened from file://) just runs online-only;
 * a failed registration is a warning, never an error, since the app itself works without it.
 */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  const register = (): void => {
    navigator.serviceWorker.register('./sw.js', { scope: './' }).catch((e: unknown) => {
      console.warn('Cairn: offline use is unavailable, the service worker did not register.', e);
    });
  };
  // After load, so precaching the app and the sample never competes with the first paint.
  if (document.readyState === 'complete') register();
  else window.addEventListener('load', register, { once: true });
}
