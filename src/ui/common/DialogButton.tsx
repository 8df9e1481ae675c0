import { useEffect, useRef, useState } from 'react';
import type { ReactNode } from 'react';

/**
 * A top-bar button that opens a modal dialog, and gets the focus back when the dialog closes.
 * `dialog` renders the dialog, given the function that closes it.
 */
export function DialogButton(props: {
  readonly label: string;
  readonly title: string;
  readonly dialog: (onClose: () => void) => ReactNode;
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
        title={props.title}
        onClick={() => setOpen(true)}
      >
        {props.label}
      </button>
      {open ? props.dialog(() => setOpen(false)) : null}
    </>
  );
}
