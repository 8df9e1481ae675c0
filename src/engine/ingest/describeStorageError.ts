import { formatBytes } from '../../lib/formatBytes';

/** What a run had not stored when a write failed: files and their bytes as dropped. */
export interface UnstoredRest {
  readonly files: number;
  readonly bytes: number;
}

/** The origin's storage use and quota in bytes (navigator.storage.estimate()). */
export interface StorageUse {
  readonly usage: number;
  readonly quota: number;
}

/**
 * WebKit's words when an ephemeral session (a private window, a WebDriver session) cannot put a Blob
 * in IndexedDB, which Cairn stores every file and index piece as.
 * @see https://bugs.webkit.org/show_bug.cgi?id=188438
 */
const WEBKIT_NO_BLOBS = 'Error preparing Blob/File data to be stored in object store';

/**
 * A sentence for a failed IndexedDB write. A full quota is the likely one on big datasets: say so,
 * say how much is needed (the bytes of the files not stored yet, which Cairn stores as they are) and
 * how much is free, and what to do, since the browser's own message is cryptic.
 * @see https://developer.mozilla.org/en-US/docs/Web/API/Storage_API/Storage_quotas_and_eviction_criteria
 */
export function describeStorageError(
  error: unknown,
  rest?: UnstoredRest,
  use?: StorageUse,
): string {
  const name = error instanceof DOMException || error instanceof Error ? error.name : '';
  if (name === 'QuotaExceededError') {
    const todo = 'Free disk space or delete a case, then drop the remaining files again.';
    const free =
      use === undefined || use.quota <= 0
        ? ''
        : ` (${formatBytes(Math.max(0, use.quota - use.usage))} free of ${formatBytes(use.quota)})`;
    if (rest === undefined || rest.files <= 0) {
      return `Browser storage is full${free}: this file and the rest were not stored. ${todo}`;
    }
    const files = rest.files === 1 ? 'file' : `${rest.files.toLocaleString('en-US')} files`;
    return `Browser storage is full: ${formatBytes(rest.bytes)} more is needed for the remaining ${files}${free}. ${todo}`;
  }
  const detail = error instanceof Error ? error.message : String(error);
  if (detail.includes(WEBKIT_NO_BLOBS)) {
    return `This browser will not store files in this window (${detail}): WebKit browsers (Safari, GNOME Web) can refuse them in a private window or an automated session. Open Cairn in a normal window.`;
  }
  return `Could not store this file (${detail}); the files before it are intact.`;
}

/**
 * describeStorageError with the origin's storage use, read where the write failed (the ingest worker
 * has navigator.storage too); without the Storage API, or if it fails, the sentence goes without it.
 */
export async function storageErrorMessage(error: unknown, rest: UnstoredRest): Promise<string> {
  let use: StorageUse | undefined;
  try {
    if (typeof navigator !== 'undefined' && 'storage' in navigator) {
      const { usage = 0, quota = 0 } = await navigator.storage.estimate();
      use = { usage, quota };
    }
  } catch {
    // The estimate is a courtesy; the message stands without it.
  }
  return describeStorageError(error, rest, use);
}
