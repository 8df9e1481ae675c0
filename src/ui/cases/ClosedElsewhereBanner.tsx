import { useIngestState } from '../../data/ingestState';

/**
 * Shown once another tab has deleted (or upgraded) the open case's database: this tab's connection
 * is closed, so reads of stored files and every ingest would fail with a bare IndexedDB error. The
 * events on screen are a leftover copy; a reload opens whatever case is current.
 */
export function ClosedElsewhereBanner() {
  const closed = useIngestState((s) => s.closedElsewhere);
  if (!closed) return null;
  return (
    <div className="notice notice-error" role="alert" data-testid="case-closed-elsewhere">
      <p>
        <strong>This case was deleted or changed in another tab.</strong> This tab can no longer
        read its stored files or add to it; what is on screen is a leftover copy. Reload to continue
        with the current cases.
      </p>
      <button type="button" className="btn btn-small" onClick={() => window.location.reload()}>
        Reload
      </button>
    </div>
  );
}
