import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { bundleSizeQuery } from '../../data/annotationQueries';
import { exportCaseBundle } from '../../data/caseBundleActions';
import { formatBytes } from '../../lib/formatBytes';
import { formatCount } from '../common/formatCount';

/** The export half of the case bundle dialog: name, include the files?, export. */
export function BundleExport(props: { readonly caseName: string }) {
  const size = useQuery(bundleSizeQuery()).data;
  const [name, setName] = useState(props.caseName);
  const [includeFiles, setIncludeFiles] = useState(true);
  const [state, setState] = useState<{ busy: boolean; message?: string; error?: boolean }>({
    busy: false,
  });
  const nameId = useId();
  const run = async () => {
    setState({ busy: true, message: 'Writing the bundle…' });
    try {
      const bytes = await exportCaseBundle({
        caseName: name,
        view: window.location.search,
        includeFiles,
        onProgress: (written) =>
          setState({ busy: true, message: `Writing… ${formatBytes(written)}` }),
      });
      setState({ busy: false, message: `Saved the case bundle (${formatBytes(bytes)}).` });
    } catch (error) {
      setState(
        error instanceof DOMException && error.name === 'AbortError'
          ? { busy: false }
          : { busy: false, message: `Export failed: ${String(error)}`, error: true },
      );
    }
  };
  return (
    <section className="bundle-section" aria-labelledby={`${nameId}-h`}>
      <h3 id={`${nameId}-h`}>Export this case</h3>
      <p className="bundle-facts">
        {size === undefined
          ? 'Counting…'
          : `${formatCount(size.annotations)} annotated event${size.annotations === 1 ? '' : 's'} · ${formatCount(size.files)} source file${size.files === 1 ? '' : 's'}`}
      </p>
      <label className="bundle-field" htmlFor={nameId}>
        Case name
        <input
          id={nameId}
          type="text"
          value={name}
          maxLength={200}
          onChange={(e) => setName(e.target.value)}
        />
      </label>
      <label className="bundle-check">
        <input
          type="checkbox"
          checked={includeFiles}
          onChange={(e) => setIncludeFiles(e.target.checked)}
        />
        Include the original log files
        {size === undefined ? null : <span className="muted"> ({formatBytes(size.bytes)})</span>}
      </label>
      <p className="muted bundle-hint">
        {includeFiles
          ? 'The bundle opens on its own, anywhere: the evidence travels with the notes.'
          : 'Small, but the events show only where the same files are dropped (matched by SHA-256).'}
      </p>
      <div className="bundle-actions">
        <button
          type="button"
          className="btn btn-primary"
          disabled={state.busy || size === undefined || size.files + size.annotations === 0}
          onClick={() => void run()}
        >
          Export case bundle
        </button>
        {state.message === undefined ? null : (
          <span className={state.error === true ? 'error' : 'muted'} role="status">
            {state.message}
          </span>
        )}
      </div>
    </section>
  );
}
