// The shapes the UI receives from the worker, re-exported so ui/ never imports the worker's modules.
export type {
  CredentialChain,
  CredentialLink,
  EventDetail,
  EventSource,
  ExportColumn,
  ExportFormat,
} from '../analysis/types';
export type { DatasetInfo } from '../engine/types';
export type {
  EventTarget,
  Facet,
  FacetCounts,
  FacetList,
  FacetValue,
  Histogram,
  SearchRequest,
  SearchStatus,
  TableOrder,
} from '../search/types';
export type { SortColumn, TimeOrder } from '../index/types';
export { SORT_COLUMNS } from '../index/types';
export type { FileMeta, FileReport } from '../db/types';
export type { RowDetection, RowView } from '../index/types';
export { COVERAGE_FLAG } from '../analysis/types';
export { ROW_FLAG } from '../index/types';
export type {
  CoverageGap,
  CoverageMap,
  CoverageNote,
  CoverageRow,
  CoverageUnit,
  CrossAccountFiles,
  TamperingCount,
} from '../analysis/types';
export type { IngestProgress, InputFile } from '../engine/ingest/types';
export type {
  DigestConflict,
  KeyListing,
  ListedKey,
  LogVerdict,
  TrailTotals,
  ValidationRun,
  ValidationTotals,
} from '../engine/types';
export type { CaseEntry, CaseSummary } from '../db/types';
export type {
  CountByResult,
  CountGroup,
  CountOrder,
  CountParent,
  CountSort,
} from '../search/types';
export { COUNT_SORTS } from '../search/types';
