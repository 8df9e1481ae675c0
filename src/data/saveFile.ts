/** Where an export is written, part by part (text, or bytes for a zip). */
export interface FileSink {
  write(part: string | Uint8Array<ArrayBuffer>): Promise<void>;
  close(): Promise<void>;
  abort(): Promise<void>;
}

interface SaveFilePickerWindow {
  showSaveFilePicker?: (options: {
    suggestedName: string;
    types: { description: string; accept: Record<string, string[]> }[];
  }) => Promise<{
    createWritable: () => Promise<
      WritableStream<string | Uint8Array<ArrayBuffer>> & { close(): Promise<void> }
    >;
  }>;
}

/**
 * Opens a sink for a file the user saves. Where the File System Access API exists (Chromium), parts
 * stream straight to the chosen file, so a multi-GB export never sits in memory. Elsewhere, and
 * under automation (no one to answer a picker), each part becomes a Blob, which the browser can
 * keep out of the JS heap, and the file downloads when closed.
 * @throws DOMException 'AbortError' when the user cancels the picker.
 */
export async function openFileSink(
  name: string,
  mime: string,
  extension: string,
): Promise<FileSink> {
  const picker = (window as SaveFilePickerWindow).showSaveFilePicker;
  if (picker !== undefined && !navigator.webdriver) {
    const handle = await picker({
      suggestedName: name,
      types: [{ description: name, accept: { [mime]: [extension] } }],
    });
    const stream = await handle.createWritable();
    const writer = stream.getWriter();
    return {
      write: (part) => writer.write(part),
      close: () => writer.close(),
      abort: () => writer.abort(),
    };
  }
  const parts: Blob[] = [];
  return {
    write: (part) => {
      parts.push(new Blob([part], { type: mime }));
      return Promise.resolve();
    },
    close: () => {
      const url = URL.createObjectURL(new Blob(parts, { type: mime }));
      const a = document.createElement('a');
      a.href = url;
      a.download = name;
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      return Promise.resolve();
    },
    abort: () => {
      parts.length = 0;
      return Promise.resolve();
    },
  };
}
