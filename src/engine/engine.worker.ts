// The ingest worker: owns the database and the in-memory index, and answers the UI's reads.
// A thin shell: all logic is in CairnEngine and the modules it calls.
import { expose, transfer } from 'comlink';
import type { RowWindow } from '../index/readRows';
import type { ExportColumn, ExportFormat } from '../analysis/types';
import type { SearchAnswer, SearchRequest } from '../search/types';
import type { TimeOrder } from '../index/types';
import { CairnEngine } from './CairnEngine';
import { CaseManager } from './CaseManager';
import type { ValidationExtras } from './runValidation';
import type { AnnotationEdit } from '../index/Annotation';
import type { BundleOptions } from './bundle/buildCaseManifest';
import { ParsePool } from './ingest/ParsePool';
import type { IngestProgress, InputFile } from './ingest/types';

const pool = new ParsePool(
  () => new Worker(new URL('./ingest/parse.worker.ts', import.meta.url), { type: 'module' }),
);
/** Stored files being parsed again while a case opens (replayStoredFiles), for the page to show. */
let replay: { done: number; total: number } | undefined;
/** The page's listener for the open case's database being closed by another tab. */
let closedElsewhere: (() => void) | undefined;
const cases = CaseManager.open(
  (dbName) => {
    const onReplay = (done: number, total: number) => {
      replay = done < total ? { done, total } : undefined;
    };
    const opened = CairnEngine.open(pool.parse, {
      bloom: pool.bloom,
      match: pool.match,
      dbName,
      onReplay,
      onClosedElsewhere: () => closedElsewhere?.(),
    });
    return opened.finally(() => (replay = undefined));
  },
  (next) => {
    engine = next;
  },
);
/** The open case's engine; the case manager replaces it when the user opens another case. */
let engine = cases.then((c) => c.engine);

const api = {
  /** Resolves once the stored dataset is loaded and queryable. */
  ready: async () => {
    await engine;
    return true;
  },
  /** While a case opens: stored files parsed again of those to parse, if any (else undefined). */
  replayProgress: () => replay,
  /** Registers the page's listener for the open case being deleted or upgraded by another tab. */
  onCaseClosedElsewhere: (listener: () => void) => {
    closedElsewhere = listener;
  },
  ingest: async (inputs: readonly InputFile[], onProgress?: (p: IngestProgress) => void) =>
    (await engine).ingest(inputs, onProgress),
  interruptedRun: async () => (await engine).interruptedRun(),
  discardInterruptedRun: async () => (await engine).discardInterruptedRun(),
  cancel: async () => {
    (await engine).cancel();
  },
  dataset: async () => (await engine).dataset(),
  search: async (
    request: SearchRequest,
    onProgress?: (s: SearchAnswer) => void,
    firstPage?: RowWindow,
  ) => (await engine).search(request, onProgress, firstPage),
  rows: async (request: SearchRequest, window: RowWindow) => (await engine).rows(request, window),
  locate: async (request: SearchRequest, eventID: string, order: TimeOrder) =>
    (await engine).locate(request, eventID, order),
  startExport: async (
    request: SearchRequest,
    order: TimeOrder,
    format: ExportFormat,
    columns: readonly ExportColumn[],
  ) => (await engine).startExport(request, order, format, columns),
  exportNext: async (id: number) => (await engine).exportNext(id),
  count: async (request: SearchRequest) => (await engine).count(request),
  facets: async (request: SearchRequest, limit?: number) => (await engine).facets(request, limit),
  histogram: async (request: SearchRequest, from: number, to: number) =>
    (await engine).histogram(request, from, to),
  suggest: async (field: string, text: string, limit?: number) =>
    (await engine).suggest(field, text, limit),
  detail: async (row: number) => (await engine).detail(row),
  credentialChain: async (row: number) => (await engine).credentialChain(row),
  insightPartners: async (row: number) => (await engine).insightPartners(row),
  validate: async (extras: ValidationExtras) => (await engine).validate(extras),
  coverage: async (extras: ValidationExtras) => (await engine).coverage(extras),
  files: async () => (await engine).files(),
  sourcesTree: async () => (await engine).sourcesTree(),
  sourceFiles: async (nodeId: string, limit?: number) => (await engine).sourceFiles(nodeId, limit),
  fileView: async (fileId: number, limit?: number) => (await engine).fileView(fileId, limit),
  fileBytes: async (fileId: number) => {
    const bytes = await (await engine).fileBytes(fileId);
    return bytes === undefined ? undefined : transfer(bytes, [bytes.buffer]);
  },
  findFile: async (path: string) => (await engine).findFile(path),
  lastRun: async () => (await engine).lastRun(),
  clear: async () => (await engine).clear(),
  /** Bookmarks, tags and notes on events (CaseNotes), and case bundles (CaseBundles). */
  annotation: async (row: number) => (await engine).notes.of(row),
  annotate: async (row: number, edit: AnnotationEdit) => (await engine).notes.annotate(row, edit),
  annotations: async () => (await engine).notes.all(),
  annotationTags: async () => (await engine).notes.tags(),
  bundleSize: async () => (await engine).bundles.size(),
  startBundle: async (options: BundleOptions) => (await engine).bundles.start(options),
  bundleNext: async (id: number) => (await engine).bundles.next(id),
  cancelBundle: async (id: number) => {
    (await engine).bundles.cancel(id);
  },
  peekBundle: async (zip: Blob) => (await engine).bundles.peek(zip),
  importBundle: async (zip: Blob, onProgress?: (p: IngestProgress) => void) =>
    (await engine).bundles.import(zip, onProgress),
  /** Cases (CaseManager): list, create (not opened), rename, open, delete. */
  cases: async () => (await cases).list(),
  createCase: async (name?: string) => (await cases).create(name),
  renameCase: async (id: string, name: string) => (await cases).rename(id, name),
  switchCase: async (id: string) => (await cases).switchTo(id),
  deleteCase: async (id: string) => (await cases).remove(id),
};

/** The worker API as the main thread sees it through Comlink. */
export type IngestApi = typeof api;

expose(api);
