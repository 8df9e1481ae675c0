import { useCallback, useEffect, useRef, useState } from 'react';
import { useViewState } from '../../data/useViewState';

/** Keys that act on nothing by themselves (or only move focus): pressing them keeps the message. */
const INERT_KEYS = new Set(['Shift', 'Control', 'Alt', 'Meta', 'Tab', 'CapsLock']);

/** A message shown until the next action, so it never describes an earlier state. */
export interface TransientMessage<T> {
  readonly message: T | undefined;
  /**
   * Shows `message` (undefined hides it). A `lasting` one (progress: "Exporting…") stays until
   * replaced; any other goes on the next action.
   */
  readonly show: (message: T | undefined, lasting?: boolean) => void;
  /** Clicks and keys inside this element (the form the message is about) keep the message. */
  readonly keepRef: (el: HTMLElement | null) => void;
}

/**
 * A status message ("Exported 574 events", "2 keys trusted") that goes away on the next action:
 * the next change of the view (query, time range), a click or key press outside `keepRef`, or
 * after `timeoutMs` (ms) at the latest.
 */
export function useTransientMessage<T>(timeoutMs = 60_000): TransientMessage<T> {
  const [state, setState] = useState<
    { readonly message: T; readonly lasting: boolean } | undefined
  >();
  const keep = useRef<HTMLElement | null>(null);
  const [view] = useViewState();
  const viewKey = JSON.stringify([view.q, view.range, view.from, view.to]);
  // A new view (query, time range) ends the message, during the render that shows the new view.
  const [seenView, setSeenView] = useState(viewKey);
  if (seenView !== viewKey) {
    setSeenView(viewKey);
    if (state !== undefined && !state.lasting) setState(undefined);
  }

  const show = useCallback((message: T | undefined, lasting = false) => {
    setState(message === undefined ? undefined : { message, lasting });
  }, []);
  const keepRef = useCallback((el: HTMLElement | null) => {
    keep.current = el;
  }, []);

  useEffect(() => {
    if (state === undefined || state.lasting) return;
    const clear = (e: Event) => {
      if (e instanceof KeyboardEvent && INERT_KEYS.has(e.key)) return;
      if (e.target instanceof Node && keep.current?.contains(e.target) === true) return;
      setState(undefined);
    };
    // On click, not pointerdown: the message leaving reflows its row, and a button that moved
    // between press and release would never get its click (the next Export format, say).
    document.addEventListener('click', clear, true);
    document.addEventListener('keydown', clear, true);
    const timer = setTimeout(() => setState(undefined), timeoutMs);
    return () => {
      document.removeEventListener('click', clear, true);
      document.removeEventListener('keydown', clear, true);
      clearTimeout(timer);
    };
  }, [state, timeoutMs]);

  return { message: state?.message, show, keepRef };
}
