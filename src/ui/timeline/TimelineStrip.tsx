import { useQuery } from '@tanstack/react-query';
import { useIngestState } from '../../data/ingestState';
import { histogramQuery } from '../../data/searchQueries';
import type { SearchRequest } from '../../data/types';
import { useSettledVersion } from '../../data/useSettledVersion';
import { Timeline } from './Timeline';

/** The timeline above the table, fed with the histogram of the current search over `span`. */
export function TimelineStrip(props: {
  readonly request: SearchRequest;
  readonly version: string;
  /** ms since epoch, `to` exclusive; undefined ends while the dataset is empty. */
  readonly span: { readonly from: number | undefined; readonly to: number | undefined };
  readonly timeZone: 'utc' | 'local';
  readonly onBrush: (from: number, to: number) => void;
}) {
  const { request, span, timeZone, onBrush } = props;
  const version = useSettledVersion(props.version);
  const from = span.from ?? 0;
  const to = span.to ?? 0;
  // Refreshed once an ingest is idle, as the facets are (FacetSidebar).
  const idle = useIngestState((s) => s.phase === 'idle');
  const query = useQuery({
    ...histogramQuery(request, from, to, version),
    enabled: to > from && idle,
  });
  const bins = query.data;
  return (
    <div
      className="timeline-strip"
      data-version={query.isSuccess && !query.isPlaceholderData ? version : undefined}
      data-elapsed-ms={bins?.elapsedMs?.toFixed(1)}
    >
      <Timeline bins={bins ?? undefined} timeZone={timeZone} onBrush={onBrush} />
    </div>
  );
}
