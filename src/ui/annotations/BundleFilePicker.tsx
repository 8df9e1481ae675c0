import { useRef } from 'react';

/** "Import case bundle…": a button over a hidden zip file input, handing the picked file on. */
export function BundleFilePicker(props: {
  /** The file input's data-testid (an automation hook). */
  readonly testId: string;
  readonly busy: boolean;
  readonly disabled?: boolean;
  readonly title?: string;
  readonly onFile: (file: File) => void;
}) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <input
        ref={input}
        type="file"
        accept=".zip,application/zip"
        hidden
        data-testid={props.testId}
        onChange={(e) => {
          const file = e.target.files?.[0];
          // Cleared, so picking the same bundle again fires again.
          e.target.value = '';
          if (file !== undefined) props.onFile(file);
        }}
      />
      <button
        type="button"
        className="btn"
        disabled={props.busy || props.disabled === true}
        title={props.title}
        onClick={() => input.current?.click()}
      >
        {props.busy ? 'Importing…' : 'Import case bundle…'}
      </button>
    </>
  );
}
