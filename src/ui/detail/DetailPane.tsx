import { useQuery } from '@tanstack/react-query';
import { useLayoutEffect, useMemo, useRef, useState } from 'react';
import { eventDetailQuery } from '../../data/datasetQueries';
import { annotationQuery } from '../../data/annotationQueries';
import { focusEventTable } from '../keyboard/focusTargets';
import { FileIntegrityBadge } from '../validation/FileIntegrityBadge';
import { CallMeaningView } from './CallMeaningView';
import { CallOutcomeView } from './CallOutcomeView';
import { CredentialChainView } from './CredentialChainView';
import { DetectionHits } from './DetectionHits';
import { EventSummary } from './EventSummary';
import { InsightDetails } from './InsightDetails';
import { JsonTree } from './JsonTree';
import { pivotClause } from './pivotClause';
import { RelatedEvents } from './RelatedEvents';
import { RawJson } from './RawJson';
import { ResourcesTable } from './ResourcesTable';
import './DetailPane.css';
import { LogText } from '../common/LogText';
import { AnnotationEditor } from '../annotations/AnnotationEditor';
import { RowBookmark, RowTags } from '../annotations/RowMarks';
import { useBookmarkShortcut } from '../annotations/useBookmarkShortcut';

/**
 * The detail of the selected event: summary, resources, sources, and the record as a tree or raw JSON.
 * With no event selected it renders nothing: the pane then takes no width and the table gets it.
 */
export function DetailPane(props: {
  readonly row: number | undefined;
  readonly onClose: () => void;
  /** Replaces the query (a pivot). */
  readonly onQuery: (q: string) => void;
  /** Adds a clause to the query ("filter by this value"). */
  readonly onAddClause: (clause: string) => void;
}) {
  const { row, onQuery, onAddClause } = props;
  // Closing by keyboard or the ✕ button hands the focus back to the table, on the same place.
  const onClose = () => {
    props.onClose();
    focusEventTable();
  };
  const query = useQuery({ ...eventDetailQuery(row ?? -1), enabled: row !== undefined });
  useBookmarkShortcut(row);
  const marks = useQuery({ ...annotationQuery(row ?? -1), enabled: row !== undefined }).data;
  const [view, setView] = useState<'tree' | 'raw'>('tree');
  const detail = query.data ?? undefined;
  const shown = detail?.row.row;
  const headRef = useRef<HTMLDivElement>(null);
  // Another event starts at its top, not where the last one was scrolled to. Every scrolled box
  // around the pane's content is reset, whichever of them the layout makes scroll.
  useLayoutEffect(() => {
    for (let box = headRef.current?.parentElement; box; box = box.parentElement) {
      if (box.scrollTop !== 0) box.scrollTop = 0;
      if (box.tagName === 'ASIDE') break;
    }
  }, [shown]);
  const record = useMemo<unknown>(() => {
    if (detail === undefined) return undefined;
    try {
      return JSON.parse(detail.recordJson);
    } catch {
      return undefined;
    }
  }, [detail]);
  if (row === undefined) return null;
  return (
    <aside
      className="detail"
      aria-label="Event detail"
      data-focus-area="event-detail"
      tabIndex={-1}
      onKeyDown={(e) => {
        // Escape inside the pane closes it, unless a field or menu in it used the key first.
        if (e.key !== 'Escape' || e.defaultPrevented) return;
        e.preventDefault();
        onClose();
      }}
    >
      <div className="detail-head" ref={headRef}>
        <h2>
          <RowBookmark bookmarked={marks?.annotation?.bookmarked} />
          {detail === undefined ? (
            'Loading…'
          ) : (
            <LogText text={detail.row.eventName} max={200} />
          )}{' '}
          <RowTags tags={marks?.annotation?.tags} max={6} />{' '}
          {detail === undefined ? null : <FileIntegrityBadge fileId={detail.row.fileId} />}
        </h2>
        <button
          type="button"
          className="btn btn-ghost detail-close"
          onClick={onClose}
          aria-label="Close detail"
          title="Close (Esc)"
        >
          ✕
        </button>
      </div>
      {query.isError ? (
        <p className="error">Could not read this event: {String(query.error)}</p>
      ) : null}
      {detail === undefined ? null : (
        <div className="detail-body">
          {/* What Cairn concluded (the rules it matched, one line each until opened), the story
              (error, login result, issued or new key), the responder's own marks on it (★ and tags
              are also in the title), then the facts; what the call means follows the facts, so a
              1280×720 screen still shows who, when and from where. */}
          <DetectionHits row={detail.row.row} onQuery={onQuery} />
          <InsightDetails detail={detail} record={record} />
          <CallOutcomeView row={detail.row} record={record} />
          <AnnotationEditor row={detail.row.row} />
          <EventSummary detail={detail} record={record} />
          <CallMeaningView eventSource={detail.row.eventSource} eventName={detail.row.eventName} />
          <RelatedEvents row={detail.row} record={record} onQuery={onQuery} />
          <CredentialChainView row={detail.row.row} onQuery={onQuery} />
          <ResourcesTable types={detail.row.resourceTypes} names={detail.row.resourceNames} />
          <section className="detail-section">
            <div className="detail-tabs">
              <h3>Event record</h3>
              {/* A tablist holds only tabs: the heading stays outside it. */}
              <div className="detail-tabs" role="tablist" aria-label="Event record view">
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
            </div>
            {view === 'tree' ? (
              <JsonTree
                value={record}
                onFilter={(path, value) => onAddClause(pivotClause(path, value))}
              />
            ) : (
              <RawJson text={detail.recordJson} />
            )}
          </section>
        </div>
      )}
    </aside>
  );
}
