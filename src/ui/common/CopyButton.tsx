import { useState } from 'react';

/** A button that copies `text` to the clipboard and says so for a moment. */
export function CopyButton(props: {
  readonly text: string;
  readonly label?: string;
  readonly title?: string;
}) {
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(props.text);
      setCopied(true);
      setTimeout(() => setCopied(false), 1200);
    } catch {
      // Clipboard access can be denied (insecure context, permissions); the text stays selectable.
    }
  };
  return (
    <button
      type="button"
      className="btn btn-small"
      title={props.title ?? 'Copy to clipboard'}
      onClick={() => void copy()}
    >
      {copied ? 'Copied' : (props.label ?? 'Copy')}
    </button>
  );
}
