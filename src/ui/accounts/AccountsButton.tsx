import { useEffect, useRef, useState } from 'react';
import { AccountsDialog } from './AccountsDialog';

/** The top bar's "Accounts" button and the dialog it opens; focus returns to it on close. */
export function AccountsButton() {
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
        title="Name your AWS account IDs"
        onClick={() => setOpen(true)}
      >
        Accounts
      </button>
      {open ? <AccountsDialog onClose={() => setOpen(false)} /> : null}
    </>
  );
}
