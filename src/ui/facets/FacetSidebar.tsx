import { useQuery } from '@tanstack/react-query';
import { useIdentityActions } from '../../data/identityQueries';
import { useIngestState } from '../../data/ingestState';
import { facetsQuery } from '../../data/searchQueries';
import { originFacetsQuery } from '../../data/ipOriginQueries';
import type { SearchRequest } from '../../data/types';
import { useSettledVersion } from '../../data/useSettledVersion';
import type { FacetPick } from '../../data/useSearchView';
import { formatTime, zoneLabel } from '../common/formatTime';
import { usePrefs } from '../prefs/usePrefs';
import { FacetPanel } from './FacetPanel';

/** The facet panel fed with the current search's facets, and the time range's start for "new" marks. */
export function FacetSidebar(props: {
  readonly request: SearchRequest;
  readonly version: string;
  readonly isSelected: (field: string, value: string) => 'include' | 'exclude' | undefined;
  readonly onPick: (pick: FacetPick) => void;
  /** Groups the current filter by a field (`| count by <field>`). */
  readonly onCountBy: (field: string) => void;
}) {
  // While files stream in, the counts would be stale within seconds and their scans would take
  // the worker from the ingest: they refresh once it is idle. At start-up they wait for the stored
  // dataset to be ready: queued before it, a full count (0.4 s at 1M events) delayed the first screen.
  const phase = useIngestState((s) => s.phase);
  const { openIdentity } = useIdentityActions();
  const version = useSettledVersion(props.version);
  const query = useQuery({ ...facetsQuery(props.request, version), enabled: phase === 'idle' });
  const counts = query.data ?? undefined;
  // Where the source IPs come from: its own read, since the first one loads the IP databases.
  const origins = useQuery({
    ...originFacetsQuery(props.request, version),
    enabled: phase === 'idle' && query.isSuccess,
  });
  const facets =
    counts === undefined ? undefined : [...counts.facets, ...(origins.data?.facets ?? [])];
  const zone = usePrefs().timeZone;
  const from = props.request.from;
  const since =
    from === undefined ? undefined : `${formatTime(from, zone)} ${zoneLabel(zone, from)}`;
  return (
    <FacetPanel
      facets={facets}
      elapsedMs={counts?.elapsedMs}
      version={query.isSuccess && !query.isPlaceholderData ? version : undefined}
      staleNote={phase === 'ingesting' ? 'Counts update when the files are in' : 'Counting…'}
      request={props.request}
      listVersion={version}
      since={since}
      isSelected={props.isSelected}
      onPick={props.onPick}
      onOpenProfile={openIdentity}
      onCountBy={props.onCountBy}
    />
  );
}
