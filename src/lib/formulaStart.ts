/**
 * A cell a spreadsheet could run as a formula: it starts with `=` `+` `-` `@`, a tab, CR or LF, whatever
 * follows. papaparse's own `escapeFormulae: true` is `/^[=+\-@\t\r].*$/`, whose `.` stops at a line
 * break, so `=HYPERLINK(…)` followed by a newline went out raw; this one only looks at the first
 * character. papaparse prefixes a match with `'` and quotes it, as OWASP recommends.
 * @see https://github.com/mholt/PapaParse/pull/1149
 * @see https://owasp.org/www-community/attacks/CSV_Injection
 */
export const FORMULA_START = /^[=+\-@\t\r\n]/;
