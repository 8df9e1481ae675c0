import { useSyncExternalStore } from 'react';

/** Which stored file the file view shows: by fileId, or by path (the Files panel lists paths). */
export type FileViewTarget = { readonly fileId: number } | { readonly path: string };

let target: FileViewTarget | undefined;
const listeners = new Set<() => void>();

function set(next: FileViewTarget | undefined): void {
  target = next;
  for (const l of listeners) l();
}

/**
 * Opens the file view. Any view may call it (a source file in the detail pane, a node of the sources
 * tree, a row of the Files panel); the one dialog lives at the app root.
 */
export function openFileView(next: FileViewTarget): void {
  set(next);
}

/** Closes the file view. */
export function closeFileView(): void {
  set(undefined);
}

/** The file the view shows, or undefined when it is closed. */
export function useFileViewTarget(): FileViewTarget | undefined {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => target,
  );
}
