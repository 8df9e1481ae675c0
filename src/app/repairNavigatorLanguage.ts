import { validLanguageTag } from '../lib/validLanguageTag';

/**
 * Gives `navigator` a `language` that `Intl` accepts, when the browser reports one it does not.
 * uPlot 1.6.32 builds `new Intl.NumberFormat(navigator.language)` as it is imported, so in WebKitGTK
 * under `LANG=C` (language `C`) the RangeError stopped Cairn before its first render. Imported first
 * by main.tsx, so it runs before any library reads the value.
 */
export function repairNavigatorLanguage(nav: Navigator): void {
  const valid = validLanguageTag(nav.language);
  if (valid === nav.language) return;
  Object.defineProperty(nav, 'language', { value: valid, configurable: true });
}

repairNavigatorLanguage(navigator);
