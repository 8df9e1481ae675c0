/**
 * A valid BCP 47 language tag for what a browser reports as its language, for libraries that hand
 * `navigator.language` to `Intl` and throw RangeError on a tag it rejects. WebKitGTK passes the
 * process locale through: `C` under `LANG=C`, `en-US@posix` on some Linux systems
 * (https://github.com/leeoniya/uPlot/issues/1053). A POSIX locale name is salvaged
 * (`en_GB.UTF-8@euro` → `en-GB`); what cannot be becomes `fallback`.
 * @param tag what the browser reports, e.g. `navigator.language`
 * @param fallback returned when `tag` names no language (`C`, `POSIX`, empty)
 * @returns the canonical tag (`Intl.getCanonicalLocales`), e.g. `en-US`
 * @see https://tc39.es/ecma402/#sec-intl.getcanonicallocales
 */
export function validLanguageTag(tag: string, fallback = 'en-US'): string {
  for (const candidate of [tag, tag.replace(/[.@].*$/, '').replaceAll('_', '-')]) {
    try {
      const [canonical] = Intl.getCanonicalLocales(candidate);
      if (canonical !== undefined) return canonical;
    } catch {
      // RangeError: not a language tag; try the next reading.
    }
  }
  return fallback;
}
