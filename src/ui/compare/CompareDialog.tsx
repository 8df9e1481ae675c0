import { useQueries } from '@tanstack/react-query';
import type { UseQueryResult } from '@tanstack/react-query';
import { useId, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { eventDetailQuery } from '../../data/datasetQueries';
import type { EventDetail } from '../../data/types';
import { DialogHead } from '../common/DialogHead';
import { formatCount } from '../common/formatCount';
import { compareColumn } from './compareColumn';
import type { DetailState } from './compareColumn';
import { comparePaths } from './comparePaths';
import { CompareTable } from './CompareTable';
import { MAX_LEAVES } from './flattenPaths';

// Stable, so useQueries re-combines only when a query's result changes.
const combine = (results: UseQueryResult<EventDetail | null>[]): DetailState[] =>
  results.map((r) => ({ detail: r.data, failed: r.isError }));

/**
 * The marked events side by side: a modal dialog with one column per event and one row per JSON
 * path, rows that differ highlighted and, by default, only those shown. Escape closes it.
 */
export function CompareDialog(props: {
  /** Marked row ids, in column order. */
  readonly rows: readonly number[];
  readonly onRemove: (row: number) => void;
  readonly onClose: () => void;
}) {
  const { rows, onRemove, onClose } = props;
  const ref = useRef<HTMLDialogElement>(null);
  const closeRef = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  const [onlyDiff, setOnlyDiff] = useState(true);
  const states = useQueries({ queries: rows.map((row) => eventDetailQuery(row)), combine });
  const columns = useMemo(
    () =>
      rows.map((row, i) => compareColumn(row, states[i] ?? { detail: undefined, failed: false })),
    [rows, states],
  );
  const compared = useMemo(() => comparePaths(columns.map((c) => c.record)), [columns]);
  const differing = compared.filter((r) => r.differs).length;
  const truncated = columns.some((c) => c.record?.truncated === true);

  // Modal from the first paint: the rest of the page is inert, so Tab stays inside.
  useLayoutEffect(() => {
    const dialog = ref.current;
    if (dialog !== null && !dialog.open) dialog.showModal();
  }, []);

  return (
    <dialog
      ref={ref}
      className="compare-dialog"
      role="dialog"
      aria-modal="true"
      aria-labelledby={titleId}
      onCancel={(e) => {
        // Escape: let React unmount the dialog rather than the browser hide it.
        e.preventDefault();
        onClose();
      }}
    >
      <DialogHead
        className="compare-header"
        heading={`Compare ${String(rows.length)} events`}
        headingId={titleId}
        closeLabel="Close comparison"
        closeTitle="Close (Esc)"
        closeRef={closeRef}
        onClose={onClose}
      >
        <span className="muted" data-testid="compare-summary">
          {formatCount(differing)} of {formatCount(compared.length)} fields differ
        </span>
        <label className="check compare-only-diff">
          <input
            type="checkbox"
            checked={onlyDiff}
            onChange={(e) => setOnlyDiff(e.target.checked)}
          />
          Only differences
        </label>
      </DialogHead>
      {truncated ? (
        <p className="notice notice-warn compare-notice">
          A record has more than {formatCount(MAX_LEAVES)} fields: only its first{' '}
          {formatCount(MAX_LEAVES)} are compared.
        </p>
      ) : null}
      <CompareTable
        columns={columns}
        rows={onlyDiff ? compared.filter((r) => r.differs) : compared}
        total={compared.length}
        onlyDiff={onlyDiff}
        onRemove={
          rows.length > 2
            ? (row) => {
                // The removed column's button leaves the DOM: keep the focus inside the dialog.
                closeRef.current?.focus();
                onRemove(row);
              }
            : undefined
        }
      />
    </dialog>
  );
}
