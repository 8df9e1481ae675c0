import { useEffect, useState } from 'react';
import { lazyView } from '../common/lazyView';
import { isTypingTarget, modalOpen } from './isTypingTarget';

const HelpSheet = lazyView(() => import('./HelpSheet').then((m) => m.HelpSheet));

/**
 * The top bar's "?" button and the `?` shortcut, both opening the keyboard help sheet. The key is
 * ignored in text fields (a query may contain `?`) and while another dialog is open.
 */
export function ShortcutHelp() {
  const [open, setOpen] = useState(false);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== '?' || e.ctrlKey || e.metaKey || e.altKey) return;
      if (isTypingTarget(e.target) || modalOpen()) return;
      e.preventDefault();
      setOpen(true);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  return (
    <>
      <button
        type="button"
        className="btn"
        aria-haspopup="dialog"
        aria-keyshortcuts="?"
        aria-label="Keyboard shortcuts"
        title="Keyboard shortcuts (?)"
        onClick={() => setOpen(true)}
      >
        ?
      </button>
      {open ? <HelpSheet onClose={() => setOpen(false)} /> : null}
    </>
  );
}
