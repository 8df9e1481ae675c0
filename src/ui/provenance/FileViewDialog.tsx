import { useQuery } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { exactFileClause } from '../../querylang/fileFilter';
import { downloadFileBytes, fileByPathQuery, fileViewQuery } from '../../data/provenanceQueries';
import { CopyButton } from '../common/CopyButton';
import { formatCount } from '../common/formatCount';
import { LogText } from '../common/LogText';
import { FileFacts } from './FileFacts';
import type { FileViewTarget } from './fileViewTarget';
import { RawFileText } from './RawFileText';
import './Provenance.css';
import { useDivDialog } from '../keyboard/useDialogFocus';

/**
 * The file view: one stored file's path, S3 key, hashes, sizes and ingest figures, its content
 * decompressed, a download of its exact stored bytes, and a filter to its events.
 */
export function FileViewDialog(props: {
  readonly target: FileViewTarget;
  readonly onClose: () => void;
  /** Replaces the query (here: the events of this file). */
  readonly onQuery: (q: string) => void;
}) {
  const { target, onClose, onQuery } = props;
  const byPath = useQuery({
    ...fileByPathQuery('path' in target ? target.path : ''),
    enabled: 'path' in target,
  });
  const fileId = 'fileId' in target ? target.fileId : byPath.data;
  const query = useQuery({
    ...fileViewQuery(fileId ?? -1),
    enabled: fileId !== undefined && fileId !== null,
  });
  const view = query.data ?? undefined;
  const [saveError, setSaveError] = useState<string | undefined>();
  const dialog = useRef<HTMLDivElement>(null);
  // Focus moves in and Tab stays inside; Escape closes; on close the focus goes back.
  useDivDialog(dialog, onClose);

  const missing = byPath.data === null || query.data === null;
  const path = view?.meta.path ?? ('path' in target ? target.path : '');
  const base = path.slice(path.lastIndexOf('/') + 1);
  const name = base === '' ? 'cloudtrail-file' : base;
  return (
    <div className="file-view-backdrop" onClick={onClose}>
      <div
        className="file-view"
        role="dialog"
        aria-modal="true"
        aria-label="Source file"
        data-testid="file-view"
        tabIndex={-1}
        ref={dialog}
        onClick={(e) => e.stopPropagation()}
      >
        <div className="file-view-head">
          <h2>Source file</h2>
          <button type="button" className="btn btn-ghost" aria-label="Close" onClick={onClose}>
            ✕
          </button>
        </div>
        {path === '' ? null : (
          <p className="file-view-path">
            <span className="mono wrap" data-testid="file-view-path">
              <LogText text={path} />
            </span>
            <CopyButton text={path} title="Copy path" />
          </p>
        )}
        {missing ? <p className="error">This file is no longer stored.</p> : null}
        {query.isError ? (
          <p className="error">Could not read this file: {String(query.error)}</p>
        ) : null}
        {view === undefined ? (
          missing ? null : (
            <p className="muted">Reading the file…</p>
          )
        ) : (
          <>
            <div className="file-view-actions">
              {view.meta.kind === 'log' ? (
                <button
                  type="button"
                  className="btn btn-primary"
                  onClick={() => {
                    onQuery(exactFileClause(view.meta.path));
                    onClose();
                  }}
                >
                  Show the {formatCount(view.events)} events from this file
                </button>
              ) : null}
              <button
                type="button"
                className="btn"
                onClick={() => {
                  setSaveError(undefined);
                  downloadFileBytes(view.meta.fileId, name).catch((e: unknown) =>
                    setSaveError(String(e)),
                  );
                }}
              >
                Download original bytes
              </button>
              {saveError === undefined ? null : <span className="error">{saveError}</span>}
            </div>
            <FileFacts view={view} />
            <RawFileText view={view} />
          </>
        )}
      </div>
    </div>
  );
}
