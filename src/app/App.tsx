import { useQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useState } from 'react';
import { datasetInfoQuery } from '../data/datasetQueries';
import { useSearchView } from '../data/useSearchView';
import { useSelection } from '../data/useSelection';
import { useIdentityActions } from '../data/identityQueries';
import { useReportAfterIngest } from '../data/useReportAfterIngest';
import { useIngestState } from '../data/ingestState';
import { useDatasetLoader } from '../data/useDatasetLoader';
import { useIngestActions } from '../data/useIngestActions';
import { CompareBar } from '../ui/compare/CompareBar';
import { useCompareMarks } from '../ui/compare/useCompareMarks';
import { DetailPane } from '../ui/detail/DetailPane';
import { DropOverlay } from '../ui/drop/DropOverlay';
import { DroppedRulesNotice } from '../ui/drop/DroppedRulesNotice';
import { DroppedIpDatabaseNotice } from '../ui/drop/DroppedIpDatabaseNotice';
import { FileInputs, useFilePickers } from '../ui/drop/OpenButtons';
import { EmptyState } from '../ui/empty/EmptyState';
import { InsecureContextNotice } from '../ui/common/InsecureContextNotice';
import { SafariStorageNotice } from '../ui/cases/SafariStorageNotice';
import { FacetSidebar } from '../ui/facets/FacetSidebar';
import { FileViewHost } from '../ui/provenance/FileViewHost';
import { SideTabs } from '../ui/provenance/SideTabs';
import { SourcesTree } from '../ui/provenance/SourcesTree';
import { SearchBar } from '../ui/search-bar/SearchBar';
import { TimelineStrip } from '../ui/timeline/TimelineStrip';
import { ValidationPanel } from '../ui/validation/ValidationPanel';
import { ValidationSummary } from '../ui/validation/ValidationSummary';
import { TopBar } from '../ui/header/TopBar';
import { countReports, FilesPanel } from '../ui/files/FilesPanel';
import { IngestBar } from '../ui/files/IngestBar';
import { ReplayBar } from '../ui/files/ReplayBar';
import { ClosedElsewhereBanner } from '../ui/cases/ClosedElsewhereBanner';
import { DroppedBundleNotice } from '../ui/annotations/DroppedBundleNotice';
import { useDroppedFiles } from '../data/useDroppedFiles';
import { IndexSaveNotice } from '../ui/files/IndexSaveNotice';
import { InterruptedBanner } from '../ui/files/InterruptedBanner';
import { usePrefs } from '../ui/prefs/usePrefs';
import { useFocusAfterIngest } from '../ui/keyboard/useFocusAfterIngest';
import { EventTable } from '../ui/records-table/EventTable';
import { ViewTabs } from '../ui/detections/ViewTabs';
import { lazyView } from '../ui/common/lazyView';
import { Workspace } from './Workspace';

const CountByView = lazyView(() => import('../ui/count-by/CountByView').then((m) => m.CountByView));
const SituationReport = lazyView(() =>
  import('../ui/report/SituationReport').then((m) => m.SituationReport),
);
const DetectionsView = lazyView(() =>
  import('../ui/detections/DetectionsView').then((m) => m.DetectionsView),
);
const SessionsView = lazyView(() =>
  import('../ui/sessions/SessionsView').then((m) => m.SessionsView),
);
const IdentityView = lazyView(() =>
  import('../ui/identity/IdentityView').then((m) => m.IdentityView),
);

