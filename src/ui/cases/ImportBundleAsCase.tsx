import { useRef, useState } from 'react';
import type { CaseImport } from '../../query/useImportBundleAsCase';
import { useImportBundleAsCase } from '../../query/useImportBundleAsCase';
import { ImportOutcome } from '../annotations/ImportOutcome';

/**
 * "Import case bundle…" in the Cases dialog: brings an exported case back as a case of its own
 * (see useImportBundleAsCase), then says what came in and what is missing.
 */
export function ImportBundleAsCase(props: { readonly lockReason: string | undefined }) {
  const importAsCase = useImportBundleAsCase();
  const input = useRef<HTMLInputElement>(null);
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
      <input
        ref={input}
        type="file"
        accept=".zip,application/zip"
        hidden
        data-testid="case-bundle-input"
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file !== undefined) void run(file);
        }}
      />
      <button
        type="button"
        className="btn"
        disabled={props.lockReason !== undefined || working}
        title={
          props.lockReason ??
          'Bring back an exported case under its own name: its files, notes, tags, bookmarks and view'
        }
        onClick={() => input.current?.click()}
      >
        {working ? 'Importing…' : 'Import case bundle…'}
      </button>
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
