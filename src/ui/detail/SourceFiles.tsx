import type { EventSource } from '../../data/types';
import { openFileView } from '../provenance/fileViewTarget';
import { FileIntegrityBadge } from '../validation/FileIntegrityBadge';
import { LogText } from '../common/LogText';

/** Every file that delivered this event: path, record position and SHA-256 of the file as given. */
export function SourceFiles(props: { readonly sources: readonly EventSource[] }) {
  const { sources } = props;
  return (
    <div className="sources">
      <h3>
        Source{' '}
        {sources.length === 1
          ? 'file'
          : `files (${sources.length}: the same record delivered more than once)`}
      </h3>
      <ul>
        {sources.map((s) => (
          <li key={`${s.fileId}:${s.recordIndex}`} data-testid="source-file">
            <span className="mono wrap">
              <LogText text={s.path} max={500} />
            </span>{' '}
            <FileIntegrityBadge fileId={s.fileId} />
            <span className="muted">
              {' '}
              record #{s.recordIndex + 1} · SHA-256{' '}
              <span className="mono" title={s.sha256}>
                {s.sha256.slice(0, 16)}…
              </span>
            </span>{' '}
            <button
              type="button"
              className="btn btn-small"
              title="Open the file view: S3 key, SHA-256, size, events and content"
              onClick={() => openFileView({ fileId: s.fileId })}
              data-testid="open-file-view"
            >
              View file
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
