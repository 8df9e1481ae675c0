import { useEffect, useRef, useState } from 'react';
import type { PointerEvent as ReactPointerEvent, RefObject } from 'react';
import { dragWidth, keyWidth } from './splitterWidth';
import type { SplitterEdge, WidthBounds } from './splitterWidth';

/**
 * A draggable, focusable bar that sets the width of the area beside it (a WAI-ARIA window splitter:
 * https://www.w3.org/WAI/ARIA/apg/patterns/windowsplitter/). The pointer drags it; ← → move it by
 * 16 px (64 with Shift), Home and End give the narrowest and widest; a double click restores the
 * default. `aria-valuenow` is the area's width in px, measured, so it holds for a default width too.
 * The widest is `maxShare` of the area's parent (the workspace), so the table always keeps room.
 */
export function Splitter(props: {
  /** The area it resizes, measured at the start of each drag or key press. */
  readonly target: RefObject<HTMLElement | null>;
  /** The area's id, for aria-controls. */
  readonly controls: string;
  readonly label: string;
  readonly edge: SplitterEdge;
  /** Narrowest width, px. */
  readonly min: number;
  /** Widest width as a share (0–1) of the area's parent. */
  readonly maxShare: number;
  /** A new width in px, rounded. */
  readonly onResize: (width: number) => void;
  readonly onReset: () => void;
}) {
  const { target, edge, min, maxShare, onResize } = props;
  const [now, setNow] = useState<{ width: number; max: number } | undefined>(undefined);
  const drag = useRef<{ x: number; width: number; bounds: WidthBounds } | undefined>(undefined);
  const [dragging, setDragging] = useState(false);

  // The measured width feeds aria-valuenow: it changes with the window and the default share too.
  useEffect(() => {
    const el = target.current;
    if (el === null) return;
    const update = () => {
      const m = measure(el, min, maxShare);
      if (m !== undefined) setNow({ width: Math.round(m.width), max: m.bounds.max });
    };
    update();
    const observer = new ResizeObserver(update);
    observer.observe(el);
    if (el.parentElement !== null) observer.observe(el.parentElement);
    return () => observer.disconnect();
  }, [target, min, maxShare]);

  const onPointerDown = (e: ReactPointerEvent<HTMLDivElement>) => {
    if (e.button !== 0) return;
    const m = measure(target.current, min, maxShare);
    if (m === undefined) return;
    e.preventDefault();
    e.currentTarget.setPointerCapture(e.pointerId);
    drag.current = { x: e.clientX, width: m.width, bounds: m.bounds };
    setDragging(true);
  };
  const onPointerMove = (e: ReactPointerEvent<HTMLDivElement>) => {
    const d = drag.current;
    if (d === undefined) return;
    onResize(dragWidth(d.width, e.clientX - d.x, edge, d.bounds));
  };
  const end = () => {
    drag.current = undefined;
    setDragging(false);
  };
  return (
    <div
      role="separator"
      tabIndex={0}
      className={dragging ? 'splitter is-dragging' : 'splitter'}
      aria-label={props.label}
      aria-controls={props.controls}
      aria-orientation="vertical"
      aria-valuemin={min}
      aria-valuemax={now?.max}
      aria-valuenow={now?.width}
      title={`${props.label}: drag, or use ← →; double-click for the default width`}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={end}
      onPointerCancel={end}
      onLostPointerCapture={end}
      onDoubleClick={props.onReset}
      onKeyDown={(e) => {
        const m = measure(target.current, min, maxShare);
        if (m === undefined) return;
        const width = keyWidth(e.key, e.shiftKey, m.width, edge, m.bounds);
        if (width === undefined) return;
        e.preventDefault();
        onResize(width);
      }}
    />
  );
}

/** The area's width now, and the bounds a drag may give it (px). */
function measure(
  el: HTMLElement | null,
  min: number,
  maxShare: number,
): { width: number; bounds: WidthBounds } | undefined {
  if (el === null) return undefined;
  const parent = el.parentElement?.clientWidth ?? window.innerWidth;
  return {
    width: el.getBoundingClientRect().width,
    bounds: { min, max: Math.max(min, Math.floor(parent * maxShare)) },
  };
}
