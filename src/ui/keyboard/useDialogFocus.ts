import { useEffect, useLayoutEffect } from 'react';
import type { RefObject } from 'react';

/**
 * Focus handling for a modal dialog that React mounts and unmounts: while mounted, Tab and
 * Shift+Tab cycle inside `ref` (a native `<dialog>` opened with showModal already does this; a
 * `role="dialog"` div does not); on unmount, focus returns to what had it before the dialog
 * opened, since a removed dialog leaves the focus on <body>. Call it before the effect that opens
 * or focuses the dialog.
 * https://www.w3.org/WAI/ARIA/apg/patterns/dialog-modal/
 */
export function useDialogFocus(ref: RefObject<HTMLElement | null>): void {
  // A layout effect, called before the dialog's own showModal/focus, sees the focus as it was.
  useLayoutEffect(() => {
    const before = document.activeElement;
    const onKey = (e: KeyboardEvent) => {
      const root = ref.current;
      if (e.key !== 'Tab' || root === null) return;
      const stops = [...root.querySelectorAll<HTMLElement>(TABBABLE)].filter(
        (el) => el.getClientRects().length > 0,
      );
      const first = stops[0];
      const last = stops.at(-1);
      if (first === undefined || last === undefined) return;
      const active = document.activeElement;
      if (e.shiftKey && (active === first || active === root || !root.contains(active))) {
        e.preventDefault();
        last.focus();
      } else if (!e.shiftKey && (active === last || !root.contains(active))) {
        e.preventDefault();
        first.focus();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('keydown', onKey);
      // After React has removed the dialog: restore only if nothing else took the focus since.
      requestAnimationFrame(() => {
        const now = document.activeElement;
        if (
          before instanceof HTMLElement &&
          before.isConnected &&
          (now === null || now === document.body)
        )
          before.focus();
      });
    };
  }, [ref]);
}

/**
 * A `role="dialog"` div that React mounts while it is open: useDialogFocus, plus the focus moved
 * into the dialog when it opens and Escape calling `onClose` (a native `<dialog>` does both itself).
 */
export function useDivDialog(ref: RefObject<HTMLElement | null>, onClose: () => void): void {
  useDialogFocus(ref);
  useEffect(() => {
    ref.current?.focus();
    const esc = (e: KeyboardEvent) => {
      if (e.key === 'Escape') onClose();
    };
    window.addEventListener('keydown', esc);
    return () => window.removeEventListener('keydown', esc);
  }, [ref, onClose]);
}

const TABBABLE = [
  'a[href]',
  'button:not([disabled])',
  'input:not([disabled]):not([type="hidden"])',
  'select:not([disabled])',
  'textarea:not([disabled])',
  '[tabindex]:not([tabindex="-1"])',
].join(', ');
