/** A span of `ms` milliseconds for people, to the second: "2 d 3 h", "2 h 14 min", "3 min 5 s", "40 s". */
export function formatDuration(ms: number): string {
  const s = Math.round(ms / 1000);
  const d = Math.floor(s / 86_400);
  const h = Math.floor((s % 86_400) / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  if (d > 0) return `${d} d ${h} h`;
  if (h > 0) return `${h} h ${m} min`;
  if (m > 0) return sec === 0 ? `${m} min` : `${m} min ${sec} s`;
  return `${sec} s`;
}
