import { useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import type { BundleImport } from '../../data/annotationTypes';
import { importCaseBundle } from '../../data/caseBundleActions';
import { useApplyView } from '../../data/useApplyView';
import { BundleFilePicker } from './BundleFilePicker';
import { ImportOutcome } from './ImportOutcome';

/**
 * The import half of the case bundle dialog: pick a bundle (.zip); its files are ingested like a
 * drop, its annotations merged (the newer edit wins), and its view applied. The outcome stays
 * shown, with the source files the case still lacks.
 */
export function BundleImportForm(props: { readonly onDone: () => void }) {
  const client = useQueryClient();
  const applyView = useApplyView();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<BundleImport | undefined>();
  const [error, setError] = useState<string | undefined>();
  const headingId = useId();
  const run = async (file: File) => {
    setBusy(true);
    setError(undefined);
    setResult(undefined);
    try {
      const outcome = await importCaseBundle(client, file);
      await applyView(outcome.view);
      setResult(outcome);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="bundle-section" aria-labelledby={headingId}>
      <h3 id={headingId}>Import a case bundle</h3>
      <p className="muted bundle-hint">
        Into this case: files already here are recognised by SHA-256 and not stored twice.
      </p>
      <div className="bundle-actions">
        <BundleFilePicker testId="bundle-input" busy={busy} onFile={(file) => void run(file)} />
        {result === undefined ? null : (
          <button type="button" className="btn" onClick={props.onDone}>
            Show the case
          </button>
        )}
      </div>
      {error === undefined ? null : (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {result === undefined ? null : <ImportOutcome result={result} />}
    </section>
  );
}
