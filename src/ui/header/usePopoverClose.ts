import { useEffect, useRef } from 'react';
import type { RefObject } from 'react';

/**
 * Calls `onClose` on Escape anywhere, or on a press outside the element `ref` points at: how the
 * header's popovers (columns, the Clear data confirmation) go away.
 */
export function usePopoverClose(ref: RefObject<HTMLElement | null>, onClose: () => void): void {
  // The latest onClose, without re-adding the listeners on every render.
  const latest = useRef(onClose);
  useEffect(() => {
    latest.current = onClose;
  });
  useEffect(() => {
    const outside = (e: MouseEvent) => {
      if (e.target instanceof Node && ref.current?.contains(e.target) !== true) latest.current();
    };
    const esc = (e: KeyboardEvent) => {
      if (e.key === 'Escape') latest.current();
    };
    window.addEventListener('mousedown', outside);
    window.addEventListener('keydown', esc);
    return () => {
      window.removeEventListener('mousedown', outside);
      window.removeEventListener('keydown', esc);
    };
  }, [ref]);
}
