// Small numeric helpers shared by the bench modules.

/**
 * @param {readonly number[]} xs non-empty
 * @returns {number} the median (mean of the two middle values for an even count)
 */
export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? s[m] : (s[m - 1] + s[m]) / 2;
}
