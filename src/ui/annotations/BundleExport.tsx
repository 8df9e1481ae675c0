import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { bundleSizeQuery } from '../../data/annotationQueries';
import { exportCaseBundle } from '../../data/caseBundleActions';
import { formatBytes } from '../../lib/formatBytes';
import { formatCount } from '../common/formatCount';
import { useTransientMessage } from '../common/useTransientMessage';

/** The export half of the case bundle dialog: name, include the files?, export. */
export function BundleExport(props: { readonly caseName: string }) {
  const size = useQuery(bundleSizeQuery()).data;
  const [name, setName] = useState(props.caseName);
  const [includeFiles, setIncludeFiles] = useState(true);
  const [busy, setBusy] = useState(false);
  // The outcome goes on the next action; the progress stays until replaced.
  const outcome = useTransientMessage<{ readonly text: string; readonly error?: boolean }>();
  const state = { busy, message: outcome.message?.text, error: outcome.message?.error };
  const nameId = useId();
  const run = async () => {
    setBusy(true);
    outcome.show({ text: 'Writing the bundle…' }, true);
    try {
      const bytes = await exportCaseBundle({
        caseName: name,
        view: window.location.search,
        includeFiles,
        onProgress: (written) => outcome.show({ text: `Writing… ${formatBytes(written)}` }, true),
      });
      outcome.show({ text: `Saved the case bundle (${formatBytes(bytes)}).` });
    } catch (error) {
      outcome.show(
        error instanceof DOMException && error.name === 'AbortError'
          ? undefined
          : { text: `Export failed: ${String(error)}`, error: true },
      );
    } finally {
      setBusy(false);
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
