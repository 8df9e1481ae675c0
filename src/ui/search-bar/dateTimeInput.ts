/**
 * `<input type="datetime-local">` holds a wall-clock time without a zone ("2024-05-01T13:45:10").
 * These read and write it as UTC or as the browser's local time.
 */
export function toInputValue(date: Date | null, timeZone: 'utc' | 'local'): string {
  if (date === null || Number.isNaN(date.getTime())) return '';
  const shifted =
    timeZone === 'utc' ? date.getTime() : date.getTime() - date.getTimezoneOffset() * 60_000;
  return new Date(shifted).toISOString().slice(0, 19);
}

/** The Date an input value means, or null when it is empty or invalid. */
export function fromInputValue(value: string, timeZone: 'utc' | 'local'): Date | null {
  if (value === '') return null;
  const d = timeZone === 'utc' ? new Date(`${value}Z`) : new Date(value);
  return Number.isNaN(d.getTime()) ? null : d;
}
