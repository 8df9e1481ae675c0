const NAME_START = /^[A-Za-z_$@]/;
const NAME_CHARS = /^[A-Za-z0-9_.$@-]*$/;

/**
 * What is wrong with a typed field name (a message for the syntax error), or undefined when it is
 * valid: letters, digits and `_ . $ @ -`, starting with a letter, `_`, `$` or `@`, no empty path
 * segment (a JSON path like `a..b` can never name a value).
 */
export function fieldNameProblem(name: string): string | undefined {
  if (!NAME_CHARS.test(name)) {
    return `Invalid field name "${name}": use letters, digits and _ . $ @ -`;
  }
  if (!NAME_START.test(name)) {
    return `Invalid field name "${name}": start with a letter, _, $ or @`;
  }
  if (name.endsWith('.') || name.includes('..')) {
    return `Invalid field name "${name}": empty path segment`;
  }
  return undefined;
}
