/**
 * True for Safari (macOS and iOS) and other WebKit browsers without a Chromium, Firefox or Edge
 * engine name in their user agent: those apply WebKit's 7-day cap on script-writable storage, which
 * deletes IndexedDB for a site not visited in 7 days of browser use.
 * @see https://webkit.org/blog/10218/full-third-party-cookie-blocking-and-more/
 */
export function isSafari(userAgent: string): boolean {
  if (!/AppleWebKit\//.test(userAgent)) return false;
  return !/(Chrome|Chromium|CriOS|Edg|EdgiOS|Firefox|FxiOS|OPR|SamsungBrowser)\//.test(userAgent);
}
