import { useState } from 'react';

/** "Clear data", with a confirmation step: it deletes every stored file and event of the open case. */
export function ClearDataButton(props: {
  readonly onClear: () => Promise<void>;
  readonly disabled: boolean;
}) {
  const [confirming, setConfirming] = useState(false);
  if (!confirming) {
    return (
      <button
        type="button"
        className="btn btn-danger-ghost"
        disabled={props.disabled}
        onClick={() => setConfirming(true)}
      >
        Clear data
      </button>
    );
  }
  return (
    <span className="confirm" role="group" aria-label="Confirm clearing data">
      Delete all stored files and events of this case?
      <button
        type="button"
        className="btn btn-danger"
        onClick={() => {
          setConfirming(false);
          void props.onClear();
        }}
      >
        Delete
      </button>
      <button type="button" className="btn" onClick={() => setConfirming(false)}>
        Keep
      </button>
    </span>
  );
}
