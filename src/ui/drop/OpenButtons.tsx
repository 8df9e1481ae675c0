import { useCallback, useRef } from 'react';
import type { RefObject } from 'react';
import type { InputFile } from '../../data/types';
import { inputFiles } from './collectDroppedFiles';

/** Opens the system file or folder picker. */
export interface FilePickers {
  readonly openFiles: () => void;
  readonly openFolder: () => void;
  readonly filesRef: RefObject<HTMLInputElement | null>;
  readonly folderRef: RefObject<HTMLInputElement | null>;
}

/** Refs for the one pair of hidden inputs, and functions that open them from any button. */
export function useFilePickers(): FilePickers {
  const filesRef = useRef<HTMLInputElement>(null);
  const folderRef = useRef<HTMLInputElement>(null);
  const openFiles = useCallback(() => filesRef.current?.click(), []);
  const openFolder = useCallback(() => folderRef.current?.click(), []);
  return { openFiles, openFolder, filesRef, folderRef };
}

/**
 * The hidden `<input type=file multiple>` and `<input type=file webkitdirectory>`, rendered once:
 * buttons open them, and the automation hooks set files on them directly.
 */
export function FileInputs(props: {
  readonly pickers: FilePickers;
  readonly onFiles: (files: InputFile[]) => void;
}) {
  const { onFiles } = props;
  const { filesRef, folderRef } = props.pickers;
  const take = (input: HTMLInputElement) => {
    const files = inputFiles(input.files);
    // Reset so choosing the same files again fires change again.
    input.value = '';
    onFiles(files);
  };
  return (
    <>
      <input
        ref={filesRef}
        type="file"
        multiple
        hidden
        aria-label="Open files"
        onChange={(e) => take(e.currentTarget)}
      />
      <input
        ref={folderRef}
        type="file"
        hidden
        aria-label="Open folder"
        // Not in React's types, hence the spread.
        {...{ webkitdirectory: '' }}
        onChange={(e) => take(e.currentTarget)}
      />
    </>
  );
}

/** "Open folder…" and "Open files…" buttons. */
export function OpenButtons(props: { readonly pickers: FilePickers; readonly primary?: boolean }) {
  return (
    <>
      <button
        type="button"
        className={props.primary === true ? 'btn btn-primary' : 'btn'}
        onClick={props.pickers.openFolder}
      >
        Open folder…
      </button>
      <button type="button" className="btn" onClick={props.pickers.openFiles}>
        Open files…
      </button>
    </>
  );
}