/** The composition root: wires the dataset, ingest actions and preferences to the screen areas. */
export function App() {
  useDatasetLoader();
  const phase = useIngestState((s) => s.phase);
  const reports = useIngestState((s) => s.reports);
  const ingestError = useIngestState((s) => s.error);
  const actions = useIngestActions();
  const pickers = useFilePickers();
  const prefs = usePrefs();
  const count = useQuery(datasetInfoQuery()).data?.eventCount ?? 0;
  const search = useSearchView();
  const { openIdentity } = useIdentityActions();
  useReportAfterIngest(count);
  const { view, request, version } = search;
  const matchCount = search.status?.matchCount ?? count;
  const { selection, select, clear: clearSelection } = useSelection(request, search.order, version);
  const [filesOpen, setFilesOpen] = useState(false);
  const [validationOpen, setValidationOpen] = useState(false);
  const closeValidation = useCallback(() => setValidationOpen(false), []);
  const busy = phase !== 'idle';
  useFocusAfterIngest(busy, count);
  const marks = useCompareMarks();
  const clearMarks = marks.clear;
  // Row ids outlive searches, not the dataset: once cleared, a later ingest reuses them.
  useEffect(() => {
    if (count === 0 && !busy) clearMarks();
  }, [count, busy, clearMarks]);
  const counts = countReports(reports);
  const problems = counts.failed + counts.cancelled;

  const { onFiles, dropped, dismiss: dismissDropped } = useDroppedFiles(actions.ingest);
  // A run that failed on some files opens the Files panel: a responder must not miss lost evidence.
  // Once per run's reports, during render: closing it then keeps it closed.
  const [openedFor, setOpenedFor] = useState<typeof reports | undefined>(undefined);
  if (openedFor !== reports) {
    setOpenedFor(reports);
    if (problems > 0) setFilesOpen(true);
  }

  const filesButton =
    reports.length === 0 ? null : (
      <button
        type="button"
        className={problems > 0 ? 'btn btn-warn' : 'btn'}
        aria-expanded={filesOpen}
        onClick={() => setFilesOpen(!filesOpen)}
      >
        Files{problems > 0 ? ` · ${problems} failed` : ''}
      </button>
    );
  return (
    <div className="app">
      <FileInputs pickers={pickers} onFiles={onFiles} />
      <TopBar
        pickers={pickers}
        busy={busy}
        empty={count === 0}
        onClear={actions.clear}
        filesButton={filesButton}
        integrity={<ValidationSummary onOpen={() => setValidationOpen(true)} />}
      />
      <ClosedElsewhereBanner />
      <InsecureContextNotice />
      <SafariStorageNotice />
      {phase === 'ingesting' ? <IngestBar onCancel={actions.cancel} /> : null}
      {phase === 'loading' ? <ReplayBar /> : null}
      <IndexSaveNotice />
      <DroppedBundleNotice dropped={dropped} onClose={dismissDropped} />
      <DroppedRulesNotice />
      <DroppedIpDatabaseNotice />
      {phase === 'idle' ? (
        <InterruptedBanner onPickFolder={pickers.openFolder} onPickFiles={pickers.openFiles} />
      ) : null}
      {ingestError === undefined ? null : (
        <p className="notice notice-error" role="alert">
          {ingestError}
        </p>
      )}
      {count === 0 && !busy ? null : (
        <>
          <SearchBar search={search} total={count} timeZone={prefs.timeZone} />
          <TimelineStrip
            request={request}
            version={version}
            span={search.span}
            timeZone={prefs.timeZone}
            onBrush={search.brush}
          />
          <CompareBar marks={marks} />
          <ViewTabs view={view.view} eventCount={matchCount} onShow={search.showView} />
        </>
      )}
      <main className="workspace">
        {count === 0 && !busy ? (
          <EmptyState pickers={pickers} onSample={() => void actions.loadSample()} busy={busy} />
        ) : view.view === 'report' ? (
          <SituationReport
            request={request}
            version={version}
            timeZone={prefs.timeZone}
            onQuery={search.applyQuery}
            onIdentity={openIdentity}
            onClose={() => search.showView('events')}
          />
        ) : view.view === 'sessions' ? (
          <SessionsView
            request={request}
            session={view.session}
            timeZone={prefs.timeZone}
            onOpen={search.openSession}
            onQuery={search.applyQuery}
            onAddClause={search.addClause}
            onClose={() => search.showView('events')}
          />
        ) : view.view === 'identity' ? (
          <IdentityView timeZone={prefs.timeZone} onClose={() => search.showView('events')} />
        ) : view.view === 'detections' ? (
          <DetectionsView
            timeZone={prefs.timeZone}
            onQuery={search.applyQuery}
            onClose={() => search.showView('events')}
          />
        ) : (
          <Workspace
            sidebar={
              prefs.facets ? (
                <SideTabs
                  facets={
                    <FacetSidebar
                      request={request}
                      version={version}
                      isSelected={search.isSelected}
                      onPick={search.pickFacet}
                      onCountBy={(field) => search.countBy([field])}
                    />
                  }
                  sources={<SourcesTree q={view.q} onQuery={search.applyQuery} />}
                />
              ) : null
            }
            table={
              <section
                className="table-area"
                aria-label="Event history"
                id="main-view"
                role="tabpanel"
                aria-labelledby="main-tab-events"
              >
                {search.query.countBy === undefined ? (
                  <EventTable
                    count={matchCount}
                    request={request}
                    version={version}
                    order={search.order}
                    onSort={search.sortBy}
                    complete={search.status?.complete !== false}
                    selection={selection}
                    onSelect={select}
                    marked={marks.marked}
                    markFull={marks.full}
                    onToggleMark={marks.toggle}
                  />
                ) : (
                  <CountByView
                    request={request}
                    query={search.query}
                    version={version}
                    complete={search.status?.complete !== false}
                    order={search.countOrder}
                    timeZone={prefs.timeZone}
                    onSort={search.sortCount}
                    onOpen={search.openCountRow}
                    onClose={() => search.countBy([])}
                  />
                )}
              </section>
            }
            detail={
              selection === undefined ? null : (
                <DetailPane
                  row={selection.row}
                  onClose={clearSelection}
                  onQuery={search.applyQuery}
                  onAddClause={search.addClause}
                />
              )
            }
          />
        )}
      </main>
      {filesOpen ? <FilesPanel reports={reports} onClose={() => setFilesOpen(false)} /> : null}
      {validationOpen ? <ValidationPanel onClose={closeValidation} /> : null}
      <FileViewHost onQuery={search.applyQuery} />
      <DropOverlay onFiles={onFiles} />
    </div>
  );
}
