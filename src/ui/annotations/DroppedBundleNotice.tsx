import type { DroppedBundle } from '../../data/useDroppedFiles';
import { ImportOutcome } from './ImportOutcome';

/** What became of a case bundle dropped on the window (useDroppedFiles), until dismissed. */
export function DroppedBundleNotice(props: {
  readonly dropped: DroppedBundle | undefined;
  readonly onClose: () => void;
}) {
  const { dropped } = props;
  if (dropped === undefined) return null;
  return (
    <div
      className={'error' in dropped ? 'notice notice-error' : 'notice'}
      role={'error' in dropped ? 'alert' : 'status'}
      data-testid="dropped-bundle"
    >
      {'error' in dropped ? (
        <p>Could not import the case bundle: {dropped.error}</p>
      ) : (
        <>
          <p>
            <strong>Case bundle</strong>:{' '}
            {dropped.result.created ? 'opened as a new case' : 'opened in the empty case'}, named
            after the bundle.
          </p>
          <ImportOutcome result={dropped.result} />
        </>
      )}
      <button type="button" className="btn btn-small" onClick={props.onClose}>
        Dismiss
      </button>
    </div>
  );
}
