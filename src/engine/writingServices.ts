import type { CaseSession } from './CaseSession';
import type { CaseWriter } from './CaseWriter';
import type { IngestProgress, InputFile } from './ingest/types';

/**
 * The dataset service as the page reaches it: reads go to the open session's DatasetService; the
 * calls that change the case (ingest, which a resume is too, and discarding an interrupted run) run
 * through the case's one writer (CaseWriter), waiting for another tab's write first.
 */
export function writingDataset(
  writer: CaseWriter<CaseSession>,
  current: () => Promise<CaseSession>,
) {
  return {
    info: async () => (await current()).dataset.info(),
    lastRun: async () => (await current()).dataset.lastRun(),
    interruptedRun: async () => (await current()).dataset.interruptedRun(),
    /**
     * Ingests `inputs` as the case's one writer (DatasetService.ingest). `onWait` is told when
     * another tab is writing to the case: the run starts once that tab is done.
     * @throws Error when cancelled while waiting; what DatasetService.ingest throws.
     */
    ingest: (
      inputs: readonly InputFile[],
      onProgress?: (p: IngestProgress) => void,
      onWait?: () => void,
    ) => writer.write((s) => s.dataset.ingest(inputs, onProgress), onWait),
    /** Stops the running ingest, or gives up one still waiting for another tab. */
    cancel: async () => {
      writer.cancelWaiting();
      (await current()).dataset.cancel();
    },
    /** Forgets the rest of an interrupted run, as the case's one writer. */
    discardInterruptedRun: () => writer.write((s) => s.dataset.discardInterruptedRun()),
  };
}

/** The case bundle service as the page reaches it: an import changes the case, so it is a write. */
export function writingBundles(writer: CaseWriter<CaseSession>) {
  return {
    /** Imports a bundle into the open case as its one writer (CaseBundles.import). */
    import: (zip: Blob, onProgress?: (p: IngestProgress) => void) =>
      writer.write((s) => s.bundles.import(zip, onProgress)),
  };
}
