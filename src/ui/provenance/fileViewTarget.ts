import { create } from 'zustand';

/** Which stored file the file view shows: by fileId, or by path (the Files panel lists paths). */
export type FileViewTarget = { readonly fileId: number } | { readonly path: string };

const useFileViewStore = create<{ readonly target: FileViewTarget | undefined }>()(() => ({
  target: undefined,
}));

/**
 * Opens the file view. Any view may call it (a source file in the detail pane, a node of the sources
 * tree, a row of the Files panel); the one dialog lives at the app root.
 */
export function openFileView(target: FileViewTarget): void {
  useFileViewStore.setState({ target });
}

/** Closes the file view. */
export function closeFileView(): void {
  useFileViewStore.setState({ target: undefined });
}

/** The file the view shows, or undefined when it is closed. */
export function useFileViewTarget(): FileViewTarget | undefined {
  return useFileViewStore((s) => s.target);
}
