import { useEffect, useRef } from 'react';
import { usePopoverClose } from './usePopoverClose';

/**
 * The confirmation "Clear data" asks for, as a popover under the header's menu: it deletes every
 * stored file and event of the open case. The focus starts on Keep, so a stray Enter deletes nothing;
 * Escape or a click outside keeps the data too.
 */
export function ClearDataConfirm(props: {
  readonly onClear: () => Promise<void>;
  readonly onClose: () => void;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const keep = useRef<HTMLButtonElement>(null);
  usePopoverClose(ref, props.onClose);
  useEffect(() => keep.current?.focus(), []);
  return (
    <div className="popover confirm" role="group" aria-label="Confirm clearing data" ref={ref}>
      <p>Delete all stored files and events of this case?</p>
      <div className="confirm-buttons">
        <button
          type="button"
          className="btn btn-danger"
          onClick={() => {
            props.onClose();
            void props.onClear();
          }}
        >
          Delete
        </button>
        <button ref={keep} type="button" className="btn" onClick={props.onClose}>
          Keep
        </button>
      </div>
    </div>
  );
}
