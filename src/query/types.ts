// The shapes the UI receives from the worker, re-exported so ui/ never imports store/ or ingest/.
export type {
  CredentialChain,
  CredentialLink,
  DatasetInfo,
  EventDetail,
  EventSource,
  ExportColumn,
  ExportFormat,
  Facet,
  FacetCounts,
  FileMeta,
  Histogram,
  SearchRequest,
  SearchStatus,
  FileReport,
  RowView,
  TimeOrder,
} from '../store/types';
export { COVERAGE_FLAG, ROW_FLAG } from '../store/types';
export type {
  CoverageGap,
  CoverageMap,
  CoverageNote,
  CoverageRow,
  CoverageUnit,
  TamperingCount,
} from '../store/types';
export type {
  IngestProgress,
  InputFile,
  LogVerdict,
  TrailTotals,
  ValidationRun,
  ValidationTotals,
} from '../ingest/types';
export type { CaseEntry, CaseSummary } from '../store/types';
