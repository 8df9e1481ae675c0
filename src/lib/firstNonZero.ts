/** The first of `diffs` that is not 0 (else 0): a sort comparator over several keys in turn. */
export function firstNonZero(...diffs: readonly number[]): number {
  return diffs.find((d) => d !== 0) ?? 0;
}
