import { useEffect, useMemo, useRef, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { filesQuery } from '../../data/datasetQueries';
import { useQueryLists } from '../../data/queryLists';
import { openFileSink } from '../../data/saveFile';
import { athenaTableDdl, trailLayout } from '../../sql/athenaTable';
import { duckdbGlob } from '../../sql/duckdbGlob';
import { SQL_DIALECTS } from '../../sql/types';
import type { SqlDialect, SqlSources } from '../../sql/types';
import { CopyButton } from '../common/CopyButton';
import { DialogHead } from '../common/DialogHead';
import { LogText } from '../common/LogText';
import { viewSql } from './viewSql';
import '../common/modalDialog.css';
import './SqlDialog.css';

const LABELS: Readonly<Record<SqlDialect, string>> = {
  athena: 'Athena',
  lake: 'CloudTrail Lake',
  duckdb: 'DuckDB',
};

const SOURCE_LABELS: Readonly<Record<SqlDialect, string>> = {
  athena: 'Table',
  lake: 'Event data store ID',
  duckdb: 'Files',
};

const WHERE: Readonly<Record<SqlDialect, string>> = {
  athena: 'Athena, over the trail bucket through AWS’s CloudTrail table.',
  lake: 'CloudTrail Lake, over one event data store.',
  duckdb: 'DuckDB on your machine, run from the folder that holds what you dropped here.',
};

/**
 * The SQL dialog: the applied view (query, time range, sort) as Athena, CloudTrail Lake and DuckDB
 * SQL (sql/printSql), one dialect at a time (`dialect`, the URL's `sql`), with its data source
 * editable (the DuckDB files default to the dropped log files' common folder), copy and download.
 * The text is `[data-testid="view-sql"][data-dialect]`, for outside checks.
 */
export function SqlDialog(props: {
  readonly q: string;
  readonly from: number | undefined;
  readonly to: number | undefined;
  readonly sort: string | null;
  readonly order: 'asc' | 'desc';
  readonly dialect: SqlDialect;
  readonly onDialect: (dialect: SqlDialect) => void;
  readonly onClose: () => void;
}) {
  const { dialect, onClose } = props;
  const ref = useRef<HTMLDialogElement>(null);
  const { saved } = useQueryLists();
  const files = useQuery(filesQuery()).data;
  const logPaths = useMemo(
    () => (files ?? []).filter((f) => f.kind === 'log').map((f) => f.path),
    [files],
  );
  const glob = useMemo(() => duckdbGlob(logPaths), [logPaths]);
  const layout = useMemo(() => trailLayout(logPaths), [logPaths]);
  const [bucket, setBucket] = useState('s3://amzn-s3-demo-bucket');
  const [edited, setEdited] = useState<Partial<SqlSources>>({});
  const sources: SqlSources = {
    athena: edited.athena ?? 'cloudtrail_logs',
    lake: edited.lake ?? 'EVENT_DATA_STORE_ID',
    duckdb: edited.duckdb ?? glob,
  };
  const [status, setStatus] = useState<string>();
  useEffect(() => {
    const dialog = ref.current;
    if (dialog !== null && !dialog.open) dialog.showModal();
  }, []);
  const out = viewSql({
    q: props.q,
    saved,
    from: props.from,
    to: props.to,
    sort: props.sort,
    order: props.order,
    dialect,
    source: sources[dialect],
  });
  const download = async () => {
    if (!out.ok) return;
    const name = `cairn-${dialect}.sql`;
    try {
      const sink = await openFileSink(name, 'application/sql', '.sql');
      await sink.write(`${out.sql}\n`);
      await sink.close();
      setStatus(`Saved ${name}`);
    } catch (e) {
      if (e instanceof DOMException && e.name === 'AbortError') return;
      setStatus(`Could not save: ${String(e)}`);
    }
  };
  return (
    <dialog
      ref={ref}
      className="modal-dialog sql-dialog"
      aria-label="The view as SQL"
      data-testid="sql-dialog"
      onClose={onClose}
    >
      <DialogHead heading="The view as SQL" closeLabel="Close" onClose={onClose} />
      <p className="muted modal-intro">
        The query, time range and sort of this view, for an engine made for a whole organisation’s
        trail. Matching ignores case, and an event delivered twice counts once, as here.
      </p>
      <div className="sql-body">
        <div className="sql-tabs" role="tablist" aria-label="SQL dialect">
          {SQL_DIALECTS.map((d) => (
            <button
              key={d}
              type="button"
              role="tab"
              className="btn"
              aria-selected={d === dialect}
              data-dialect={d}
              onClick={() => props.onDialect(d)}
            >
              {LABELS[d]}
            </button>
          ))}
        </div>
        <p className="muted">{WHERE[dialect]}</p>
        <label className="sql-source">
          <span>{SOURCE_LABELS[dialect]}</span>
          <input
            data-testid="sql-source"
            value={sources[dialect]}
            maxLength={1000}
            spellCheck={false}
            onChange={(e) => setEdited({ ...edited, [dialect]: e.target.value })}
          />
        </label>
        {out.ok ? (
          <pre className="sql-text" data-testid="view-sql" data-dialect={dialect} tabIndex={0}>
            {out.sql}
          </pre>
        ) : (
          <p className="error" role="alert">
            The query does not parse: <LogText text={out.message} max={1000} />
          </p>
        )}
        <div className="sql-actions">
          <CopyButton text={out.ok ? out.sql : ''} label="Copy" title="Copy the SQL" />
          <button
            type="button"
            className="btn btn-small"
            disabled={!out.ok}
            onClick={() => void download()}
          >
            Download .sql
          </button>
          {status === undefined ? null : (
            <span role="status">
              <LogText text={status} max={500} />
            </span>
          )}
        </div>
        {dialect === 'athena' ? (
          <details className="sql-ddl">
            <summary>The table for the bucket (CREATE EXTERNAL TABLE)</summary>
            <p className="muted">
              AWS’s CloudTrail columns, with partition projection over the accounts, Regions and
              delivery days of the files dropped here
              {layout.orgId === undefined ? '' : `, under the organisation folder ${layout.orgId}`}.
              The queries above read its <code>timestamp</code> partition.
            </p>
            <label className="sql-source">
              <span>Bucket</span>
              <input
                data-testid="athena-bucket"
                value={bucket}
                maxLength={1000}
                spellCheck={false}
                onChange={(e) => setBucket(e.target.value)}
              />
            </label>
            <pre className="sql-text" data-testid="athena-ddl" tabIndex={0}>
              {athenaTableDdl(layout, sources.athena, bucket)}
            </pre>
            <CopyButton
              text={athenaTableDdl(layout, sources.athena, bucket)}
              label="Copy the table"
              title="Copy the CREATE EXTERNAL TABLE statement"
            />
          </details>
        ) : null}
      </div>
    </dialog>
  );
}
