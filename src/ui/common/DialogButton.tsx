import { useEffect, useRef, useState } from 'react';
import type { ReactNode } from 'react';

/**
 * A top-bar button that opens a modal dialog, and gets the focus back when the dialog closes.
 * `dialog` renders the dialog, given the function that closes it. With `disabledReason` the button
 * does nothing and says why.
 */
export function DialogButton(props: {
  readonly label: string;
  readonly title: string;
  readonly dialog: (onClose: () => void) => ReactNode;
  /** Why the button cannot be used now (shown as its tooltip); undefined when it can. */
  readonly disabledReason?: string | undefined;
}) {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const wasOpen = useRef(false);
  // Focus can only move back once the modal dialog is gone: while it is open the page is inert.
  useEffect(() => {
    if (wasOpen.current && !open) button.current?.focus();
    wasOpen.current = open;
  }, [open]);
  return (
    <>
      <button
        ref={button}
        type="button"
        className="btn"
        aria-haspopup="dialog"
        aria-expanded={open}
        title={props.disabledReason ?? props.title}
        // aria-disabled, not disabled: the button stays focusable and its tooltip gives the reason.
        aria-disabled={props.disabledReason === undefined ? undefined : true}
        onClick={() => {
          if (props.disabledReason === undefined) setOpen(true);
        }}
      >
        {props.label}
      </button>
      {open ? props.dialog(() => setOpen(false)) : null}
    </>
  );
}
