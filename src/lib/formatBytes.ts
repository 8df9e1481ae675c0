const UNITS = ['B', 'KB', 'MB', 'GB', 'TB'] as const;

/** Human size in powers of 1024, e.g. `formatBytes(1536)` → `"1.5 KB"`. `bytes` is a byte count. */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '—';
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  const digits = unit === 0 || value >= 100 ? 0 : 1;
  return `${value.toFixed(digits)} ${UNITS[unit] ?? 'B'}`;
}
