const integer = new Intl.NumberFormat('en-US');

/** `12345` → `12,345`. Fixed locale so figures read the same on every machine and in tests. */
export function formatCount(n: number): string {
  return integer.format(n);
}

/** `1` → `1 event`, `3` → `3 events`: a count with its noun, plural unless it is exactly one. */
export function countOf(n: number, noun: string, plural = `${noun}s`): string {
  return `${formatCount(n)} ${n === 1 ? noun : plural}`;
}
