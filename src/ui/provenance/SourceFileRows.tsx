import { useQuery } from '@tanstack/react-query';
import { sourceFilesQuery } from '../../data/provenanceQueries';
import { formatCount } from '../common/formatCount';
import { LogText, logTitle } from '../common/LogText';
import { fileLabel } from './fileLabel';
import { openFileView } from './fileViewTarget';

/** Files listed under an expanded day or folder at most; the rest are counted. */
const SHOWN = 200;

/**
 * The files under one leaf of the sources tree, fetched when it is expanded: a click filters to the
 * file, its "view" button opens its file view.
 */
export function SourceFileRows(props: {
  readonly nodeId: string;
  readonly depth: number;
  readonly isSelected: (path: string) => boolean;
  readonly onPick: (path: string) => void;
}) {
  const { nodeId, depth, isSelected, onPick } = props;
  const query = useQuery(sourceFilesQuery(nodeId, SHOWN));
  const list = query.data;
  if (list === undefined) {
    return (
      <li className="sources-more muted" style={{ paddingLeft: indent(depth) }}>
        Loading files…
      </li>
    );
  }
  return (
    <>
      {list.files.map((f) => {
        const name = f.path.slice(f.path.lastIndexOf('/') + 1);
        const label = fileLabel(f.path);
        const selected = isSelected(f.path);
        return (
          <li key={f.fileId} role="treeitem" aria-selected={selected} className="sources-file">
            <div className={selected ? 'sources-row is-selected' : 'sources-row'}>
              <button
                type="button"
                className="sources-label"
                style={{ paddingLeft: indent(depth) + 12 }}
                title={`${logTitle(f.path)}\n${formatCount(f.events)} events. Click to filter to this file.`}
                onClick={() => onPick(f.path)}
                data-testid="sources-file"
              >
                <span className="sources-name mono">
                  <LogText text={label} />
                </span>
                <span className="sources-count">{formatCount(f.events)}</span>
              </button>
              <button
                type="button"
                className="sources-open"
                aria-label={`Open the file view of ${name}`}
                title="Open the file view: S3 key, SHA-256, content"
                onClick={() => openFileView({ fileId: f.fileId })}
              >
                view
              </button>
            </div>
          </li>
        );
      })}
      {list.total > list.files.length ? (
        <li className="sources-more muted" style={{ paddingLeft: indent(depth) }}>
          {formatCount(list.total - list.files.length)} more files: filter to this node to see their
          events.
        </li>
      ) : null}
    </>
  );
}

/** Left padding of a tree row at `depth`, in px. */
export function indent(depth: number): number {
  return 4 + depth * 12;
}
