import { useState } from 'react';
import type { CaseImport } from '../../data/useImportBundleAsCase';
import { useImportBundleAsCase } from '../../data/useImportBundleAsCase';
import { BundleFilePicker } from '../annotations/BundleFilePicker';
import { ImportOutcome } from '../annotations/ImportOutcome';

/**
 * "Import case bundle…" in the Cases dialog: brings an exported case back as a case of its own
 * (see useImportBundleAsCase), then says what came in and what is missing.
 */
export function ImportBundleAsCase(props: { readonly lockReason: string | undefined }) {
  const importAsCase = useImportBundleAsCase();
  const [working, setWorking] = useState(false);
  const [result, setResult] = useState<CaseImport | undefined>();
  const [error, setError] = useState<string | undefined>();
  const run = async (file: File) => {
    setWorking(true);
    setError(undefined);
    setResult(undefined);
    try {
      setResult(await importAsCase(file));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setWorking(false);
    }
  };
  return (
    <div className="cases-import">
      <BundleFilePicker
        testId="case-bundle-input"
        busy={working}
        disabled={props.lockReason !== undefined}
        title={
          props.lockReason ??
          'Bring back an exported case under its own name: its files, notes, tags, bookmarks and view'
        }
        onFile={(file) => void run(file)}
      />
      {error === undefined ? null : (
        <span className="error" role="alert">
          {error}
        </span>
      )}
      {result === undefined ? null : (
        <div className="cases-import-outcome" role="status">
          <p>
            {result.created ? 'Opened as a new case' : 'Opened in the empty case'}, named after the
            bundle.
          </p>
          <ImportOutcome result={result} />
        </div>
      )}
    </div>
  );
}
