import { useIndexSaveStatus } from '../../data/useIndexSaveStatus';

/**
 * One line when the case's index could not be stored: nothing is lost (the stored files are the
 * truth, and every event is in memory), but the next reopen reads every file again.
 */
export function IndexSaveNotice() {
  const status = useIndexSaveStatus();
  if (status?.state !== 'failed') return null;
  return (
    <p className="notice notice-warn" role="status" data-testid="index-save-error">
      <strong>Reopening this case will be slow:</strong> its index could not be stored (
      {status.error ?? 'unknown error'}). Every event is kept and searchable; the next reopen reads
      all its files again.
    </p>
  );
}
