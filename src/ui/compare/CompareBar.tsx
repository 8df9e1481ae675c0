import { useEffect, useRef, useState } from 'react';
import { lazyView } from '../common/lazyView';
import { MAX_COMPARE } from './useCompareMarks';
import type { CompareMarks } from './useCompareMarks';
import './Compare.css';

const CompareDialog = lazyView(() => import('./CompareDialog').then((m) => m.CompareDialog));

/**
 * "N events marked · Compare · Clear", shown once two events are marked for comparison. Compare
 * opens the side-by-side view; closing it returns the focus to the Compare button.
 */
export function CompareBar(props: { readonly marks: CompareMarks }) {
  const { marks } = props;
  const [open, setOpen] = useState(false);
  const [closed, setClosed] = useState(0);
  const compareRef = useRef<HTMLButtonElement>(null);
  // After the dialog has left the DOM, so the focus lands on a button that is there.
  useEffect(() => {
    if (closed > 0) compareRef.current?.focus();
  }, [closed]);
  if (marks.rows.length < 2 && !open) return null;
  return (
    <>
      <div className="compare-bar" role="region" aria-label="Events marked for comparison">
        <span>
          <strong>{marks.rows.length}</strong> events marked
          <span className="muted"> (up to {MAX_COMPARE})</span>
        </span>
        <button
          ref={compareRef}
          type="button"
          className="btn btn-primary btn-small"
          onClick={() => setOpen(true)}
        >
          Compare
        </button>
        <button type="button" className="btn btn-ghost btn-small" onClick={marks.clear}>
          Clear
        </button>
      </div>
      {/* A sibling of the bar, not a child: the dialog must not inherit the bar's styles. */}
      {open ? (
        <CompareDialog
          rows={marks.rows}
          onRemove={marks.remove}
          onClose={() => {
            setOpen(false);
            setClosed((n) => n + 1);
          }}
        />
      ) : null}
    </>
  );
}
