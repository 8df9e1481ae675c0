import { useEffect, useRef, useState } from 'react';
import { CoverageDialog } from './CoverageDialog';

/** The top bar's "Coverage" button and the map it opens; focus returns to it on close. */
export function CoverageButton() {
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
        title="Accounts × Regions × hours: which log files, events and digests you hold, where the record has holes, and trail tampering"
        onClick={() => setOpen(true)}
      >
        Coverage
      </button>
      {open ? <CoverageDialog onClose={() => setOpen(false)} /> : null}
    </>
  );
}
