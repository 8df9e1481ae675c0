import { useMemo, useState } from 'react';
import { formatBytes } from '../../lib/formatBytes';
import type { FileView } from '../../data/provenanceQueries';
import { CopyButton } from '../common/CopyButton';
import { MAX_FILE_RUNS, visibleText } from '../common/visibleText';
import { VisibleRuns } from '../common/VisibleRuns';

/**
 * The file's content as stored, decompressed, as plain text: line breaks kept, every other invisible
 * or direction-changing character shown escaped, never parsed or rendered as HTML. Large files show
 * their first part only (the worker sends at most 1 MB).
 */
export function RawFileText(props: { readonly view: FileView }) {
  const { view } = props;
  const [wrap, setWrap] = useState(true);
  const { runs, cut } = useMemo(
    () => visibleText(view.text, { lines: true, maxRuns: MAX_FILE_RUNS }),
    [view.text],
  );
  return (
    <section className="file-raw" aria-label="Content">
      <div className="file-raw-head">
        <h3>Content, decompressed</h3>
        <span className="muted" data-testid="file-view-raw-note">
          {view.truncated
            ? `The first ${formatBytes(view.text.length)} of ${formatBytes(view.inflatedSize)}. Download the original bytes for the whole file.`
            : `${formatBytes(view.inflatedSize)}, shown whole.`}
        </span>
        <label className="file-raw-wrap">
          <input
            type="checkbox"
            checked={wrap}
            onChange={(e) => setWrap(e.currentTarget.checked)}
          />{' '}
          Wrap lines
        </label>
        <CopyButton text={view.text} label="Copy text" />
      </div>
      {view.readError === undefined ? null : (
        <p className="error" role="alert">
          Could not decompress the stored bytes: {view.readError}
        </p>
      )}
      <pre
        className={wrap ? 'file-raw-text is-wrapped' : 'file-raw-text'}
        data-testid="file-view-raw"
      >
        <VisibleRuns runs={runs} />
      </pre>
      {cut ? (
        <p className="notice notice-warn">
          The display stops here: this text has too many line breaks or control characters to draw.
          Download the original bytes to read the rest.
        </p>
      ) : null}
    </section>
  );
}
