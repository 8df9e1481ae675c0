import type { ReactNode } from 'react';
import type { MainView } from '../../data/useViewState';
import { useDetections } from '../../data/detectionQueries';
import { formatCount } from '../common/formatCount';
import { DetectionsStatus } from './DetectionsStatus';
import './Detections.css';

/**
 * The strip above the main area: the Report, Events, Sessions and Detections tabs (the URL's `view`, so a reload or
 * a link keeps it), then what the detection rules found or how far they are (DetectionsStatus).
 * `children` goes at the right end (nothing yet: room for a view's own actions).
 */
export function ViewTabs(props: {
  readonly view: MainView;
  readonly eventCount: number;
  readonly onShow: (view: MainView) => void;
  readonly children?: ReactNode;
}) {
  const { view, eventCount, onShow } = props;
  const detections = useDetections();
  const hitRules = detections?.rules.filter((r) => r.hits > 0).length;
  const tab = (id: MainView, label: string, figure: string | undefined) => (
    <button
      type="button"
      role="tab"
      id={`main-tab-${id}`}
      aria-selected={view === id}
      aria-controls="main-view"
      className="view-tab"
      data-testid={`view-tab-${id}`}
      onClick={() => onShow(id)}
    >
      {label}
      {figure === undefined ? null : <span className="view-tab-figure">{figure}</span>}
    </button>
  );
  return (
    <div className="view-tabs">
      <div role="tablist" aria-label="Main view" className="view-tabs-list">
        {tab('report', 'Report', undefined)}
        {tab('events', 'Events', formatCount(eventCount))}
        {tab('identity', 'Identities', undefined)}
        {tab('sessions', 'Sessions', undefined)}
        {tab(
          'detections',
          'Detections',
          hitRules === undefined ? undefined : formatCount(hitRules),
        )}
      </div>
      <DetectionsStatus onOpen={() => onShow('detections')} />
      {props.children}
    </div>
  );
}
