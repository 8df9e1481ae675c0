const integer = new Intl.NumberFormat('en-US');

/** `12345` → `12,345`. Fixed locale so figures read the same on every machine and in tests. */
export function formatCount(n: number): string {
  return integer.format(n);
}
