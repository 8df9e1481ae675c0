import { useEffect, useRef } from 'react';
import { focusEventTable } from './focusTargets';

/**
 * When an ingest finishes with events stored, puts the focus on the event table, so a keyboard
 * user who dropped or opened files lands on the result. It only does so when nothing holds the
 * focus or the focus is on the buttons that started the ingest (top bar, empty state): a user
 * typing a query keeps it.
 */
export function useFocusAfterIngest(busy: boolean, eventCount: number): void {
  const wasBusy = useRef(busy);
  // The event count may arrive a render after the idle signal: remember that an ingest ended.
  const pending = useRef(false);
  useEffect(() => {
    if (busy) pending.current = false;
    else if (wasBusy.current) pending.current = true;
    wasBusy.current = busy;
    if (!pending.current || eventCount === 0) return;
    pending.current = false;
    const active = document.activeElement;
    const idle =
      active === null ||
      active === document.body ||
      (active instanceof HTMLElement && active.closest('.topbar, .empty') !== null);
    if (idle) focusEventTable();
  }, [busy, eventCount]);
}
