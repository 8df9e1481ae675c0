import { useDroppedIpDatabase } from '../../data/useDroppedIpDatabase';
import { LogText } from '../common/LogText';

/**
 * What became of the last dropped `.mmdb` (useDroppedIpDatabase), until dismissed: what it answers
 * now, or why it was refused. The file name is the user's, rendered as text.
 */
export function DroppedIpDatabaseNotice() {
  const { dropped, dismiss } = useDroppedIpDatabase();
  if (dropped === undefined) return null;
  const bad = 'error' in dropped;
  return (
    <div
      className={bad ? 'notice notice-error' : 'notice'}
      role={bad ? 'alert' : 'status'}
      data-testid="dropped-ip-database"
    >
      <p>
        <strong>IP database</strong> <LogText text={dropped.name} max={200} />:{' '}
        {bad ? (
          <>
            not used. <LogText text={dropped.error} max={500} />
          </>
        ) : (
          `kept with this case; it now answers ${dropped.fields.join(', ')} beside source IPs (More → IP origin data).`
        )}
      </p>
      <button type="button" className="btn btn-small" onClick={dismiss}>
        Dismiss
      </button>
    </div>
  );
}
