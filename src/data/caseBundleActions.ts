import type { QueryClient } from '@tanstack/react-query';
import { engineClient, workerCallback } from '../engine/engineClient';
import type { IngestProgress } from '../engine/ingest/types';
import type { BundleImport } from './annotationTypes';
import { setIngestState } from './ingestState';
import { DATASET_KEY } from './keys';
import { openFileSink } from './saveFile';
import { refreshValidation } from './validation';
import { followDetections } from './detectionQueries';

/** What the user chose in the export dialog. */
export interface BundleExportOptions {
  readonly caseName: string;
  /** The view to restore on import: a URL search string (`?q=…`). */
  readonly view: string;
  readonly includeFiles: boolean;
  /** Called with the bytes written so far. */
  readonly onProgress?: (bytes: number) => void;
}

/** A file name for the bundle: the case name made safe, and the time of export. */
export function bundleFileName(caseName: string, now: Date): string {
  const slug = caseName
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  const stamp = now.toISOString().replace(/[:.]/g, '-').slice(0, 19);
  return `${slug === '' ? 'cairn-case' : slug}-${stamp}.cairn-case.zip`;
}

/**
 * Writes the case bundle to a file the user saves, pulled from the worker part by part (a few MB
 * each) and streamed to the file where the browser can (saveFile.ts), so a bundle with GBs of
 * original files never sits in memory. Returns the bytes written.
 * @throws DOMException 'AbortError' when the user cancels the picker; Error when the worker fails.
 */
export async function exportCaseBundle(opts: BundleExportOptions): Promise<number> {
  const name = bundleFileName(opts.caseName, new Date());
  // Ask for the file first: the picker needs the click's user activation.
  const sink = await openFileSink(name, 'application/zip', '.zip');
  let job: { readonly id: number } | undefined;
  let written = 0;
  try {
    job = await engineClient().bundles.start({
      caseName: opts.caseName,
      view: opts.view,
      includeFiles: opts.includeFiles,
    });
    for (
      let parts = await engineClient().bundles.next(job.id);
      parts !== undefined;
      parts = await engineClient().bundles.next(job.id)
    ) {
      for (const part of parts) {
        await sink.write(new Uint8Array(part));
        written += part.byteLength;
      }
      opts.onProgress?.(written);
    }
    await sink.close();
  } catch (error) {
    if (job !== undefined) void engineClient().bundles.cancel(job.id);
    await sink.abort();
    throw error;
  }
  return written;
}

/**
 * The checked manifest of a case bundle (name, exportedAt, view, annotations, files), read without
 * importing: e.g. to create a case named after it first, then importCaseBundle into that case.
 * @throws Error with a readable reason when the file is not a valid case bundle.
 */
export function peekCaseBundle(zip: Blob) {
  return engineClient().bundles.peek(zip);
}

/**
 * Imports a case bundle into the open dataset: the worker ingests its files (progress shows like
 * any drop, and the page is busy until done), merges its annotations, and every read is refreshed.
 * The caller applies `result.view` (useApplyView). The one entry point for "import a bundle",
 * whichever case is open.
 * @throws Error with a readable reason when the file is not a valid case bundle (nothing changes).
 */
export async function importCaseBundle(client: QueryClient, zip: Blob): Promise<BundleImport> {
  setIngestState({
    phase: 'ingesting',
    ingesting: 'bundle',
    progress: undefined,
    error: undefined,
  });
  try {
    const result = await engineClient().bundles.import(
      zip,
      workerCallback((progress: IngestProgress) => setIngestState({ progress })),
    );
    if (result.reports.length > 0) {
      setIngestState({ reports: result.reports });
    }
    return result;
  } finally {
    await client.invalidateQueries({ queryKey: DATASET_KEY });
    await refreshValidation(client);
    await followDetections(client);
    setIngestState({ phase: 'idle', progress: undefined });
  }
}
