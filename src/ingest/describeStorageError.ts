/**
 * A sentence for a failed IndexedDB write. A full quota is the likely one on big datasets: say so and
 * say what to do, since the browser's own message is cryptic.
 * @see https://developer.mozilla.org/en-US/docs/Web/API/Storage_API/Storage_quotas_and_eviction_criteria
 */
export function describeStorageError(error: unknown): string {
  const name = error instanceof DOMException || error instanceof Error ? error.name : '';
  if (name === 'QuotaExceededError') {
    return 'Browser storage is full: this file and the rest were not stored. Free disk space or clear data, then drop the remaining files again.';
  }
  const detail = error instanceof Error ? error.message : String(error);
  return `Could not store this file (${detail}); the files before it are intact.`;
}
