import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { eventDetailQuery } from '../../query/datasetQueries';
import { EventSummary } from './EventSummary';
import { JsonTree } from './JsonTree';
import { RawJson } from './RawJson';
import { ResourcesTable } from './ResourcesTable';
import './DetailPane.css';

/** The detail of the selected event: summary, resources, sources, and the record as a tree or raw JSON. */
export function DetailPane(props: {
  readonly row: number | undefined;
  readonly onClose: () => void;
}) {
  const { row, onClose } = props;
  const query = useQuery({ ...eventDetailQuery(row ?? -1), enabled: row !== undefined });
  const [view, setView] = useState<'tree' | 'raw'>('tree');
  const detail = query.data ?? undefined;
  const record = useMemo<unknown>(() => {
    if (detail === undefined) return undefined;
    try {
      return JSON.parse(detail.recordJson);
    } catch {
      return undefined;
    }
  }, [detail]);
  if (row === undefined) {
    return (
      <aside className="detail detail-empty" aria-label="Event detail">
        <p>Select an event to see its details.</p>
        <p className="muted">↑ ↓ move between events; the table must have focus.</p>
      </aside>
    );
  }
  return (
    <aside className="detail" aria-label="Event detail">
      <div className="detail-head">
        <h2>{detail?.row.eventName ?? 'Loading…'}</h2>
        <button type="button" className="btn btn-ghost" onClick={onClose} aria-label="Close detail">
          ✕
        </button>
      </div>
      {query.isError ? (
        <p className="error">Could not read this event: {String(query.error)}</p>
      ) : null}
      {detail === undefined ? null : (
        <div className="detail-body">
          <EventSummary detail={detail} record={record} />
          <ResourcesTable types={detail.row.resourceTypes} names={detail.row.resourceNames} />
          <section className="detail-section">
            <div className="detail-tabs" role="tablist" aria-label="Event record view">
              <h3>Event record</h3>
              <button
                type="button"
                role="tab"
                aria-selected={view === 'tree'}
                className="tab"
                onClick={() => setView('tree')}
              >
                Tree
              </button>
              <button
                type="button"
                role="tab"
                aria-selected={view === 'raw'}
                className="tab"
                onClick={() => setView('raw')}
              >
                Raw JSON
              </button>
            </div>
            {view === 'tree' ? <JsonTree value={record} /> : <RawJson text={detail.recordJson} />}
          </section>
        </div>
      )}
    </aside>
  );
}
