import type { InputFile } from '../../data/types';

/**
 * Turns a drop into files with their relative paths, walking dropped folders to the end. Entries must
 * be taken from the DataTransfer synchronously, before any await: the browser empties it afterwards.
 * @see https://developer.mozilla.org/en-US/docs/Web/API/FileSystemDirectoryReader/readEntries
 */
export async function collectDroppedFiles(transfer: DataTransfer): Promise<InputFile[]> {
  const entries: FileSystemEntry[] = [];
  const loose: File[] = [];
  for (const item of Array.from(transfer.items)) {
    if (item.kind !== 'file') continue;
    const entry = item.webkitGetAsEntry();
    if (entry !== null) entries.push(entry);
    else {
      const file = item.getAsFile();
      if (file !== null) loose.push(file);
    }
  }
  const out: InputFile[] = loose.map((file) => ({ file, path: file.name }));
  for (const entry of entries) await walk(entry, out);
  return out;
}

/** Files picked with an `<input type=file>` (with `webkitdirectory`, paths are relative to the folder). */
export function inputFiles(list: FileList | null): InputFile[] {
  return Array.from(list ?? []).map((file) => ({
    file,
    path: file.webkitRelativePath === '' ? file.name : file.webkitRelativePath,
  }));
}

async function walk(entry: FileSystemEntry, out: InputFile[]): Promise<void> {
  if (isFile(entry)) {
    const file = await new Promise<File>((resolve, reject) => entry.file(resolve, reject));
    out.push({ file, path: entry.fullPath.replace(/^\//, '') });
  } else if (isDirectory(entry)) {
    const reader = entry.createReader();
    // readEntries returns at most 100 entries per call in Chromium: call until it returns none.
    for (;;) {
      const batch = await new Promise<FileSystemEntry[]>((resolve, reject) =>
        reader.readEntries(resolve, reject),
      );
      if (batch.length === 0) break;
      for (const child of batch) await walk(child, out);
    }
  }
}

function isFile(entry: FileSystemEntry): entry is FileSystemFileEntry {
  return entry.isFile;
}

function isDirectory(entry: FileSystemEntry): entry is FileSystemDirectoryEntry {
  return entry.isDirectory;
}
